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
    @Timeout(120)
    void castsOfTheRowsTheFilterKeepsAreComputedInTheScanAndFailOnlyForThoseRows() throws Exception {
        // about 3.5 MB: several blocks, read in parallel, of many batches
        StringBuilder content = new StringBuilder();
        long count = 0;
        long sumA = 0;
        long countB = 0;
        double sumB = 0;
        double minB = Double.MAX_VALUE;
        double maxB = -Double.MAX_VALUE;
        int minDay = 99;
        int maxDay = 0;
        long countAbove = 0;
        double minAbove = Double.MAX_VALUE;
        int rows = 200_000;
        for (int i = 0; i < rows; i++) {
            int a = i % 2000;
            boolean nullA = i % 1001 == 0;
            boolean kept = !nullA && a < 1000;
            String b;
            String date;
            if (kept) {
                count++;
                sumA += a;
                // NULL_DISPLAY and empty fields are NULL, not values that fail
                b = i % 7 == 0 ? "\\N" : i % 7 == 1 ? "" : String.valueOf(a / 4.0);
                if (i % 7 > 1) {
                    countB++;
                    sumB += a / 4.0;
                    minB = Math.min(minB, a / 4.0);
                    maxB = Math.max(maxB, a / 4.0);
                    if (a / 4.0 >= 200) {
                        countAbove++;
                        minAbove = Math.min(minAbove, a / 4.0);
                    }
                }
                int day = i % 28 + 1;
                date = String.format("2024-02-%02d", day);
                minDay = Math.min(minDay, day);
                maxDay = Math.max(maxDay, day);
            } else {
                b = i % 97 == 0 ? "oops" : i % 89 == 0 ? "1.5.5" : String.valueOf(-a);
                date = i % 83 == 0 ? "2024-13-45" : "1999-01-01";
            }
            content.append(i).append(',').append(nullA ? "" : String.valueOf(a)).append(',').append(b).append(',')
                    .append(date).append('\n');
        }
        Files.writeString(data.resolve("filtered.csv"), content.toString());
        String from = " FROM @files/filtered.csv (FILE_FORMAT => 'csv')";
        String aggregates = "count(*), sum($2::INT), avg($3::DOUBLE), min($3::DOUBLE), max($3::DOUBLE),"
                + " count($3::DOUBLE), sum($3::DOUBLE), min($4::DATE), max($4::DATE), count($4::DATE)";
        String where = " WHERE $2::INT < 1000";
        try (Connection connection = connect()) {
            String sql = "SELECT " + aggregates + from + where;
            String plan = rows(connection, "EXPLAIN PLAN FOR " + sql).get(0).get(0);
            assertThat(plan).contains("StageAggregateScan").contains("DOUBLE deferred").contains("DATE deferred");
            List<String> expected = List.of(String.valueOf(count), String.valueOf(sumA),
                    String.valueOf(sumB / countB), String.valueOf(minB), String.valueOf(maxB), String.valueOf(countB),
                    String.valueOf(sumB), String.format("2024-02-%02d", minDay), String.format("2024-02-%02d", maxDay),
                    String.valueOf(count));
            assertThat(rows(connection, sql)).containsExactly(expected);
            // the engine, handed every row, agrees
            assertThat(rows(connection, "SELECT " + aggregates + " FROM (SELECT *" + from + " LIMIT 1000000)"
                    + where)).containsExactly(expected);

            // a later conjunct casts only the values of the rows the earlier ones keep
            String conjuncts = "SELECT count(*), max($3::DOUBLE), min($3::DOUBLE)" + from
                    + " WHERE $2::INT < 1000 AND $3::DOUBLE >= 200";
            assertThat(rows(connection, "EXPLAIN PLAN FOR " + conjuncts).get(0).get(0))
                    .contains("StageAggregateScan").contains("DOUBLE deferred");
            assertThat(rows(connection, conjuncts)).containsExactly(List.of(String.valueOf(countAbove),
                    String.valueOf(maxB), String.valueOf(minAbove)));

            // a row the filter keeps with a value that does not convert fails the query, naming it
            Throwable kept = failure(connection, "SELECT count(*), sum($3::DOUBLE)" + from + " WHERE $2::INT < 1001",
                    "22018", 1046);
            assertThat(kept).hasMessageContaining("of $3 to DOUBLE at line").hasMessageContaining("of file filtered.csv");
            int badDate = 190_000;
            while (badDate % 83 != 0 || badDate % 2000 < 1000 || badDate % 1001 == 0) {
                badDate++;
            }
            Throwable date = failure(connection, "SELECT count(*), max($4::DATE)" + from + " WHERE $1::INT = "
                    + badDate, "22018", 1046);
            assertThat(date).hasMessageContaining("Cannot cast '2024-13-45' of $4 to DATE")
                    .hasMessageContaining("at line " + (badDate + 1) + " of file filtered.csv");
            int oops = 1000;
            while (oops % 97 != 0 || oops % 2000 < 1000 || oops % 1001 == 0) {
                oops++;
            }
            Throwable value = failure(connection, "SELECT sum($3::DOUBLE)" + from + " WHERE $2::INT >= 1000"
                    + " AND $1::INT <= " + oops, "22018", 1046);
            assertThat(value).hasMessageContaining("Cannot cast 'oops' of $3 to DOUBLE at line " + (oops + 1)
                    + " of file filtered.csv");
            double before = 0;
            for (int i = 1000; i < oops; i++) {
                before -= i % 1001 == 0 ? 0 : i;
            }
            assertThat(rows(connection, "SELECT sum($3::DOUBLE)" + from + " WHERE $2::INT >= 1000 AND $1::INT < "
                    + oops)).containsExactly(List.of(String.valueOf(before)));
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
