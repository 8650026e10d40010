package dev.stowage.format.text;

import static dev.stowage.format.text.TextFiles.format;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.error.ErrorCode;
import dev.stowage.error.StowageException;
import dev.stowage.scan.Column;
import dev.stowage.scan.ColumnType;
import dev.stowage.scan.SourceFile;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The columns INFER_SCHEMA and named access see in CSV and TSV files. */
class CsvSchemaTest {
    @RegisterExtension
    final TextFiles files = new TextFiles();

    private List<Column> schema(String content, long maxRecords, String... options) throws IOException {
        SourceFile file = files.write("s.csv", content);
        return new CsvFormatReader(format("CSV", options), 8).schema(file, maxRecords);
    }

    private static Column column(String name, ColumnType type) {
        return new Column(name, type, true);
    }

    @Test
    void withoutAHeaderColumnsAreNumberedAndTypedByTheirValues() throws Exception {
        assertThat(schema("1,2.5,true,2024-01-31,2024-01-31 10:00:00,abc,-7\n"
                + "2,1e3,FALSE,2024-2-1,2024-01-31T10:00:00.5Z,\"12\",9\n", 100)).containsExactly(
                column("column_1", ColumnType.BIGINT),
                column("column_2", ColumnType.DOUBLE),
                column("column_3", ColumnType.BOOLEAN),
                column("column_4", ColumnType.DATE),
                column("column_5", ColumnType.TIMESTAMP),
                column("column_6", ColumnType.VARCHAR),
                column("column_7", ColumnType.BIGINT));
    }

    @Test
    void typesOfAColumnAreMerged() throws Exception {
        assertThat(schema("1,1,2024-01-01,1,x,99999999999999999999\n"
                + "2.5,a,2024-01-01 00:00:00,true, 1 ,1\n", 100)).containsExactly(
                column("column_1", ColumnType.DOUBLE),
                column("column_2", ColumnType.VARCHAR),
                column("column_3", ColumnType.TIMESTAMP),
                column("column_4", ColumnType.VARCHAR),
                column("column_5", ColumnType.VARCHAR),
                column("column_6", ColumnType.DOUBLE));
    }

    @Test
    void emptyAndNullValuesDoNotDecideAType() throws Exception {
        assertThat(schema("1,,\\N,\n\\N,2,,\n", 100)).containsExactly(
                column("column_1", ColumnType.BIGINT),
                column("column_2", ColumnType.BIGINT),
                column("column_3", ColumnType.VARCHAR),
                column("column_4", ColumnType.VARCHAR));
    }

    @Test
    void nanAndInfinityAreText() throws Exception {
        assertThat(schema("nan,inf,1.\n", 100)).containsExactly(
                column("column_1", ColumnType.VARCHAR),
                column("column_2", ColumnType.VARCHAR),
                column("column_3", ColumnType.DOUBLE));
    }

    @Test
    void theWidestRecordDecidesHowManyColumnsThereAre() throws Exception {
        assertThat(schema("1\n2,x,y\n3,z\n", 100)).extracting(Column::name)
                .containsExactly("column_1", "column_2", "column_3");
    }

    @Test
    void aSkippedHeaderNamesTheColumns() throws Exception {
        assertThat(schema("id,\"full name\",\nunits,text,x\n1,\"a\nb\",2\n", 100, "skip_header", "2"))
                .containsExactly(
                        column("id", ColumnType.BIGINT),
                        column("full name", ColumnType.VARCHAR),
                        column("column_3", ColumnType.BIGINT));
    }

    @Test
    void onlyTheFirstRecordsAreRead() throws Exception {
        StringBuilder content = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            content.append(i).append('\n');
        }
        content.append("text\n");
        assertThat(schema(content.toString(), 1000)).containsExactly(column("column_1", ColumnType.BIGINT));
        assertThat(schema(content.toString(), 1001)).containsExactly(column("column_1", ColumnType.VARCHAR));
    }

    @Test
    void tsvIsInferredToo() throws Exception {
        SourceFile file = files.write("s.tsv", "a\tb\n1\t\\N\n2\tx\\ty\n");
        assertThat(new CsvFormatReader(format("TSV", "skip_header", "1")).schema(file, 10)).containsExactly(
                column("a", ColumnType.BIGINT), column("b", ColumnType.VARCHAR));
    }

    @Test
    void malformedTextFailsTheInference() throws Exception {
        SourceFile file = files.write("bad.csv", "a\n\"b\"c\n");
        assertThatThrownBy(() -> new CsvFormatReader(format("CSV")).schema(file, 10))
                .isInstanceOfSatisfying(StowageException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.BAD_DATA))
                .hasMessageStartingWith("Invalid CSV in the record starting at line 2 of file bad.csv");
    }
}
