package dev.stowage.write;

import dev.stowage.format.FileFormat;
import dev.stowage.format.FileFormatParser;
import dev.stowage.format.OptionValue;
import dev.stowage.format.TempStage;
import dev.stowage.scan.Column;
import dev.stowage.scan.FormatReader;
import dev.stowage.scan.FormatReaders;
import dev.stowage.scan.OutputColumn;
import dev.stowage.scan.ScanSpec;
import dev.stowage.scan.ScanUnit;
import dev.stowage.scan.ScanUnits;
import dev.stowage.scan.SourceFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Files written with {@link FormatWriters} into a {@link TempStage}, and read back with the driver's own readers as
 * a query reads them. Register it with {@code @RegisterExtension}.
 */
final class WrittenFiles extends TempStage {
    /** Returns the format of {@code type} with {@code options} given as {@code key, value, ...}, validated. */
    static FileFormat format(String type, String... options) {
        Map<String, OptionValue> values = new LinkedHashMap<>();
        values.put("type", OptionValue.of(OptionValue.Kind.WORD, type));
        for (int i = 0; i < options.length; i += 2) {
            values.put(options[i], OptionValue.of(OptionValue.Kind.STRING, options[i + 1]));
        }
        return FileFormatParser.parse(values, Map.of());
    }

    /** Returns {@code format} with option {@code key} set to {@code value}, unvalidated. */
    static FileFormat with(FileFormat format, String key, String value) {
        TreeMap<String, String> options = new TreeMap<>(format.options());
        options.put(key, value);
        return new FileFormat(format.type(), options);
    }

    /** Writes {@code rows} in {@code format} and returns the file's bytes. */
    static byte[] bytes(FileFormat format, List<Column> columns, List<Object[]> rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RowFileWriter writer = FormatWriters.open(format, columns, out)) {
            for (Object[] row : rows) {
                writer.write(row);
            }
            writer.finish();
        }
        return out.toByteArray();
    }

    /** Writes {@code rows} in {@code format} and returns the file's text. */
    static String text(FileFormat format, List<Column> columns, List<Object[]> rows) throws IOException {
        return new String(bytes(format, columns, rows), StandardCharsets.UTF_8);
    }

    /** Writes {@code rows} in {@code format} to {@code name} and returns the file. */
    SourceFile write(String name, FileFormat format, List<Column> columns, List<Object[]> rows) throws IOException {
        return write(name, bytes(format, columns, rows));
    }

    /**
     * Reads every row of {@code file} in {@code format}, each column as its type: by name for Parquet and NDJSON,
     * by position for CSV and TSV.
     */
    static List<List<Object>> read(FileFormat format, SourceFile file, List<Column> columns) throws IOException {
        List<OutputColumn> outputs = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            outputs.add(new OutputColumn.Field(i, columns.get(i).type()));
        }
        List<Column> schema = FormatReaders.positional(format) ? List.of() : columns;
        FormatReader reader = FormatReaders.of(format);
        List<List<Object>> rows = new ArrayList<>();
        try (ScanUnits units = reader.units(file, new ScanSpec(schema, outputs, List.of()))) {
            for (ScanUnit unit = units.next(); unit != null; unit = units.next()) {
                unit.read(row -> rows.add(Arrays.asList(row)));
            }
        }
        return rows;
    }

    /** Returns the schema the reader of {@code format} finds in {@code file}. */
    static List<Column> schema(FileFormat format, SourceFile file) throws IOException {
        return FormatReaders.of(format).schema(file, Long.MAX_VALUE);
    }

    /** Returns a row of {@code values}, which may hold nulls. */
    static Object[] row(Object... values) {
        return values;
    }

    /** Returns {@code rows} as lists, the way {@link #read} returns them. */
    static List<List<Object>> lists(List<Object[]> rows) {
        return rows.stream().map(Arrays::asList).toList();
    }
}
