package dev.stowage.table;

import static dev.stowage.testing.Sql.execute;
import static dev.stowage.testing.Sql.failure;
import static dev.stowage.testing.Sql.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.stowage.testing.ScanThreads;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** INSERT into tables: rows land as new files, read back exactly; failures add nothing. */
class TableInsertTest {
    @TempDir
    Path home;

    @TempDir
    Path external;

    private Connection connection;

    @BeforeEach
    void open() throws SQLException {
        connection = DriverManager.getConnection("jdbc:stowage:" + home);
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    private int update(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            return statement.executeUpdate(sql);
        }
    }

    @Test
    void aPreparedInsertIntoATableReplacedSinceAddsNothing() throws SQLException {
        execute(connection, "CREATE TABLE r (a INT)");
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO r VALUES (?)")) {
            insert.setInt(1, 1);
            assertThat(insert.executeUpdate()).isEqualTo(1);
            execute(connection, "CREATE OR REPLACE TABLE r (a INT)");
            insert.setInt(1, 2);
            assertThatThrownBy(insert::executeUpdate)
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42P01"))
                    .hasMessageContaining("'r' was dropped or replaced");
        }
        assertThat(rows(connection, "SELECT count(*) FROM r")).containsExactly(List.of("0"));
    }

    @Test
    void executeQueryOfAnInsertRunsItAndSaysItReturnsNoRows() throws SQLException {
        execute(connection, "CREATE TABLE q (a INT)");
        try (Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeQuery("INSERT INTO q VALUES (1), (2)"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("02000"))
                    .hasMessageContaining("no result set").hasMessageContaining("executeUpdate()");
            // the insert ran, and the statement is usable afterwards
            try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM q")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(2);
            }
        }
    }

    @Test
    void insertedValuesOfEveryTypeReadBack() throws SQLException {
        execute(connection, "CREATE TABLE t (id INT NOT NULL, small SMALLINT, big BIGINT, ok BOOLEAN, r REAL,"
                + " d DOUBLE, price DECIMAL(10, 2), name STRING, born DATE, stamp TIMESTAMP, bytes VARBINARY)");
        assertThat(update("INSERT INTO t VALUES (1, 2, 3000000000, TRUE, 1.5, 2.25, 12.34, 'ann', DATE '2026-11-24',"
                + " TIMESTAMP '2026-11-24 10:11:12.345', x'CAFE'), (2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,"
                + " NULL, NULL)")).isEqualTo(2);
        assertThat(rows(connection, "SELECT * FROM t ORDER BY id")).containsExactly(
                List.of("1", "2", "3000000000", "true", "1.5", "2.25", "12.34", "ann", "2026-11-24",
                        "2026-11-24 10:11:12.345", "cafe"),
                Arrays.asList("2", null, null, null, null, null, null, null, null, null, null));
        assertThat(update("INSERT INTO t (id, name) VALUES (3, 'cy')")).isEqualTo(1);
        assertThat(rows(connection, "SELECT count(*), sum(id), max(name) FROM t"))
                .containsExactly(List.of("3", "6", "cy"));
    }

    @Test
    void insertSelectCopiesRowsBetweenTables() throws Exception {
        execute(connection, "CREATE TABLE src (a INT, b VARCHAR)");
        execute(connection, "INSERT INTO src VALUES (1, 'x'), (2, 'y'), (3, 'z')");
        execute(connection, "CREATE TABLE dst (a INT, b VARCHAR) 'fs://" + external + "/' FILE_FORMAT = (TYPE = CSV)");
        assertThat(update("INSERT INTO dst SELECT a * 10, b FROM src WHERE a > 1")).isEqualTo(2);
        assertThat(rows(connection, "SELECT a, b FROM dst ORDER BY a"))
                .containsExactly(List.of("20", "y"), List.of("30", "z"));
        try (Stream<Path> files = Files.list(external)) {
            assertThat(files.map(path -> path.getFileName().toString()).toList())
                    .singleElement().asString().matches("data_[0-9a-f]{32}_0000\\.csv");
        }
        assertThat(update("INSERT INTO dst (a) SELECT a FROM src WHERE a = 1")).isEqualTo(1);
        assertThat(rows(connection, "SELECT count(*), count(b) FROM dst")).containsExactly(List.of("3", "2"));
    }

    @Test
    void ndjsonAndTsvTablesRoundTrip() throws SQLException {
        for (String format : List.of("NDJSON", "TSV")) {
            String table = "t_" + format.toLowerCase(java.util.Locale.ROOT);
            execute(connection, "CREATE TABLE " + table + " (id BIGINT, name VARCHAR, price DECIMAL(6, 2), born DATE)"
                    + " FILE_FORMAT = (TYPE = " + format + ")");
            execute(connection, "INSERT INTO " + table + " VALUES (1, 'a\tb', 1.50, DATE '2026-01-02'),"
                    + " (2, NULL, NULL, NULL)");
            assertThat(rows(connection, "SELECT * FROM " + table + " ORDER BY id")).as(format).containsExactly(
                    List.of("1", "a\tb", "1.50", "2026-01-02"), Arrays.asList("2", null, null, null));
        }
    }

    @Test
    void preparedInsertsRunEachTimeTheyAreExecuted() throws SQLException {
        execute(connection, "CREATE TABLE t (a INT, b VARCHAR)");
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
            for (int i = 0; i < 3; i++) {
                insert.setInt(1, i);
                insert.setString(2, "v" + i);
                assertThat(insert.executeUpdate()).isEqualTo(1);
            }
        }
        assertThat(rows(connection, "SELECT b FROM t ORDER BY a"))
                .containsExactly(List.of("v0"), List.of("v1"), List.of("v2"));
    }

    @Test
    void failedInsertsAddNothing() throws Exception {
        execute(connection, "CREATE TABLE t (a INT NOT NULL)");
        assertThat(failure(connection, "INSERT INTO t VALUES (1), (NULL)", "42000", 1065))
                .hasMessageContaining("Column 'a' has no default value and does not allow NULLs");
        execute(connection, "CREATE TABLE maybe (a INT)");
        execute(connection, "INSERT INTO maybe VALUES (1), (NULL)");
        assertThat(failure(connection, "INSERT INTO t SELECT a FROM maybe", "23502", 1006))
                .hasMessage("NULL cannot be written to column a, which is NOT NULL");
        Files.writeString(external.resolve("numbers.csv"), "1\n2\nthree\n");
        execute(connection, "CREATE STAGE numbers URL = 'fs://" + external + "/'");
        assertThat(failure(connection, "INSERT INTO t SELECT $1::INT FROM @numbers (FILE_FORMAT => 'CSV')", "22000", 0))
                .hasMessageContaining("three");
        assertThat(rows(connection, "SELECT count(*) FROM t")).containsExactly(List.of("0"));
        try (Stream<Path> files = Files.walk(home.resolve("data").resolve("tables"))) {
            // the one insert into "maybe" made the only file
            assertThat(files.filter(Files::isRegularFile)).hasSize(1);
        }
    }

    @Test
    void aFailedInsertStopsTheScanItReads() throws Exception {
        StringBuilder csv = new StringBuilder("1\n\\N\n");
        for (int i = 0; i < 300_000; i++) {
            csv.append(i).append('\n');
        }
        Files.writeString(external.resolve("many.csv"), csv);
        execute(connection, "CREATE STAGE many URL = 'fs://" + external + "/'");
        execute(connection, "CREATE TABLE t (a INT NOT NULL)");
        failure(connection, "INSERT INTO t SELECT CAST($1 AS INT) FROM @many (FILE_FORMAT => 'CSV')", "23502", 1006);
        assertThat(ScanThreads.running()).as("scan threads").isEmpty();
        assertThat(rows(connection, "SELECT count(*) FROM t")).containsExactly(List.of("0"));
    }

    @Test
    void updateDeleteAndSystemTablesAreRefused() throws SQLException {
        execute(connection, "CREATE TABLE t (a INT)");
        assertThat(failure(connection, "UPDATE t SET a = 1", "42000", 1002))
                .hasMessageStartingWith("UPDATE is not supported on table default.t");
        assertThat(failure(connection, "DELETE FROM t", "42000", 1002))
                .hasMessageStartingWith("DELETE is not supported on table default.t");
    }

    @Test
    void concurrentInsertsFromAPoolLoseNoRows() throws Exception {
        execute(connection, "CREATE TABLE events (worker INT, n INT)");
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:stowage:" + home);
        config.setMaximumPoolSize(4);
        int workers = 6;
        int inserts = 15;
        try (HikariDataSource pool = new HikariDataSource(config)) {
            ExecutorService executor = Executors.newFixedThreadPool(workers);
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                int worker = w;
                done.add(executor.submit(() -> {
                    for (int i = 0; i < inserts; i++) {
                        try (Connection pooled = pool.getConnection();
                             PreparedStatement insert = pooled.prepareStatement("INSERT INTO events VALUES (?, ?)")) {
                            insert.setInt(1, worker);
                            insert.setInt(2, i);
                            insert.executeUpdate();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
            executor.shutdown();
        }
        assertThat(rows(connection, "SELECT count(*), count(DISTINCT worker * 100 + n) FROM events"))
                .containsExactly(List.of(String.valueOf(workers * inserts), String.valueOf(workers * inserts)));
    }
}
