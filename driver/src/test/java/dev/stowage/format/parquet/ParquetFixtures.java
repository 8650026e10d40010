package dev.stowage.format.parquet;

import dev.stowage.format.FileFormat;
import dev.stowage.format.FileFormatType;
import dev.stowage.format.FileFormatParser;
import dev.stowage.format.TempStage;
import dev.stowage.scan.Column;
import dev.stowage.scan.ColumnPredicate;
import dev.stowage.scan.OutputColumn;
import dev.stowage.scan.ScanSpec;
import dev.stowage.scan.ScanUnit;
import dev.stowage.scan.ScanUnits;
import dev.stowage.scan.SourceFile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/**
 * Writes Parquet fixtures into a {@link TempStage} with parquet-java's example writer and reads them back. Register it
 * with {@code @RegisterExtension}.
 */
final class ParquetFixtures extends TempStage {
    /** Returns the schema written in Parquet's schema language. */
    static MessageType schema(String text) {
        return MessageTypeParser.parseMessageType(text);
    }

    /** Returns a record builder of {@code schema}. */
    static SimpleGroupFactory groups(MessageType schema) {
        return new SimpleGroupFactory(schema);
    }

    /** Writes {@code rows} to {@code name} with default writer settings. */
    SourceFile write(String name, MessageType schema, List<Group> rows) throws IOException {
        return write(name, schema, rows, builder -> builder);
    }

    /** Writes {@code rows} to {@code name} with the writer settings {@code settings} adds. */
    SourceFile write(String name, MessageType schema, List<Group> rows,
            UnaryOperator<ExampleParquetWriter.Builder> settings) throws IOException {
        ExampleParquetWriter.Builder builder = ExampleParquetWriter.builder(new LocalOutputFile(path(name)))
                .withConf(new PlainParquetConfiguration())
                .withType(schema)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .withCompressionCodec(CompressionCodecName.SNAPPY);
        try (var writer = settings.apply(builder).build()) {
            for (Group row : rows) {
                writer.write(row);
            }
        }
        return file(name);
    }

    /** Returns the default Parquet format, or with {@code missing_field_as = FIELD_DEFAULT} when asked. */
    static ParquetFormatReader reader(boolean missingAsDefault) {
        FileFormat defaults = FileFormatParser.defaults(FileFormatType.PARQUET);
        if (!missingAsDefault) {
            return new ParquetFormatReader(defaults);
        }
        TreeMap<String, String> options = new TreeMap<>(defaults.options());
        options.put("missing_field_as", "FIELD_DEFAULT");
        return new ParquetFormatReader(new FileFormat(FileFormatType.PARQUET, options));
    }

    /** Returns the spec reading {@code schema}'s columns in order as their own types. */
    static ScanSpec allColumns(List<Column> schema, List<ColumnPredicate> predicates) {
        List<OutputColumn> outputs = new ArrayList<>();
        for (int i = 0; i < schema.size(); i++) {
            outputs.add(new OutputColumn.Field(i, schema.get(i).type()));
        }
        return new ScanSpec(schema, outputs, predicates);
    }

    /** Returns the units of {@code file} for {@code spec}. */
    static List<ScanUnit> units(ParquetFormatReader reader, SourceFile file, ScanSpec spec) throws IOException {
        List<ScanUnit> units = new ArrayList<>();
        try (ScanUnits all = reader.units(file, spec)) {
            for (ScanUnit unit = all.next(); unit != null; unit = all.next()) {
                units.add(unit);
            }
        }
        return units;
    }

    /** Returns every row of {@code file} for {@code spec}, reading its units in order. */
    static List<List<Object>> rows(ParquetFormatReader reader, SourceFile file, ScanSpec spec) throws IOException {
        List<List<Object>> rows = new ArrayList<>();
        for (ScanUnit unit : units(reader, file, spec)) {
            unit.read(row -> rows.add(Arrays.asList(row)));
        }
        return rows;
    }
}
