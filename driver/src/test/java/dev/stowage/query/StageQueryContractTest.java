package dev.stowage.query;

import static dev.stowage.testing.Sql.columns;
import static dev.stowage.testing.Sql.execute;
import static dev.stowage.testing.Sql.failure;
import static dev.stowage.testing.Sql.rows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.testing.ScanThreads;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user sees querying staged files, the same on every storage: each subclass provides a stage over its
 * storage and a way to put files there. Fixtures are written by DuckDB, an independent Parquet and CSV writer.
 */
abstract class StageQueryContractTest {
    @TempDir
    Path scratch;

    Connection connection;

    /** Returns the statement text that creates stage {@code name} over an empty directory of the storage. */
    abstract String createStage(String name) throws Exception;

    /** Puts {@code file} into the directory of stage {@code stage} under {@code path}, replacing what is there. */
    abstract void put(String stage, String path, Path file) throws Exception;

    @BeforeEach
    void open() throws SQLException {
        connection = DriverManager.getConnection("jdbc:stowage:mem:" + UUID.randomUUID());
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    /** Writes the rows of a DuckDB query to a file with DuckDB's COPY options, returns the file. */
    Path duck(String query, String options) throws SQLException, IOException {
        Path file = Files.createTempFile(scratch, "fixture", ".out");
        Files.delete(file);
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = duck.createStatement()) {
            statement.execute("COPY (" + query + ") TO '" + file + "' (" + options + ")");
        }
        return file;
    }

    void stage(String name) throws Exception {
        execute(connection, createStage(name));
    }

    @Test
    void parquetColumnsComeFromTheFileSchema() throws Exception {
        stage("s");
        put("s", "people.parquet", duck("SELECT * FROM (VALUES (1, 'ann', 2.5::DOUBLE, DATE '2024-02-29'),"
                + " (2, NULL, -1.0::DOUBLE, DATE '1969-12-31')) t(id, name, score, born)", "FORMAT parquet"));
        String sql = "SELECT * FROM @s/people.parquet ORDER BY id";
        assertThat(columns(connection, sql)).containsExactly("id", "name", "score", "born");
        assertThat(rows(connection, sql)).containsExactly(
                List.of("1", "ann", "2.5", "2024-02-29"),
                java.util.Arrays.asList("2", null, "-1.0", "1969-12-31"));
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            assertThat(meta.getColumnType(1)).isEqualTo(Types.INTEGER);
            assertThat(meta.getColumnType(2)).isEqualTo(Types.VARCHAR);
            assertThat(meta.getColumnType(3)).isEqualTo(Types.DOUBLE);
            assertThat(meta.getColumnType(4)).isEqualTo(Types.DATE);
            assertThat(rs.next()).isTrue();
            assertThat(rs.getDate("born")).isEqualTo(java.sql.Date.valueOf("2024-02-29"));
        }
    }

    @Test
    void seedExampleReadsOneRow() throws Exception {
        execute(connection, createStage("databend_test"));
        put("databend_test", "test.parquet", duck("SELECT range AS id FROM range(100)", "FORMAT parquet"));
        assertThat(rows(connection, "SELECT * FROM @databend_test/test.parquet LIMIT 1")).containsExactly(List.of("0"));
    }

    @Test
    void parquetWholeRowAndMetadataColumns() throws Exception {
        stage("s");
        put("s", "d/a.parquet", duck("SELECT * FROM (VALUES (1, 'x'), (2, 'y')) t(k, v)", "FORMAT parquet"));
        assertThat(rows(connection, "SELECT $1, METADATA$FILENAME, METADATA$FILE_ROW_NUMBER FROM @s/d/ t"
                + " ORDER BY 3")).containsExactly(
                List.of("{\"k\":1,\"v\":\"x\"}", "d/a.parquet", "0"),
                List.of("{\"k\":2,\"v\":\"y\"}", "d/a.parquet", "1"));
        failure(connection, "SELECT $2 FROM @s/d/", "42000", 1065);
    }

    @Test
    void csvFieldsArePositional() throws Exception {
        stage("s");
        put("s", "p.csv", duck("SELECT * FROM (VALUES (1, 'a,b', 3), (2, 'c', NULL)) t(x, y, z)",
                "FORMAT csv, HEADER false"));
        assertThat(rows(connection, "SELECT $1, $2, $3 FROM @s/p.csv (FILE_FORMAT => 'CSV') ORDER BY $1"))
                .containsExactly(List.of("1", "a,b", "3"), java.util.Arrays.asList("2", "c", null));
        assertThat(rows(connection, "SELECT sum($1::INT) FROM @s/p.csv (FILE_FORMAT => 'CSV')"))
                .containsExactly(List.of("3"));
        assertThat((Throwable) failure(connection, "SELECT * FROM @s/p.csv (FILE_FORMAT => 'CSV')", "42000", 1065))
                .hasMessageContaining("column position");
    }

    @Test
    void csvCastsAreCheckedAndNamed() throws Exception {
        stage("s");
        Path csv = scratch.resolve("n.csv");
        Files.writeString(csv, "1,10\n2,20\n3,x3\n");
        put("s", "n.csv", csv);
        assertThat(rows(connection, "SELECT sum($2::INT) FROM @s/n.csv (FILE_FORMAT => 'CSV') WHERE $1::INT < 3"))
                .containsExactly(List.of("30"));
        assertThat((Throwable) failure(connection, "SELECT sum($2::INT) FROM @s/n.csv (FILE_FORMAT => 'CSV')",
                "22018", 1046)).hasMessageContaining("n.csv").hasMessageContaining("3").hasMessageContaining("$2");
    }

    @Test
    void csvAggregatesCastOnlyTheValuesOfTheRowsTheFilterKeeps() throws Exception {
        stage("s");
        Path csv = scratch.resolve("f.csv");
        // line 4 holds NULL_DISPLAY, line 5 an empty field, line 6 too few fields; lines 7 and 8 do not convert
        Files.writeString(csv, "1,10,2024-01-05\n2,20.5,2024-01-03\n3,-4,2024-01-09\n4,\\N,\\N\n5,,\n6\n"
                + "7,x7,2024-01-01\n8,2.5,2024-13-45\n");
        put("s", "f.csv", csv);
        String aggregates = "SELECT count(*), sum($2::DOUBLE), avg($2::DOUBLE), min($2::DOUBLE), max($2::DOUBLE),"
                + " count($2::DOUBLE), min($3::DATE), max($3::DATE), count($3::DATE) FROM @s/f.csv (FILE_FORMAT => 'CSV')";
        String kept = aggregates + " WHERE $1::INT < 7";
        assertThat(rows(connection, "EXPLAIN PLAN FOR " + kept).get(0).get(0)).contains("StageAggregateScan")
                .contains("$2:DOUBLE deferred").contains("$3:DATE deferred");
        assertThat(rows(connection, kept)).containsExactly(List.of("6", "26.5", "8.833333333333334", "-4.0", "20.5",
                "3", "2024-01-03", "2024-01-09", "3"));
        assertThat(rows(connection, "SELECT count(*), sum($2::DOUBLE), max($2::DOUBLE) FROM @s/f.csv"
                + " (FILE_FORMAT => 'CSV') WHERE $1::INT > 7")).containsExactly(List.of("1", "2.5", "2.5"));
        assertThat((Throwable) failure(connection, aggregates + " WHERE $1::INT <= 7", "22018", 1046))
                .hasMessageContaining("Cannot cast 'x7' of $2 to DOUBLE at line 7 of file f.csv");
        assertThat((Throwable) failure(connection, "SELECT max($3::DATE) FROM @s/f.csv (FILE_FORMAT => 'CSV')"
                + " WHERE $1::INT >= 8", "22018", 1046))
                .hasMessageContaining("Cannot cast '2024-13-45' of $3 to DATE")
                .hasMessageContaining("at line 8 of file f.csv");
        // a later conjunct casts only the values of the rows the earlier ones keep
        assertThat(rows(connection, "SELECT count(*), min($2::DOUBLE) FROM @s/f.csv (FILE_FORMAT => 'CSV')"
                + " WHERE $1::INT <> 7 AND $2::DOUBLE > 0")).containsExactly(List.of("3", "2.5"));
    }

    @Test
    void csvOptionsComeFromTheStageOrANamedFormat() throws Exception {
        Files.createDirectories(scratch);
        execute(connection, "CREATE FILE FORMAT semi TYPE = CSV FIELD_DELIMITER = ';' SKIP_HEADER = 1"
                + " NULL_DISPLAY = 'null'");
        stage("s");
        Path csv = scratch.resolve("h.csv");
        Files.writeString(csv, "a;b\n1;null\n2;\"x;y\"\n");
        put("s", "h.csv", csv);
        assertThat(rows(connection, "SELECT $1, $2, METADATA$FILE_ROW_NUMBER FROM @s/h.csv (FILE_FORMAT => 'semi')"))
                .containsExactly(java.util.Arrays.asList("1", null, "0"), List.of("2", "x;y", "1"));
    }

    @Test
    void compressedCsvIsReadByExtensionWithCompressionAuto() throws Exception {
        stage("s");
        Path gz = scratch.resolve("c.csv.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write("7,seven\n8,eight\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        put("s", "c.csv.gz", gz);
        execute(connection, "CREATE FILE FORMAT packed TYPE = CSV COMPRESSION = AUTO");
        assertThat(rows(connection, "SELECT $2 FROM @s/c.csv.gz (FILE_FORMAT => 'packed') ORDER BY $1"))
                .containsExactly(List.of("seven"), List.of("eight"));
        // Databend's default is NONE: the compressed bytes are then not text
        failure(connection, "SELECT $2 FROM @s/c.csv.gz (FILE_FORMAT => 'CSV')", "22000", 1046);
    }

    @Test
    void tsvFieldsAreTabSeparated() throws Exception {
        stage("s");
        Path tsv = scratch.resolve("t.tsv");
        Files.writeString(tsv, "1\tone\\ttab\n2\t\\N\n");
        put("s", "t.tsv", tsv);
        assertThat(rows(connection, "SELECT $1, $2 FROM @s/t.tsv (FILE_FORMAT => 'TSV') ORDER BY $1"))
                .containsExactly(List.of("1", "one\ttab"), java.util.Arrays.asList("2", null));
    }

    @Test
    void ndjsonRowsByPositionAndByName() throws Exception {
        stage("s");
        Path json = scratch.resolve("e.ndjson");
        Files.writeString(json, "{\"id\": 1, \"name\": \"ann\", \"tags\": [\"a\"]}\n{\"id\": 2, \"name\": null}\n");
        put("s", "e.ndjson", json);
        assertThat(rows(connection, "SELECT $1 FROM @s/e.ndjson (FILE_FORMAT => 'NDJSON') ORDER BY METADATA$FILE_ROW_NUMBER"))
                .containsExactly(List.of("{\"id\":1,\"name\":\"ann\",\"tags\":[\"a\"]}"), List.of("{\"id\":2,\"name\":null}"));
        assertThat(rows(connection, "SELECT id, name FROM @s/e.ndjson (FILE_FORMAT => 'NDJSON') WHERE id > 1"))
                .containsExactly(java.util.Arrays.asList("2", null));
    }

    @Test
    void malformedJsonIsNamedWithItsLine() throws Exception {
        stage("s");
        Path json = scratch.resolve("bad.ndjson");
        Files.writeString(json, "{\"id\": 1}\n{\"id\": \n");
        put("s", "bad.ndjson", json);
        assertThat((Throwable) failure(connection, "SELECT $1 FROM @s/bad.ndjson (FILE_FORMAT => 'NDJSON')",
                "22000", 1046)).hasMessageContaining("bad.ndjson").hasMessageContaining("2");
    }

    @Test
    void inferSchemaOfCsv() throws Exception {
        stage("s");
        Path csv = scratch.resolve("i.csv");
        Files.writeString(csv, "1,2.5,x\n2,3,y\n");
        put("s", "i.csv", csv);
        assertThat(rows(connection, "SELECT column_name, type FROM INFER_SCHEMA(LOCATION => '@s/i.csv',"
                + " FILE_FORMAT => 'CSV') ORDER BY order_id")).containsExactly(List.of("column_1", "BIGINT"),
                List.of("column_2", "DOUBLE"), List.of("column_3", "VARCHAR"));
    }

    @Test
    void theStageFormatAppliesWhenTheStatementGivesNone() throws Exception {
        execute(connection, createStage("s") + " FILE_FORMAT = (TYPE = CSV)");
        Path csv = scratch.resolve("d.csv");
        Files.writeString(csv, "5,five\n");
        put("s", "d.csv", csv);
        assertThat(rows(connection, "SELECT $2 FROM @s/d.csv")).containsExactly(List.of("five"));
        put("s", "d.parquet", duck("SELECT 6 AS six", "FORMAT parquet"));
        assertThat(rows(connection, "SELECT six FROM @s/d.parquet (FILE_FORMAT => 'PARQUET')"))
                .containsExactly(List.of("6"));
    }

    @Test
    void patternAndFilesChooseTheFiles() throws Exception {
        stage("s");
        Path one = duck("SELECT 1 AS n", "FORMAT parquet");
        put("s", "in/a.parquet", one);
        put("s", "in/b.parquet", duck("SELECT 2 AS n", "FORMAT parquet"));
        put("s", "in/c.txt", one);
        assertThat(rows(connection, "SELECT n FROM @s/in/ (PATTERN => '.*[.]parquet') ORDER BY n"))
                .containsExactly(List.of("1"), List.of("2"));
        assertThat(rows(connection, "SELECT n FROM @s/in/ (FILES => ('b.parquet'))")).containsExactly(List.of("2"));
        assertThat((Throwable) failure(connection, "SELECT n FROM @s/in/ (FILES => ('zz.parquet'))", "22023", 1006))
                .hasMessageContaining("zz.parquet");
    }

    @Test
    void filesThatDisagreeOnAColumnAreNamed() throws Exception {
        stage("s");
        put("s", "m/1.parquet", duck("SELECT 1 AS n", "FORMAT parquet"));
        put("s", "m/2.parquet", duck("SELECT 'text' AS n", "FORMAT parquet"));
        assertThat((Throwable) failure(connection, "SELECT sum(n) FROM @s/m/", "22000", 1303))
                .hasMessageContaining("m/2.parquet").hasMessageContaining("n");
    }

    @Test
    void malformedParquetIsNamed() throws Exception {
        stage("s");
        Path junk = scratch.resolve("junk");
        Files.writeString(junk, "this is not parquet at all, not even close");
        put("s", "bad.parquet", junk);
        assertThat((Throwable) failure(connection, "SELECT * FROM @s/bad.parquet", "22000", 1046))
                .hasMessageContaining("bad.parquet");
    }

    @Test
    void sumsOfLargeIntegersAreExact() throws Exception {
        stage("s");
        put("s", "big.parquet", duck("SELECT * FROM (VALUES (9000000000000000000::BIGINT, 2000000000::INTEGER),"
                + " (9000000000000000000::BIGINT, 2000000000::INTEGER)) t(big, i)", "FORMAT parquet"));
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT sum(big), sum(i) FROM @s/big.parquet")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getBigDecimal(1)).isEqualByComparingTo(new BigDecimal("18000000000000000000"));
            assertThat(rs.getLong(2)).isEqualTo(4_000_000_000L);
        }
    }

    @Test
    void globalAggregatesAreComputedInTheScan() throws Exception {
        stage("s");
        put("s", "g/1.parquet", duck("SELECT range::INTEGER AS n, CASE WHEN range % 3 = 0 THEN NULL ELSE range * 0.5"
                + " END::DOUBLE AS x, 'v' || (range % 7) AS t FROM range(1000)", "FORMAT parquet, ROW_GROUP_SIZE 100"));
        put("s", "g/2.parquet", duck("SELECT (range + 1000)::INTEGER AS n, NULL::DOUBLE AS x, 'w' AS t FROM range(10)",
                "FORMAT parquet"));
        String sql = "SELECT count(*), count(x), sum(n), avg(n), min(t), max(t), min(x), max(n) FROM @s/g/";
        assertThat(rows(connection, "EXPLAIN PLAN FOR " + sql).get(0).get(0)).contains("StageAggregateScan");
        assertThat(rows(connection, sql)).containsExactly(
                List.of("1010", "666", "509545", "504", "v0", "w", "0.5", "1009"));
        String filtered = "SELECT count(*), sum(n), max(x) FROM @s/g/ WHERE n >= 990 AND t <> 'w'";
        // the conditions also prune row groups, as under a filter
        assertThat(rows(connection, "EXPLAIN PLAN FOR " + filtered).get(0).get(0)).contains("StageAggregateScan")
                .contains("predicates=[[ColumnPredicate[index=0, op=GE, value=990]");
        assertThat(rows(connection, filtered)).containsExactly(List.of("10", "9945", "499.0"));
        assertThat(rows(connection, "SELECT count(*), sum(n), min(t) FROM @s/g/ WHERE n < 0"))
                .containsExactly(java.util.Arrays.asList("0", null, null));
        assertThat(rows(connection, "SELECT sum(x) FROM @s/g/2.parquet")).containsExactly(
                java.util.Collections.singletonList(null));
    }

    @Test
    void aggregatesOfEveryNumericTypeAreThoseOfTheRows() throws Exception {
        stage("s");
        String typed = "SELECT (range % 7 - 3)::TINYINT AS ti, (range * 3 - 700)::SMALLINT AS si,"
                + " CASE WHEN range % 5 = 0 THEN NULL ELSE range * 7919 % 1000 - 500 END::INTEGER AS i,"
                + " (range * 1000000007)::BIGINT AS bi, (range % 250)::UTINYINT AS ut, (range * 31)::USMALLINT AS us,"
                + " (range * 4000000)::UINTEGER AS ui, CASE WHEN range % 4 = 1 THEN NULL ELSE range / 8.0 - 40 END::FLOAT"
                + " AS f, CASE WHEN range % 3 = 2 THEN NULL WHEN range = 8 THEN -0.0::DOUBLE"
                + " ELSE range * 0.37 - 100 END::DOUBLE AS d, (DATE '2000-01-01' + (range::INTEGER % 900"
                + " - 450)) AS dt, (TIMESTAMP '2020-02-29 10:00:00' + range * INTERVAL 1 MINUTE) AS ts,"
                + " (range * 0.25)::DECIMAL(9, 2) AS dc FROM range(700)";
        put("s", "t/1.parquet", duck(typed, "FORMAT parquet, ROW_GROUP_SIZE 256"));
        put("s", "t/2.parquet", duck("SELECT * FROM (VALUES (NULL::TINYINT, NULL::SMALLINT, NULL::INTEGER,"
                + " NULL::BIGINT, NULL::UTINYINT, NULL::USMALLINT, NULL::UINTEGER, NULL::FLOAT, NULL::DOUBLE, NULL::DATE,"
                + " NULL::TIMESTAMP, NULL::DECIMAL(9, 2))) t(ti, si, i, bi, ut, us, ui, f, d, dt, ts, dc)",
                "FORMAT parquet"));
        put("s", "t/3.parquet", duck(typed + " WHERE false", "FORMAT parquet"));
        List<String> columns = List.of("ti", "si", "i", "bi", "ut", "us", "ui", "f", "d", "dt", "ts", "dc");
        StringBuilder select = new StringBuilder("count(*)");
        for (String column : columns) {
            select.append(", count(").append(column).append("), min(").append(column).append("), max(")
                    .append(column).append(')');
            // sums of BIGINT are exact DECIMALs, a cast that keeps them out of the scan
            if (!List.of("dt", "ts", "bi", "ui").contains(column)) {
                select.append(", sum(").append(column).append(')');
            }
        }
        for (String where : List.of("", " WHERE i < 0", " WHERE d >= -50.5 AND i <> 2", " WHERE f IS NULL",
                " WHERE d > 0 AND d IS NOT NULL AND dt < DATE '2000-01-01'", " WHERE bi > 9000000000000",
                " WHERE us = 527", " WHERE i > 1000")) {
            String aggregated = "SELECT " + select + " FROM @s/t/" + where;
            assertThat(rows(connection, "EXPLAIN PLAN FOR " + aggregated).get(0).get(0))
                    .contains("StageAggregateScan");
            // a LIMIT keeps the aggregate out of the scan, which then hands the engine its rows
            String overRows = "SELECT " + select + " FROM (SELECT * FROM @s/t/ LIMIT 100000)" + where;
            assertThat(rows(connection, "EXPLAIN PLAN FOR " + overRows).get(0).get(0))
                    .doesNotContain("StageAggregateScan");
            assertThat(rows(connection, aggregated)).as(where).isEqualTo(rows(connection, overRows));
        }
        assertThat(rows(connection, "SELECT sum(bi), sum(ui) FROM @s/t/ WHERE i > 0")).isEqualTo(
                rows(connection, "SELECT sum(bi), sum(ui) FROM (SELECT * FROM @s/t/ LIMIT 100000) WHERE i > 0"));
        assertThat(rows(connection, "SELECT count(*), count(i), sum(i), min(d), max(ui) FROM @s/t/3.parquet"))
                .containsExactly(java.util.Arrays.asList("0", "0", null, null, null));
        assertThat(rows(connection, "SELECT count(*), sum(si), max(ts), min(dc) FROM @s/t/1.parquet WHERE d IS NULL"))
                .containsExactly(List.of("233", "81550", "2020-02-29 21:38:00.000", "0.50"));
    }

    @Test
    void nullsBetweenLongRunsOfValuesAreCounted() throws Exception {
        stage("s");
        // NULL in the first rows and then rarely: most batches hold no NULL, some hold one
        put("s", "n.parquet", duck("SELECT CASE WHEN range < 10 OR range % 5000 = 0 THEN NULL ELSE range END AS x,"
                + " CASE WHEN range < 10 OR range % 5000 = 0 THEN NULL ELSE range / 2.0 END AS y"
                + " FROM range(200000)", "FORMAT parquet, ROW_GROUP_SIZE 65536"));
        assertThat(rows(connection, "SELECT count(*), count(x), sum(x), min(x), max(x), sum(y) FROM @s/n.parquet"))
                .containsExactly(List.of("200000", "199951", "19995999955", "10", "199999", "9.9979999775E9"));
        assertThat(rows(connection, "SELECT count(*) FROM @s/n.parquet WHERE x IS NULL"))
                .containsExactly(List.of("49"));
    }

    @Test
    void concurrentQueriesOnOneConnectionEachGetTheirRows() throws Exception {
        stage("s");
        put("s", "c/p.parquet", duck("SELECT range AS id FROM range(200000)", "FORMAT parquet, ROW_GROUP_SIZE 10000"));
        Path csv = scratch.resolve("c.csv");
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 50_000; i++) {
            text.append(i).append(",x").append(i).append('\n');
        }
        Files.writeString(csv, text);
        put("s", "c/t.csv", csv);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<List<List<String>>>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String sql = i % 2 == 0 ? "SELECT count(*), sum(id) FROM @s/c/p.parquet"
                        : "SELECT count(*), sum($1::INT) FROM @s/c/t.csv (FILE_FORMAT => 'CSV')";
                results.add(pool.submit(() -> rows(connection, sql)));
            }
            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get(60, java.util.concurrent.TimeUnit.SECONDS)).containsExactly(
                        i % 2 == 0 ? List.of("200000", "19999900000") : List.of("50000", "1249975000"));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRepeatedQuerySeesTheFilesAsTheyAreNow() throws Exception {
        stage("s");
        put("s", "r/a.parquet", duck("SELECT 1 AS id, 'x' AS name", "FORMAT parquet"));
        String sql = "SELECT * FROM @s/r/";
        assertThat(columns(connection, sql)).containsExactly("id", "name");
        assertThat(rows(connection, sql)).containsExactly(List.of("1", "x"));
        // the file the schema came from is replaced by one of another schema
        put("s", "r/a.parquet", duck("SELECT 2.5::DOUBLE AS score, 7 AS id", "FORMAT parquet"));
        assertThat(columns(connection, sql)).containsExactly("score", "id");
        assertThat(rows(connection, sql)).containsExactly(List.of("2.5", "7"));
        // a file added after the first one is read without changing the schema
        put("s", "r/b.parquet", duck("SELECT 1.5::DOUBLE AS score, 8 AS id", "FORMAT parquet"));
        assertThat(rows(connection, "SELECT count(*), sum(id) FROM @s/r/")).containsExactly(List.of("2", "15"));
        assertThat(rows(connection, "SELECT count(*), sum(id) FROM @s/r/")).containsExactly(List.of("2", "15"));
    }

    /** Counts the rows of {@code @s/w.parquet} with id 2; the footer's statistics rule out a file without any. */
    static final String COUNT_OF_ID_2 = "SELECT count(*) FROM @s/w.parquet WHERE id = 2";

    /** Returns two Parquet files of the same size, of one row each: id 1, then id 2. */
    List<Path> twoVersionsOfTheSameSize() throws Exception {
        Path one = duck("SELECT 1 AS id", "FORMAT parquet");
        Path two = duck("SELECT 2 AS id", "FORMAT parquet");
        assertThat(Files.size(two)).isEqualTo(Files.size(one));
        return List.of(one, two);
    }

    @Test
    void aFileRewrittenWithTheSameSizeIsReadAsItIsNow() throws Exception {
        stage("s");
        List<Path> versions = twoVersionsOfTheSameSize();
        put("s", "w.parquet", versions.get(0));
        assertThat(rows(connection, COUNT_OF_ID_2)).containsExactly(List.of("0"));
        put("s", "w.parquet", versions.get(1));
        assertThat(rows(connection, COUNT_OF_ID_2)).containsExactly(List.of("1"));
        assertThat(rows(connection, "SELECT id FROM @s/w.parquet")).containsExactly(List.of("2"));
    }

    @Test
    void aRepeatedQueryFollowsTheStageAndItsFormat() throws Exception {
        stage("s");
        stage("t");
        Path one = scratch.resolve("one.csv");
        Files.writeString(one, "1;2\n");
        put("s", "f.csv", one);
        Path two = scratch.resolve("two.csv");
        Files.writeString(two, "3,4\n5,6\n");
        put("t", "f.csv", two);
        String sql = "SELECT $1, $2 FROM @s/f.csv";
        execute(connection, "CREATE FILE FORMAT semi TYPE = CSV FIELD_DELIMITER = ';'");
        execute(connection, createStage("s").replace("CREATE STAGE s", "CREATE OR REPLACE STAGE s")
                + " FILE_FORMAT = (FORMAT_NAME = 'semi')");
        assertThat(rows(connection, sql)).containsExactly(List.of("1", "2"));
        execute(connection, createStage("t").replace("CREATE STAGE t", "CREATE OR REPLACE STAGE s")
                + " FILE_FORMAT = (TYPE = CSV)");
        assertThat(rows(connection, sql)).containsExactly(List.of("3", "4"), List.of("5", "6"));
        execute(connection, "DROP STAGE s");
        failure(connection, sql, "42704", 2501);
    }

    @Test
    void statementsThatChangeOrListAreRunEveryTime() throws Exception {
        stage("s");
        put("s", "l/a.csv", duck("SELECT 1", "FORMAT csv, HEADER false"));
        assertThat(rows(connection, "LIST @s/l/")).hasSize(1);
        put("s", "l/b.csv", duck("SELECT 2", "FORMAT csv, HEADER false"));
        assertThat(rows(connection, "LIST @s/l/")).hasSize(2);
        String create = "CREATE STAGE again URL = 'fs://" + scratch + "/again/'";
        execute(connection, create);
        failure(connection, create, "42710", 2502);
        execute(connection, "CREATE TABLE t (a INT)");
        execute(connection, "INSERT INTO t VALUES (1)");
        execute(connection, "INSERT INTO t VALUES (1)");
        assertThat(rows(connection, "SELECT count(*) FROM t")).containsExactly(List.of("2"));
        execute(connection, "TRUNCATE TABLE t");
        assertThat(rows(connection, "SELECT count(*) FROM t")).containsExactly(List.of("0"));
    }

    @Test
    void stagedFilesWorkAnywhereATableDoes() throws Exception {
        stage("s");
        put("s", "l.parquet", duck("SELECT range AS id, 'n' || range AS name FROM range(5)", "FORMAT parquet"));
        put("s", "r.parquet", duck("SELECT range AS id, range * 10 AS v FROM range(3, 8)", "FORMAT parquet"));
        assertThat(rows(connection, "WITH l AS (SELECT * FROM @s/l.parquet) SELECT l.name, r.v FROM l"
                + " JOIN @s/r.parquet AS r ON l.id = r.id ORDER BY r.v"))
                .containsExactly(List.of("n3", "30"), List.of("n4", "40"));
        assertThat(rows(connection, "SELECT count(*) FROM (SELECT id FROM @s/l.parquet WHERE id IN"
                + " (SELECT id FROM '@s/r.parquet'))")).containsExactly(List.of("2"));
        try (PreparedStatement prepared = connection.prepareStatement(
                "SELECT name FROM @s/l.parquet WHERE id >= ? ORDER BY id")) {
            prepared.setLong(1, 3);
            List<String> names = new ArrayList<>();
            try (ResultSet rs = prepared.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            assertThat(names).containsExactly("n3", "n4");
        }
    }

    @Test
    void inferSchemaDescribesTheFiles() throws Exception {
        stage("s");
        put("s", "i/1.parquet", duck("SELECT 1::INTEGER AS a, 'x' AS b", "FORMAT parquet"));
        put("s", "i/2.parquet", duck("SELECT 2::BIGINT AS a, 1.5::DOUBLE AS c", "FORMAT parquet"));
        List<List<String>> schema = rows(connection,
                "SELECT column_name, type, nullable, order_id FROM INFER_SCHEMA(LOCATION => '@s/i/') ORDER BY order_id");
        assertThat(schema).containsExactly(List.of("a", "BIGINT", "false", "0"), List.of("b", "VARCHAR", "true", "1"),
                List.of("c", "DOUBLE", "true", "2"));
    }

    @Test
    void maxRowsStopsTheScan() throws Exception {
        stage("s");
        put("s", "r.parquet", duck("SELECT range AS id FROM range(100000)", "FORMAT parquet"));
        try (Statement statement = connection.createStatement()) {
            statement.setMaxRows(7);
            statement.setFetchSize(3);
            int count = 0;
            try (ResultSet rs = statement.executeQuery("SELECT id FROM @s/r.parquet")) {
                while (rs.next()) {
                    count++;
                }
            }
            assertThat(count).isEqualTo(7);
        }
    }

    @Test
    void cancelStopsARunningScan() throws Exception {
        stage("s");
        put("s", "r.parquet", duck("SELECT range AS id FROM range(1000000)", "FORMAT parquet"));
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT id FROM @s/r.parquet")) {
            assertThat(rs.next()).isTrue();
            statement.cancel();
            assertThat(readingTheRestFails(rs)).isEqualTo("57014");
        }
        assertThat(ScanThreads.running()).as("scan threads").isEmpty();
    }

    @Test
    void aStatementRunsAgainAfterACancel() throws Exception {
        stage("s");
        put("s", "r.parquet", duck("SELECT range AS id FROM range(1000000)", "FORMAT parquet"));
        String count = "SELECT count(*) FROM @s/r.parquet WHERE id < 10";
        try (Statement statement = connection.createStatement()) {
            // nothing runs: nothing to cancel
            statement.cancel();
            try (ResultSet rs = statement.executeQuery(count)) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(10);
            }
            try (ResultSet rs = statement.executeQuery("SELECT id FROM @s/r.parquet")) {
                assertThat(rs.next()).isTrue();
                statement.cancel();
                assertThat(readingTheRestFails(rs)).isEqualTo("57014");
            }
            try (ResultSet rs = statement.executeQuery(count)) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(10);
            }
        }
    }

    @Test
    void queryTimeoutStopsARunningScan() throws Exception {
        stage("s");
        put("s", "r.parquet", duck("SELECT range AS id FROM range(1000000)", "FORMAT parquet"));
        try (Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(1);
            try (ResultSet rs = statement.executeQuery("SELECT id FROM @s/r.parquet")) {
                assertThat(rs.next()).isTrue();
                Thread.sleep(1500);
                assertThat(readingTheRestFails(rs)).isEqualTo("HYT00");
            }
        }
        assertThat(ScanThreads.running()).as("scan threads").isEmpty();
    }

    /** Reads the rest of {@code rs}, which must fail; returns the SQLState. */
    private static String readingTheRestFails(ResultSet rs) {
        SQLException e = org.assertj.core.api.Assertions.catchThrowableOfType(SQLException.class, () -> {
            while (rs.next()) {
                rs.getLong(1);
            }
        });
        assertThat((Throwable) e).as("reading the rest of the result").isNotNull();
        return e.getSQLState();
    }
}
