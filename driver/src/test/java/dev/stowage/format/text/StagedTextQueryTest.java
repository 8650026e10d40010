package dev.stowage.format.text;

import static dev.stowage.testing.Sql.execute;
import static dev.stowage.testing.Sql.failure;
import static dev.stowage.testing.Sql.rows;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Queries of staged CSV, TSV and NDJSON files, through the driver as a user runs them. */
class StagedTextQueryTest {
    @TempDir
    Path home;

    @TempDir
    Path data;

    @BeforeEach
    void writeFiles() throws Exception {
        Files.writeString(data.resolve("people.csv"), "id,name,score\n1,\"Ann, A.\",2.5\n2,Bob,\\N\n3,\"Ç\",4\n");
        Files.writeString(data.resolve("bad.csv"), "1\n2\nthree\n");
        Files.writeString(data.resolve("people.tsv"), "1\tAnn\\tA\n2\t\\N\n");
        Files.writeString(data.resolve("events.ndjson"), "{\"id\": 1, \"kind\": \"open\", \"tags\": [\"a\"]}\n\n"
                + "{\"id\": 2, \"kind\": \"close\", \"tags\": []}\n");
    }

    private Connection connect() throws Exception {
        Connection connection = DriverManager.getConnection("jdbc:stowage:" + home);
        execute(connection, "CREATE STAGE files URL = 'fs://" + data + "/'");
        return connection;
    }

    @Test
    void csvFieldsArePositionalAndCastsConvert() throws Exception {
        try (Connection connection = connect()) {
            assertThat(rows(connection, "SELECT $1, $2, $3, $4 FROM @files/people.csv (FILE_FORMAT => 'csv')"))
                    .containsExactly(Arrays.asList("id", "name", "score", null),
                            Arrays.asList("1", "Ann, A.", "2.5", null), Arrays.asList("2", "Bob", null, null),
                            Arrays.asList("3", "Ç", "4", null));
            execute(connection, "CREATE FILE FORMAT csv_header TYPE = CSV SKIP_HEADER = 1");
            assertThat(rows(connection, "SELECT $2, CAST($1 AS INTEGER) + 1, CAST($3 AS DOUBLE),"
                    + " METADATA$FILE_ROW_NUMBER FROM @files/people.csv (FILE_FORMAT => 'csv_header') ORDER BY 2"))
                    .containsExactly(List.of("Ann, A.", "2", "2.5", "0"), Arrays.asList("Bob", "3", null,
                            "1"), List.of("Ç", "4", "4.0", "2"));
        }
    }

    @Test
    @Timeout(120)
    void aFileOfManyBlocksIsReadInParallelAndInOrder() throws Exception {
        StringBuilder content = new StringBuilder();
        long sum = 0;
        for (int i = 0; i < 300_000; i++) {
            content.append(i).append(",\"text ").append(i).append("\",").append(i % 100).append(".5\n");
            sum += i;
        }
        Files.writeString(data.resolve("big.csv"), content.toString());
        try (Connection connection = connect()) {
            assertThat(rows(connection, "SELECT count(*), sum(CAST($1 AS BIGINT)), max(CAST($3 AS DOUBLE))"
                    + " FROM @files/big.csv (FILE_FORMAT => 'csv')"))
                    .containsExactly(List.of("300000", String.valueOf(sum), "99.5"));
            assertThat(rows(connection, "SELECT $2, METADATA$FILE_ROW_NUMBER FROM @files/big.csv"
                    + " (FILE_FORMAT => 'csv') LIMIT 3"))
                    .containsExactly(List.of("text 0", "0"), List.of("text 1", "1"), List.of("text 2", "2"));
        }
    }

    @Test
    @Timeout(120)
    void csvAggregatesOfCastFieldsAreThoseOfTheRows() throws Exception {
        StringBuilder content = new StringBuilder("a,b,c,d,e,f,g,h,i\n");
        String[] words = {"pear", "\"fig, dried\"", "", "\\N", "\"\"", "apple"};
        for (int i = 0; i < 60_000; i++) {
            // NULL_DISPLAY, empty and missing fields, quotes, spaces, and every numeric and date type
            String integer = i % 13 == 0 ? "\\N" : i % 17 == 0 ? "" : i % 19 == 0 ? "\" " + (i % 50 - 25) + " \""
                    : String.valueOf(i * 7919 % 2001 - 1000);
            content.append(integer).append(',').append(i % 11 == 0 ? "" : i % 255 - 128).append(',')
                    .append(i * 104729L).append(',').append(i % 7 == 0 ? "\\N" : (i % 400 - 200) / 8.0).append(',')
                    .append(i % 5 == 0 ? "-0.0" : i % 77 + ".25e1").append(',')
                    .append(i % 9 == 0 ? "" : "2024-" + (i % 12 + 1) + "-" + (i % 28 + 1)).append(',')
                    .append("2024-02-29 10:" + (10 + i % 50) + ":00").append(',').append(words[i % words.length]);
            if (i % 23 != 0) {
                content.append(',').append(i % 100 - 50).append(".125");
            }
            content.append(i % 3 == 0 ? "\r\n" : "\n");
        }
        Files.writeString(data.resolve("typed.csv"), content.toString());
        String from = " FROM @files/typed.csv (FILE_FORMAT => 'csv_header')";
        String aggregates = "count(*), count(CAST($1 AS INTEGER)), sum(CAST($1 AS INTEGER)), min(CAST($1 AS INTEGER)),"
                + " max(CAST($1 AS INTEGER)), sum(CAST($2 AS TINYINT)), min(CAST($2 AS TINYINT)),"
                + " min(CAST($3 AS BIGINT)), max(CAST($3 AS BIGINT)), sum(CAST($4 AS DOUBLE)),"
                + " count(CAST($4 AS DOUBLE)), min(CAST($4 AS DOUBLE)), min(CAST($5 AS REAL)), max(CAST($5 AS REAL)),"
                + " min(CAST($6 AS DATE)), max(CAST($6 AS DATE)), count(CAST($6 AS DATE)), max(CAST($7 AS TIMESTAMP)),"
                + " min($8), max($8), count($8), sum(CAST($9 AS DECIMAL(10, 3))), min(CAST($9 AS DECIMAL(10, 3)))";
        try (Connection connection = connect()) {
            execute(connection, "CREATE FILE FORMAT csv_header TYPE = CSV SKIP_HEADER = 1");
            for (String where : List.of("", " WHERE CAST($1 AS INTEGER) < 0", " WHERE CAST($1 AS INTEGER) IS NULL",
                    " WHERE CAST($1 AS INTEGER) >= 999")) {
                String aggregated = "SELECT " + aggregates + from + where;
                // a LIMIT keeps the aggregate out of the scan, which then hands the engine its rows
                String overRows = "SELECT " + aggregates + " FROM (SELECT *" + from + " LIMIT 1000000)" + where;
                if (where.isEmpty()) {
                    assertThat(rows(connection, "EXPLAIN PLAN FOR " + aggregated).get(0).get(0))
                            .contains("StageAggregateScan");
                }
                assertThat(rows(connection, aggregated)).as(where).isEqualTo(rows(connection, overRows));
            }
            String plain = "SELECT count(*), sum(CAST($1 AS INTEGER)), sum(CAST($4 AS DOUBLE)), max(CAST($6 AS DATE))"
                    + from;
            assertThat(rows(connection, "EXPLAIN PLAN FOR " + plain).get(0).get(0)).contains("StageAggregateScan");
            assertThat(rows(connection, plain)).isEqualTo(rows(connection, "SELECT count(*), sum(CAST($1 AS"
                    + " INTEGER)), sum(CAST($4 AS DOUBLE)), max(CAST($6 AS DATE)) FROM (SELECT *" + from
                    + " LIMIT 1000000)"));
            assertThat(rows(connection, "SELECT count(*), sum(CAST($1 AS INTEGER)) FROM @files/typed.csv"
                    + " (FILE_FORMAT => 'csv_header') WHERE CAST($1 AS INTEGER) > 990"))
                    .isEqualTo(rows(connection, "SELECT count(*), sum(CAST($1 AS INTEGER)) FROM (SELECT *" + from
                            + " LIMIT 1000000) WHERE CAST($1 AS INTEGER) > 990"));
            assertThat(rows(connection, "SELECT count(*), sum(CAST($1 AS INTEGER)) FROM @files/typed.csv"
                    + " (FILE_FORMAT => 'csv_header') WHERE CAST($1 AS INTEGER) > 5000"))
                    .containsExactly(Arrays.asList("0", null));
        }
    }

    @Test
    void aFieldThatDoesNotCastFailsWith22018() throws Exception {
        try (Connection connection = connect()) {
            Throwable e = failure(connection, "SELECT sum(CAST($1 AS INTEGER)) FROM @files/bad.csv"
                    + " (FILE_FORMAT => 'csv')", "22018", 1046);
            assertThat(e).hasMessageContaining("Cannot cast 'three' of $1 to INTEGER at line 3 of file bad.csv");
            Throwable filtered = failure(connection, "SELECT count(*), max(CAST($1 AS DOUBLE)) FROM @files/bad.csv"
                    + " (FILE_FORMAT => 'csv') WHERE CAST($1 AS DOUBLE) > 0", "22018", 1046);
            assertThat(filtered).hasMessageContaining("Cannot cast 'three' of $1 to DOUBLE at line 3 of file bad.csv");
        }
    }

    @Test
    void tsvFilesAreRead() throws Exception {
        try (Connection connection = connect()) {
            assertThat(rows(connection, "SELECT $1, $2 FROM @files/people.tsv (FILE_FORMAT => 'tsv')"))
                    .containsExactly(List.of("1", "Ann\tA"), Arrays.asList("2", null));
        }
    }

    @Test
    void ndjsonIsReadWholeOrByName() throws Exception {
        try (Connection connection = connect()) {
            assertThat(rows(connection, "SELECT $1 FROM @files/events.ndjson (FILE_FORMAT => 'ndjson')"))
                    .containsExactly(List.of("{\"id\":1,\"kind\":\"open\",\"tags\":[\"a\"]}"),
                            List.of("{\"id\":2,\"kind\":\"close\",\"tags\":[]}"));
            assertThat(rows(connection, "SELECT kind, id * 10, tags FROM @files/events.ndjson"
                    + " (FILE_FORMAT => 'ndjson') ORDER BY id DESC"))
                    .containsExactly(List.of("close", "20", "[]"), List.of("open", "10", "[\"a\"]"));
        }
    }

    @Test
    void inferSchemaDescribesCsvAndNdjson() throws Exception {
        try (Connection connection = connect()) {
            execute(connection, "CREATE FILE FORMAT csv_header TYPE = CSV SKIP_HEADER = 1");
            assertThat(rows(connection, "SELECT column_name, type, nullable FROM INFER_SCHEMA("
                    + "LOCATION => '@files/people.csv', FILE_FORMAT => 'csv_header')")).containsExactly(
                    List.of("id", "BIGINT", "true"), List.of("name", "VARCHAR", "true"),
                    List.of("score", "DOUBLE", "true"));
            assertThat(rows(connection, "SELECT column_name, type, nullable FROM INFER_SCHEMA("
                    + "LOCATION => '@files/events.ndjson', FILE_FORMAT => 'ndjson')")).containsExactly(
                    List.of("id", "BIGINT", "false"), List.of("kind", "VARCHAR", "false"),
                    List.of("tags", "VARCHAR", "false"));
        }
    }
}
