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
import dev.stowage.scan.SourceFile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TsvWriterTest {
    private static final FileFormat TSV = format("TSV");

    @RegisterExtension
    final WrittenFiles files = new WrittenFiles();

    @Test
    void nothingIsQuotedBooleansAreDigitsAndNullIsBackslashN() throws Exception {
        assertThat(text(TSV, CsvWriterTest.COLUMNS, CsvWriterTest.ROWS)).isEqualTo("""
                1\tplain\t9.50\t1\t2024-01-31\t2024-01-31 08:09:10.123000\t1.0\tAB01
                2\tsay "hi", then\\nleave\t-0.05\t0\t1969-12-31\t1969-12-31 23:59:59.999000\t1.0e10\t00
                3\t\\N\t\\N\t\\N\t\\N\t\\N\tnan\t\\N
                """);
    }

    @Test
    void controlCharactersBackslashesAndTheDelimitersAreEscaped() throws Exception {
        FileFormat format = format("TSV", "field_delimiter", ",", "record_delimiter", "|");
        List<Column> columns = List.of(new Column("a", ColumnType.VARCHAR, true),
                new Column("b", ColumnType.VARCHAR, true));
        List<Object[]> rows = List.of(row("tab\there\nnew\rcr\0nul\bbs\ffeed", "back\\slash,comma|bar"),
                row("\\N", ""), row(null, "'quoted'"));

        assertThat(text(format, columns, rows)).isEqualTo(
                "tab\\there\\nnew\\rcr\\0nul\\bbs\\ffeed,back\\\\slash\\,comma\\|bar|\\\\N,|\\N,'quoted'|");
        assertThat(read(format, files.write("t.tsv", format, columns, rows), columns)).containsExactlyElementsOf(
                lists(rows));
    }

    @Test
    void everyTypeButBooleanReadsBackWithItsValueAndBooleansAreOneAndZero() throws Exception {
        List<Column> columns = new ArrayList<>(SampleRows.columns(true));
        int bool = columns.indexOf(new Column("b", ColumnType.BOOLEAN, true));
        columns.set(bool, new Column("b", ColumnType.VARCHAR, true));
        List<Object[]> rows = SampleRows.valuesAndNulls();
        SourceFile file = files.write("t.tsv", TSV, SampleRows.columns(true), rows);

        List<List<Object>> expected = new ArrayList<>();
        for (Object[] row : rows) {
            Object[] copy = row.clone();
            copy[bool] = row[bool] == null ? null : (Boolean) row[bool] ? "1" : "0";
            expected.add(Arrays.asList(copy));
        }
        assertThat(read(TSV, file, columns)).containsExactlyElementsOf(expected);
    }

    @Test
    void theHeaderNamesEveryColumnEvenOneWithAnEmptyName() throws Exception {
        FileFormat format = format("TSV");
        List<Column> columns = List.of(new Column("", ColumnType.INTEGER, true),
                new Column("a\tb", ColumnType.INTEGER, true));

        assertThat(text(WrittenFiles.with(format, "output_header", "true"), columns, List.<Object[]>of(row(1, 2))))
                .isEqualTo("\ta\\tb\n1\t2\n");
    }

    @Test
    void aCompressedFileReadsBack() throws Exception {
        FileFormat format = format("TSV", "compression", "GZIP");
        List<Column> columns = List.of(new Column("a", ColumnType.VARCHAR, true));
        List<Object[]> rows = List.of(row("x\ty"), row((Object) null));
        SourceFile file = files.write("t" + FormatWriters.extension(format), format, columns, rows);

        assertThat(file.name()).isEqualTo("t.tsv.gz");
        assertThat(read(format("TSV", "compression", "AUTO"), file, columns)).containsExactlyElementsOf(lists(rows));
    }
}
