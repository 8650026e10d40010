package dev.stowage.format.text;

import dev.stowage.format.FileFormat;
import dev.stowage.format.FileFormatParser;
import dev.stowage.format.OptionValue;
import dev.stowage.format.TempStage;
import dev.stowage.scan.ColumnType;
import dev.stowage.scan.FormatReader;
import dev.stowage.scan.OutputColumn;
import dev.stowage.scan.ScanSpec;
import dev.stowage.scan.ScanUnit;
import dev.stowage.scan.ScanUnits;
import dev.stowage.scan.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Staged text files in a {@link TempStage}, and reading them unit by unit as a scan does. Register it with
 * {@code @RegisterExtension}.
 */
final class TextFiles extends TempStage {
    /** Writes {@code text} as UTF-8 to {@code name} and returns the file. */
    SourceFile write(String name, String text) throws IOException {
        return write(name, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Returns the format of {@code type} with {@code options} given as {@code key, value, ...} strings. */
    static FileFormat format(String type, String... options) {
        Map<String, OptionValue> values = new LinkedHashMap<>();
        values.put("type", OptionValue.of(OptionValue.Kind.WORD, type));
        for (int i = 0; i < options.length; i += 2) {
            values.put(options[i], OptionValue.of(OptionValue.Kind.STRING, options[i + 1]));
        }
        return FileFormatParser.parse(values, Map.of());
    }

    /** Returns the field outputs {@code $1 .. $count} as VARCHAR. */
    static List<OutputColumn> text(int count) {
        List<OutputColumn> outputs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            outputs.add(new OutputColumn.Field(i, ColumnType.VARCHAR));
        }
        return outputs;
    }

    /** Returns a spec of positional outputs. */
    static ScanSpec positional(List<OutputColumn> outputs) {
        return new ScanSpec(List.of(), outputs, List.of());
    }

    /** Reads every unit of {@code file} in order and returns the rows. */
    static List<List<Object>> read(FormatReader reader, SourceFile file, ScanSpec spec) throws IOException {
        List<List<Object>> rows = new ArrayList<>();
        try (ScanUnits units = reader.units(file, spec)) {
            ScanUnit unit;
            while ((unit = units.next()) != null) {
                unit.read(row -> rows.add(Arrays.asList(row)));
            }
        }
        return rows;
    }

    /** Returns how many units {@code file} is read in. */
    static int unitCount(FormatReader reader, SourceFile file, ScanSpec spec) throws IOException {
        int count = 0;
        try (ScanUnits units = reader.units(file, spec)) {
            while (units.next() != null) {
                count++;
            }
        }
        return count;
    }

    /** Returns a row of {@code values}, which may hold nulls. */
    static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }
}
