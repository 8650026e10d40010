package dev.stowage.format.text;

import static dev.stowage.format.text.TextFiles.format;
import static dev.stowage.format.text.TextFiles.positional;
import static dev.stowage.format.text.TextFiles.read;
import static dev.stowage.format.text.TextFiles.row;
import static dev.stowage.format.text.TextFiles.unitCount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.error.ErrorCode;
import dev.stowage.error.StowageException;
import dev.stowage.scan.Column;
import dev.stowage.scan.ColumnType;
import dev.stowage.scan.OutputColumn;
import dev.stowage.scan.ScanSpec;
import dev.stowage.scan.SourceFile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Compressed CSV and NDJSON files are decompressed while they are read, as one unit. */
class CompressedTextTest {
    private static final int RECORDS = 3_000;

    @RegisterExtension
    final TextFiles files = new TextFiles();

    private static String csvText() {
        StringBuilder text = new StringBuilder("id,name\n");
        for (int i = 0; i < RECORDS; i++) {
            text.append(i).append(",\"näme ").append(i).append("\nsecond line\"\n");
        }
        return text.toString();
    }

    private static List<List<Object>> csvRows() {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < RECORDS; i++) {
            rows.add(row(i, "näme " + i + "\nsecond line", (long) i));
        }
        return rows;
    }

    private static final List<OutputColumn> CSV_OUTPUTS = List.of(new OutputColumn.Field(0, ColumnType.INTEGER),
            new OutputColumn.Field(1, ColumnType.VARCHAR), new OutputColumn.FileRowNumber());

    @ParameterizedTest
    @EnumSource(value = Compression.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void csvIsReadWithTheCompressionTheOptionNames(Compression compression) throws Exception {
        SourceFile file = files.write("c/data.csv", Compressed.bytes(compression, csvText()));
        CsvFormatReader reader = new CsvFormatReader(format("CSV", "skip_header", "1",
                "compression", compression.name().toLowerCase(Locale.ROOT)), 256);
        assertThat(read(reader, file, positional(CSV_OUTPUTS))).isEqualTo(csvRows());
        assertThat(unitCount(reader, file, positional(CSV_OUTPUTS))).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void autoPicksTheCompressionByExtension(Compression compression) throws Exception {
        SourceFile file = files.write("a/data.csv" + Compressed.extension(compression),
                Compressed.bytes(compression, csvText()));
        CsvFormatReader reader = new CsvFormatReader(format("CSV", "skip_header", "1", "compression", "AUTO"), 256);
        assertThat(read(reader, file, positional(CSV_OUTPUTS))).isEqualTo(csvRows());
        assertThat(reader.schema(file, 10)).containsExactly(new Column("id", ColumnType.BIGINT, true),
                new Column("name", ColumnType.VARCHAR, true));
    }

    @ParameterizedTest
    @EnumSource(value = Compression.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void ndjsonIsReadWithTheCompressionTheOptionNames(Compression compression) throws Exception {
        StringBuilder text = new StringBuilder();
        List<List<Object>> expected = new ArrayList<>();
        for (int i = 0; i < RECORDS; i++) {
            text.append("{\"id\": ").append(i).append(", \"tags\": [\"t").append(i).append("\"]}\n");
            expected.add(row((long) i, "[\"t" + i + "\"]"));
        }
        SourceFile file = files.write("n/data.ndjson" + Compressed.extension(compression),
                Compressed.bytes(compression, text.toString()));
        NdjsonFormatReader reader = new NdjsonFormatReader(format("NDJSON", "compression", "auto"), 256);
        List<Column> schema = reader.schema(file, 100);
        assertThat(schema).containsExactly(new Column("id", ColumnType.BIGINT, false),
                new Column("tags", ColumnType.VARCHAR, false));
        ScanSpec spec = new ScanSpec(schema, List.of(new OutputColumn.Field(0, ColumnType.BIGINT),
                new OutputColumn.Field(1, ColumnType.VARCHAR)), List.of());
        assertThat(read(reader, file, spec)).isEqualTo(expected);
    }

    @Test
    void anEmptyCompressedFileHasNoRows() throws Exception {
        SourceFile file = files.write("empty.csv.gz", new byte[0]);
        CsvFormatReader reader = new CsvFormatReader(format("CSV", "compression", "AUTO"));
        assertThat(read(reader, file, positional(CSV_OUTPUTS))).isEmpty();
    }

    @Test
    void corruptCompressedDataIsBadDataNamingTheFile() throws Exception {
        byte[] gzip = Compressed.bytes(Compression.GZIP, csvText());
        SourceFile truncated = files.write("t.csv.gz", Arrays.copyOf(gzip, gzip.length / 2));
        CsvFormatReader reader = new CsvFormatReader(format("CSV", "compression", "GZIP"));
        assertThatThrownBy(() -> read(reader, truncated, positional(CSV_OUTPUTS)))
                .isInstanceOfSatisfying(StowageException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.BAD_DATA))
                .hasMessageStartingWith("Cannot decompress file t.csv.gz as GZIP:");
        SourceFile notGzip = files.write("p.csv", "plain,text\n");
        assertThatThrownBy(() -> read(reader, notGzip, positional(CSV_OUTPUTS)))
                .isInstanceOfSatisfying(StowageException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.BAD_DATA))
                .hasMessageStartingWith("Cannot decompress file p.csv as GZIP:");
    }

    @Test
    void compressionsWithoutADecoderAreRejected() throws Exception {
        SourceFile file = files.write("x.csv", "a\n");
        for (String compression : List.of("BROTLI", "XZ", "LZO", "ZIP")) {
            CsvFormatReader reader = new CsvFormatReader(format("CSV", "compression", compression));
            assertThatThrownBy(() -> reader.units(file, positional(CSV_OUTPUTS)))
                    .isInstanceOfSatisfying(StowageException.class,
                            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.ILLEGAL_FILE_FORMAT))
                    .hasMessage("Compression %s is not supported for reading file x.csv", compression);
        }
        SourceFile brotli = files.write("x.csv.br", "a\n");
        CsvFormatReader auto = new CsvFormatReader(format("CSV", "compression", "AUTO"));
        assertThatThrownBy(() -> auto.schema(brotli, 10))
                .hasMessage("Compression BROTLI is not supported for reading file x.csv.br");
    }
}
