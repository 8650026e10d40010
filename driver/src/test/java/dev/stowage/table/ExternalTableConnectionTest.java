package dev.stowage.table;

import static dev.stowage.testing.Sql.execute;
import static dev.stowage.testing.Sql.failure;
import static dev.stowage.testing.Sql.rows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.fileio.S3ProxyServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * External tables on S3Proxy: the connection is copied when the table is created, the location is checked live, and
 * only ALTER TABLE … CONNECTION rebinds the credentials (Databend's documented example, end to end).
 */
class ExternalTableConnectionTest {
    private static final String SECOND_ACCESS_KEY = "AKIASTOWAGETEST00002";
    private static final String SECOND_SECRET_KEY = "second-secret/KEY+rotated";
    private static final String WRONG_SECRET = "not-the-secret-at-all";

    @TempDir
    Path home;

    private S3ProxyServer s3;
    private Connection connection;

    @BeforeEach
    void open() throws Exception {
        s3 = S3ProxyServer.start();
        s3.createBucket("testbucket");
        s3.putObject("testbucket", "13_fuse_external_table/part-1.csv",
                "1,ann,31\n2,bob,42\n".getBytes(StandardCharsets.UTF_8));
        connection = DriverManager.getConnection("jdbc:stowage:" + home);
        createConnection("external_table_conn", S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY);
        createConnection("external_table_conn_new", SECOND_ACCESS_KEY, SECOND_SECRET_KEY);
    }

    @AfterEach
    void close() throws Exception {
        connection.close();
        s3.close();
    }

    private void createConnection(String name, String accessKey, String secretKey) throws SQLException {
        execute(connection, "CREATE OR REPLACE CONNECTION " + name + " STORAGE_TYPE = 's3' ENDPOINT_URL = '"
                + s3.endpoint() + "' ACCESS_KEY_ID = '" + accessKey + "' SECRET_ACCESS_KEY = '" + secretKey + "'");
    }

    private void createTable() throws SQLException {
        execute(connection, "CREATE OR REPLACE TABLE external_table_test (id INT, name VARCHAR, age INT) "
                + "'s3://testbucket/13_fuse_external_table/' CONNECTION=(connection_name = 'external_table_conn') "
                + "FILE_FORMAT = (TYPE = CSV)");
    }

    private List<List<String>> names() throws SQLException {
        return rows(connection, "SELECT name FROM external_table_test ORDER BY id");
    }

    @Test
    void rotatedCredentialsAreRebound() throws Exception {
        createTable();
        assertThat(names()).containsExactly(List.of("ann"), List.of("bob"));

        s3.rotateCredentials(SECOND_ACCESS_KEY, SECOND_SECRET_KEY);
        failure(connection, "SELECT name FROM external_table_test", "42501", 0);

        execute(connection, "ALTER TABLE external_table_test CONNECTION=( connection_name = 'external_table_conn_new' )");
        assertThat(names()).containsExactly(List.of("ann"), List.of("bob"));
        assertThat(rows(connection, "SHOW CREATE TABLE external_table_test").get(0).get(1))
                .contains("access_key_id = 'AK***02'", "endpoint_url = '" + s3.endpoint() + "'")
                .doesNotContain(SECOND_SECRET_KEY, S3ProxyServer.SECRET_KEY);
    }

    @Test
    void alterWithAWrongKeyFailsAndKeepsTheOldOne() throws Exception {
        createTable();
        Throwable failure = failure(connection, "ALTER TABLE external_table_test CONNECTION = (ACCESS_KEY_ID = '"
                + S3ProxyServer.ACCESS_KEY + "' SECRET_ACCESS_KEY = '" + WRONG_SECRET + "')", "42501", 4000);
        assertThat(failure.getMessage())
                .startsWith("Checking essential permissions for the external location s3://testbucket/"
                        + "13_fuse_external_table/ failed.")
                .contains("Permission check for [Write] failed", "Permission check for [Read] failed")
                .doesNotContain(WRONG_SECRET);
        assertThat(names()).containsExactly(List.of("ann"), List.of("bob"));
    }

    @Test
    void replacingTheConnectionDoesNotReachTheTable() throws Exception {
        createTable();
        createConnection("external_table_conn", S3ProxyServer.ACCESS_KEY, WRONG_SECRET);
        assertThat(names()).containsExactly(List.of("ann"), List.of("bob"));
        failure(connection, "ALTER TABLE external_table_test CONNECTION = (connection_name = 'external_table_conn')",
                "42501", 4000);
        assertThat(names()).containsExactly(List.of("ann"), List.of("bob"));
    }

    @Test
    void creatingWithWrongKeysListsTheFailedChecksAndCreatesNothing() {
        Throwable failure = failure(connection, "CREATE TABLE t (id INT) 's3://testbucket/t/' CONNECTION = ("
                + "ENDPOINT_URL = '" + s3.endpoint() + "' ACCESS_KEY_ID = '" + S3ProxyServer.ACCESS_KEY
                + "' SECRET_ACCESS_KEY = '" + WRONG_SECRET + "')", "42501", 4000);
        assertThat(failure.getMessage()).contains("Permission check for [Write] failed",
                "Permission check for [List] failed", "Permission check for [Delete] failed")
                .doesNotContain(WRONG_SECRET);
        failure(connection, "SHOW CREATE TABLE t", "42P01", 1025);
    }

    @Test
    void insertAndCopyBothWaysOnS3() throws Exception {
        createTable();
        execute(connection, "INSERT INTO external_table_test VALUES (3, 'cy', 23)");
        assertThat(names()).containsExactly(List.of("ann"), List.of("bob"), List.of("cy"));

        execute(connection, "CREATE STAGE unload URL = 's3://testbucket/unload/'"
                + " CONNECTION = (CONNECTION_NAME = 'external_table_conn')");
        assertThat(rows(connection, "COPY INTO @unload/people/ FROM (SELECT * FROM external_table_test WHERE id > 1)")
                .get(0).get(0)).isEqualTo("2");
        execute(connection, "CREATE TABLE copied (id INT, name VARCHAR, age INT)");
        assertThat(rows(connection, "COPY INTO copied FROM 's3://testbucket/unload/people/'"
                + " CONNECTION = (CONNECTION_NAME = 'external_table_conn')"))
                .singleElement().satisfies(row -> assertThat(row.subList(1, 3)).containsExactly("2", "0"));
        assertThat(rows(connection, "SELECT name FROM copied ORDER BY id")).containsExactly(List.of("bob"), List.of("cy"));
        assertThat(rows(connection, "COPY INTO copied FROM 's3://testbucket/unload/people/'"
                + " CONNECTION = (CONNECTION_NAME = 'external_table_conn')")).isEmpty();
    }

    @Test
    void inlineCopyCredentialsNeverReachErrors() throws Exception {
        execute(connection, "CREATE TABLE copied (id INT, name VARCHAR, age INT)");
        String inline = " CONNECTION = (ENDPOINT_URL = '" + s3.endpoint() + "' ACCESS_KEY_ID = '"
                + S3ProxyServer.ACCESS_KEY + "' SECRET_ACCESS_KEY = '" + WRONG_SECRET + "')";
        assertThat(failure(connection, "COPY INTO copied FROM 's3://testbucket/13_fuse_external_table/'" + inline
                + " FILE_FORMAT = (TYPE = CSV)", "42501", 0).getMessage()).doesNotContain(WRONG_SECRET);
        assertThat(failure(connection, "COPY INTO 's3://testbucket/out/'" + inline + " FROM (SELECT 1 AS x)", "42501", 0)
                .getMessage()).doesNotContain(WRONG_SECRET);
    }

    @Test
    void alterRulesFollowDatabend() throws Exception {
        createTable();
        execute(connection, "CREATE CONNECTION azure STORAGE_TYPE = 'azblob' ENDPOINT_URL = 'http://127.0.0.1:1'"
                + " ACCOUNT_NAME = 'a' ACCOUNT_KEY = 'k'");
        assertThat(failure(connection, "ALTER TABLE external_table_test CONNECTION = (connection_name = 'azure')",
                "22023", 4000)).hasMessageContaining("not match with uri protocol");
        failure(connection, "ALTER TABLE missing CONNECTION = (connection_name = 'external_table_conn')", "42P01", 1025);
        execute(connection, "ALTER TABLE IF EXISTS missing CONNECTION = (connection_name = 'external_table_conn')");
    }
}
