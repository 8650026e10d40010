package dev.stowage.write;

import static dev.stowage.write.WrittenFiles.format;
import static dev.stowage.write.WrittenFiles.lists;
import static dev.stowage.write.WrittenFiles.read;
import static dev.stowage.write.WrittenFiles.row;
import static dev.stowage.write.WrittenFiles.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.format.FileFormat;
import dev.stowage.scan.Column;
import dev.stowage.scan.ColumnType;
import dev.stowage.scan.FormatReaders;
import dev.stowage.scan.SourceFile;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.apache.calcite.avatica.util.ByteString;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvWriterTest {
    /** A few columns of the common types, and rows whose text is pinned below. */
    static final List<Column> COLUMNS = List.of(new Column("id", ColumnType.INTEGER, false),
            new Column("name", ColumnType.VARCHAR, true), new Column("price", ColumnType.decimal(10, 2), true),
            new Column("ok", ColumnType.BOOLEAN, true), new Column("day", ColumnType.DATE, true),
            new Column("at", SampleRows.TIMESTAMP, true), new Column("score", ColumnType.DOUBLE, true),
            new Column("raw", ColumnType.VARBINARY, true));
    static final List<Object[]> ROWS = List.of(
            row(1, "plain", new BigDecimal("9.50"), true, SampleRows.days(2024, 1, 31),
                    SampleRows.millis(2024, 1, 31, 8, 9, 10, 123), 1.0, new ByteString(new byte[] {(byte) 0xAB, 1})),
            row(2, "say \"hi\", then\nleave", new BigDecimal("-0.05"), false, SampleRows.days(1969, 12, 31),
                    SampleRows.millis(1969, 12, 31, 23, 59, 59, 999), 1e10, new ByteString(new byte[] {0})),
            row(3, null, null, null, null, null, Double.NaN, null));

    @RegisterExtension
    final WrittenFiles files = new WrittenFiles();

    @Test
    void stringsDatesAndTimestampsAreQuotedAndTheRestIsBare() throws Exception {
        assertThat(text(format("CSV"), COLUMNS, ROWS)).isEqualTo("""
                1,"plain",9.50,true,"2024-01-31","2024-01-31 08:09:10.123000",1.0,AB01
                2,"say ""hi"", then
                leave",-0.05,false,"1969-12-31","1969-12-31 23:59:59.999000",1.0e10,00
                3,\\N,\\N,\\N,\\N,\\N,NaN,\\N
                """);
    }

    @Test
    void everyTypeReadsBackWithItsValue() throws Exception {
        FileFormat csv = format("CSV");
        List<Column> columns = SampleRows.columns(true);
        SourceFile file = files.write("t.csv", csv, columns, SampleRows.valuesAndNulls());

        assertThat(read(csv, file, columns)).containsExactlyElementsOf(lists(SampleRows.valuesAndNulls()));
    }

    @Test
    void delimitersAndQuoteAreTheFormats() throws Exception {
        FileFormat format = format("CSV", "field_delimiter", "|", "record_delimiter", ";", "quote", "'");
        List<Column> columns = List.of(new Column("a", ColumnType.VARCHAR, true),
                new Column("b", ColumnType.BIGINT, true));
        List<Object[]> rows = List.of(row("it's a|b;c", 1L), row("\"double\"\nline", null));

        assertThat(text(format, columns, rows)).isEqualTo("'it''s a|b;c'|1;'\"double\"\nline'|\\N;");
        assertThat(read(format, files.write("t.csv", format, columns, rows), columns)).containsExactlyElementsOf(
                lists(rows));
    }

    @Test
    void crLfEndsRecordsWhenItIsTheRecordDelimiter() throws Exception {
        FileFormat format = format("CSV", "record_delimiter", "\r\n");
        List<Column> columns = List.of(new Column("a", ColumnType.VARCHAR, true));

        assertThat(text(format, columns, List.of(row("x"), row("y")))).isEqualTo("\"x\"\r\n\"y\"\r\n");
    }

    @Test
    void nullDisplayIsWrittenBareAndAStringSpelledLikeItStaysAString() throws Exception {
        FileFormat format = format("CSV", "null_display", "NULL");
        List<Column> columns = List.of(new Column("a", ColumnType.VARCHAR, true),
                new Column("b", ColumnType.INTEGER, true));
        List<Object[]> rows = List.of(row("NULL", null), row(null, 2), row("", 3));

        assertThat(text(format, columns, rows)).isEqualTo("\"NULL\",NULL\nNULL,2\n\"\",3\n");
        assertThat(read(format, files.write("t.csv", format, columns, rows), columns)).containsExactlyElementsOf(
                lists(rows));
    }

    @Test
    void theHeaderNamesTheColumnsAndIsSkippedOnReading() throws Exception {
        List<Column> columns = List.of(new Column("id", ColumnType.INTEGER, false),
                new Column("the \"name\"", ColumnType.VARCHAR, true));
        List<Object[]> rows = List.of(row(1, "a"), row(2, null));
        FileFormat written = format("CSV", "output_header", "true");

        assertThat(text(written, columns, rows)).isEqualTo("\"id\",\"the \"\"name\"\"\"\n1,\"a\"\n2,\\N\n");
        FileFormat readBack = format("CSV", "skip_header", "1");
        SourceFile file = files.write("t.csv", written, columns, rows);
        assertThat(read(readBack, file, columns)).containsExactlyElementsOf(lists(rows));
        assertThat(FormatReaders.of(readBack).schema(file, 10)).extracting(Column::name)
                .containsExactly("id", "the \"name\"");
    }

    @Test
    void aBackslashEscapeDoublesBackslashesSoTheyReadBack() throws Exception {
        FileFormat format = format("CSV", "escape", "\\\\");
        List<Column> columns = List.of(new Column("a", ColumnType.VARCHAR, true));
        List<Object[]> rows = List.of(row("a\\b\"c"), row("\\N"));

        assertThat(text(format, columns, rows)).isEqualTo("\"a\\\\b\"\"c\"\n\"\\\\N\"\n");
        assertThat(read(format, files.write("t.csv", format, columns, rows), columns)).containsExactlyElementsOf(
                lists(rows));
    }

    @Test
    void withoutAnEscapeBackslashesAreWrittenAsTheyAre() throws Exception {
        List<Column> columns = List.of(new Column("a", ColumnType.VARCHAR, true));
        List<Object[]> rows = List.of(row("a\\b"), row("\\N"));

        assertThat(text(format("CSV"), columns, rows)).isEqualTo("\"a\\b\"\n\"\\N\"\n");
        assertThat(read(format("CSV"), files.write("t.csv", format("CSV"), columns, rows), columns))
                .containsExactlyElementsOf(lists(rows));
    }

    @Test
    void binaryFormatAndNanDisplayAreTheFormats() throws Exception {
        FileFormat format = format("CSV", "binary_format", "BASE64", "nan_display", "null");
        List<Column> columns = List.of(new Column("bin", ColumnType.VARBINARY, true),
                new Column("f", ColumnType.REAL, true), new Column("g", ColumnType.DOUBLE, true));
        List<Object[]> rows = List.of(row(new ByteString(new byte[] {(byte) 0xFB, (byte) 0xFF}), Float.NaN,
                Double.POSITIVE_INFINITY), row(new ByteString(new byte[] {1, 2, 3}), 0.1f, Double.NEGATIVE_INFINITY));

        assertThat(text(format, columns, rows)).isEqualTo("+/8=,null,Infinity\nAQID,0.1,-Infinity\n");
        assertThat(read(format, files.write("t.csv", format, columns, rows), columns)).containsExactlyElementsOf(
                lists(rows));
    }

    @ParameterizedTest
    @ValueSource(strings = {"GZIP", "ZSTD", "BZ2", "DEFLATE", "RAW_DEFLATE"})
    void compressedFilesReadBackByTheirExtensionOrTheOption(String compression) throws Exception {
        FileFormat format = format("CSV", "compression", compression);
        List<Column> columns = SampleRows.columns(true);
        List<Object[]> rows = SampleRows.valuesAndNulls();
        byte[] bytes = WrittenFiles.bytes(format, columns, rows);
        String plain = text(format("CSV"), columns, rows);

        assertThat(bytes).isNotEqualTo(plain.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        SourceFile named = files.write("data" + FormatWriters.extension(format), bytes);
        assertThat(read(format("CSV", "compression", "AUTO"), named, columns))
                .containsExactlyElementsOf(lists(rows));
        SourceFile unnamed = files.write("data", bytes);
        assertThat(read(format, unnamed, columns)).containsExactlyElementsOf(lists(rows));
    }

    @Test
    void gzipFilesStartWithTheGzipMagicNumber() throws Exception {
        byte[] bytes = WrittenFiles.bytes(format("CSV", "compression", "GZIP"), COLUMNS, ROWS);

        assertThat(Arrays.copyOf(bytes, 2)).containsExactly(0x1f, 0x8b);
    }
}
