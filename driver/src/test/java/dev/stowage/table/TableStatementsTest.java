package dev.stowage.table;

import static dev.stowage.testing.Sql.execute;
import static dev.stowage.testing.Sql.failure;
import static dev.stowage.testing.Sql.rows;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CREATE/DROP/TRUNCATE/SHOW CREATE TABLE and table metadata through JDBC, on a persistent catalog. */
class TableStatementsTest {
    @TempDir
    Path home;

    @TempDir
    Path external;

    private Connection connection;

    @BeforeEach
    void open() throws SQLException {
        connection = DriverManager.getConnection("jdbc:stowage:" + home + ";user=alice");
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    @Test
    void internalTableIsListedWithItsColumnsAndReadsEmpty() throws SQLException {
        execute(connection, "CREATE TABLE t (id INT NOT NULL, name STRING, price DECIMAL(10, 2), created TIMESTAMP)");
        assertThat(rows(connection, "SELECT * FROM t")).isEmpty();
        assertThat(rows(connection, "SELECT count(*) FROM \"default\".t")).containsExactly(List.of("0"));

        DatabaseMetaData metaData = connection.getMetaData();
        try (ResultSet tables = metaData.getTables(null, "default", "%", null)) {
            assertThat(tables.next()).isTrue();
            assertThat(tables.getString("TABLE_NAME")).isEqualTo("t");
            assertThat(tables.getString("TABLE_TYPE")).isEqualTo("TABLE");
            assertThat(tables.next()).isFalse();
        }
        List<String> columns = new ArrayList<>();
        try (ResultSet rs = metaData.getColumns(null, "default", "t", "%")) {
            while (rs.next()) {
                columns.add(rs.getString("COLUMN_NAME") + " " + rs.getString("TYPE_NAME") + " "
                        + rs.getString("IS_NULLABLE"));
            }
        }
        assertThat(columns).containsExactly("id INTEGER NOT NULL NO", "name VARCHAR YES", "price DECIMAL(10, 2) YES",
                "created TIMESTAMP(3) YES");
    }

    @Test
    void showCreateTablePrintsTheDefinition() throws SQLException {
        execute(connection, "CREATE TABLE t (id INT NOT NULL, name VARCHAR)");
        assertThat(rows(connection, "SHOW CREATE TABLE t")).containsExactly(List.of("t",
                "CREATE TABLE \"t\" (\n  \"id\" INTEGER NOT NULL,\n  \"name\" VARCHAR NULL\n) ENGINE=FUSE"
                        + " FILE_FORMAT = (TYPE = PARQUET MISSING_FIELD_AS = ERROR)"));
    }

    @Test
    void showTablesAndDescribeTable() throws SQLException {
        execute(connection, "CREATE TABLE b_events (id INT NOT NULL, name STRING)");
        execute(connection, "CREATE TABLE a_users (id BIGINT) 'fs://" + external + "/'");
        assertThat(rows(connection, "SHOW TABLES")).containsExactly(List.of("a_users"), List.of("b_events"));
        assertThat(rows(connection, "SHOW TABLES FROM default LIKE 'b%'")).containsExactly(List.of("b_events"));
        assertThat(rows(connection, "SHOW TABLES IN other")).isEmpty();
        assertThat(rows(connection, "DESC TABLE b_events")).containsExactly(
                List.of("id", "INTEGER", "NO", "", ""), List.of("name", "VARCHAR", "YES", "NULL", ""));
        assertThat(rows(connection, "SELECT name, table_type, location, total_columns FROM system.tables"
                + " ORDER BY name")).containsExactly(List.of("a_users", "EXTERNAL TABLE", "fs://" + external + "/", "1"),
                Arrays.asList("b_events", "BASE TABLE", null, "2"));
        assertThat(rows(connection, "DESC b_events")).hasSize(2);
        failure(connection, "DESC TABLE nope", "42P01", 1025);
    }

    @Test
    void createTwiceFailsUnlessReplacingOrIfNotExists() throws SQLException {
        execute(connection, "CREATE TABLE t (a INT)");
        assertThat(failure(connection, "CREATE TABLE T (a INT)", "42P07", 2302))
                .hasMessage("Table 'T' already exists.");
        execute(connection, "CREATE TABLE IF NOT EXISTS t (b INT)");
        assertThat(rows(connection, "SHOW CREATE TABLE t").get(0).get(1)).contains("\"a\" INTEGER");
        execute(connection, "CREATE OR REPLACE TABLE t (b INT)");
        assertThat(rows(connection, "SHOW CREATE TABLE t").get(0).get(1)).contains("\"b\" INTEGER");
    }

    @Test
    void dropAndUnknownTables() throws SQLException {
        execute(connection, "CREATE TABLE t (a INT)");
        execute(connection, "DROP TABLE t");
        assertThat(failure(connection, "DROP TABLE t", "42P01", 1025)).hasMessage("Unknown table 't'.");
        execute(connection, "DROP TABLE IF EXISTS t");
        assertThat(failure(connection, "SHOW CREATE TABLE t", "42P01", 1025)).hasMessage("Unknown table 't'.");
        assertThat(failure(connection, "DROP TABLE other.t", "3F000", 1003)).hasMessage("Unknown database 'other'.");
    }

    @Test
    void externalCsvTableReadsTheFilesUnderItsLocation() throws Exception {
        String url = "fs://" + external + "/";
        execute(connection, "CREATE TABLE ext (id INT, name VARCHAR) '" + url + "' FILE_FORMAT = (TYPE = CSV)");
        Files.writeString(external.resolve("a.csv"), "1,one\n2,two\n");
        Files.writeString(external.resolve("b.csv"), "3,three\n");
        Files.writeString(external.resolve("_ignored.csv"), "9,nine\n");
        assertThat(rows(connection, "SELECT id, name FROM ext ORDER BY id"))
                .containsExactly(List.of("1", "one"), List.of("2", "two"), List.of("3", "three"));
        assertThat(rows(connection, "SELECT sum(id) FROM ext WHERE id > 1")).containsExactly(List.of("5"));
        try (ResultSet tables = connection.getMetaData().getTables(null, "default", "ext", null)) {
            assertThat(tables.next()).isTrue();
            assertThat(tables.getString("TABLE_TYPE")).isEqualTo("EXTERNAL TABLE");
        }
        List<String> types = new ArrayList<>();
        try (ResultSet tableTypes = connection.getMetaData().getTableTypes()) {
            while (tableTypes.next()) {
                types.add(tableTypes.getString("TABLE_TYPE"));
            }
        }
        assertThat(types).containsExactly("EXTERNAL TABLE", "SYSTEM TABLE", "TABLE", "VIEW");
        try (ResultSet tables = connection.getMetaData().getTables(null, null, "%", new String[] {"EXTERNAL TABLE"})) {
            assertThat(tables.next()).isTrue();
            assertThat(tables.getString("TABLE_NAME")).isEqualTo("ext");
            assertThat(tables.next()).isFalse();
        }
        execute(connection, "TRUNCATE TABLE ext");
        assertThat(rows(connection, "SELECT count(*) FROM ext")).containsExactly(List.of("0"));
        assertThat(external.resolve("_ignored.csv")).exists();
        execute(connection, "CREATE TABLE ext2 (id INT) '" + url + "' FILE_FORMAT = (TYPE = CSV)");
        execute(connection, "DROP TABLE ext2");
        assertThat(external.resolve("_ignored.csv")).exists();
    }

    @Test
    void externalLocationMustBeADirectory() {
        assertThat(failure(connection, "CREATE TABLE ext (id INT) 'fs://" + external + "/x.csv'", "22023", 1006))
                .hasMessageContaining("must end with '/'");
    }

    @Test
    void alterConnectionOfALocalTableCannotApplyTheUpdate() throws SQLException {
        execute(connection, "CREATE TABLE ext (id INT) 'fs://" + external + "/'");
        assertThat(failure(connection, "ALTER TABLE ext CONNECTION = (ACCESS_KEY_ID = 'a')", "22023", 4000))
                .hasMessageStartingWith("Cannot apply update from fs to fs");
    }

    @Test
    void alterConnectionOfAnInternalTableFails() throws SQLException {
        execute(connection, "CREATE TABLE t (a INT)");
        assertThat(failure(connection, "ALTER TABLE t CONNECTION = (CONNECTION_NAME = 'c')", "55000", 1302))
                .hasMessage("default.t is not an external table, cannot alter connection");
    }
}
