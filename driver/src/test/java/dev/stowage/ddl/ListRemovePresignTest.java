package dev.stowage.ddl;

import static dev.stowage.testing.Sql.columns;
import static dev.stowage.testing.Sql.execute;
import static dev.stowage.testing.Sql.failure;
import static dev.stowage.testing.Sql.rows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.fileio.FileIO;
import dev.stowage.fileio.FileIOs;
import dev.stowage.fileio.Location;
import dev.stowage.fileio.S3ProxyServer;
import dev.stowage.fileio.StorageSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** LIST, REMOVE, LIST_STAGE() and PRESIGN with Databend's prefix and pattern semantics, on S3 and internal stages. */
class ListRemovePresignTest {
    private static final List<String> FILES = List.of("csv/prefix/ab.csv", "csv/prefix/ab/cd.csv", "csv/prefix/ab/cd.csv.bk");
    private static S3ProxyServer s3;

    private Connection connection;
    private String root;

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path home;

    @BeforeAll
    static void startS3() throws Exception {
        s3 = S3ProxyServer.start();
        s3.createBucket("lists");
    }

    @AfterAll
    static void stopS3() throws Exception {
        s3.close();
    }

    @BeforeEach
    void open() throws Exception {
        connection = dev.stowage.testing.Sql.newMemoryConnection();
        root = "s3://lists/" + UUID.randomUUID() + "/";
        try (FileIO io = FileIOs.open(Location.parse(root), s3.parameters(), StorageSettings.DEFAULT)) {
            for (String file : FILES) {
                io.write(file, file.getBytes(StandardCharsets.UTF_8));
            }
            io.write("a b.csv", new byte[] {1});
        }
        execute(connection, "CREATE CONNECTION s3c STORAGE_TYPE = 's3' ENDPOINT_URL = '" + s3.endpoint()
                + "' ACCESS_KEY_ID = '" + S3ProxyServer.ACCESS_KEY + "' SECRET_ACCESS_KEY = '" + S3ProxyServer.SECRET_KEY + "'");
        execute(connection, "CREATE STAGE data URL = '" + root + "' CONNECTION = (CONNECTION_NAME = 's3c')");
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    private List<String> names(String sql) throws SQLException {
        return rows(connection, sql).stream().map(row -> row.get(0)).toList();
    }

    @Test
    void listFollowsDatabendsWorkedExamples() throws SQLException {
        assertThat(columns(connection, "LIST @data")).containsExactly("name", "size", "md5", "last_modified", "creator");
        assertThat(names("LIST @data/csv/prefix/a")).containsExactlyElementsOf(FILES);
        assertThat(names("LIST @data/csv/prefix/ab")).containsExactlyElementsOf(FILES);
        assertThat(names("LIST @data/csv/prefix/ab/")).containsExactly("csv/prefix/ab/cd.csv", "csv/prefix/ab/cd.csv.bk");
        assertThat(names("LIST @data/csv/prefix/ab/cd.csv")).containsExactly("csv/prefix/ab/cd.csv", "csv/prefix/ab/cd.csv.bk");
        assertThat(names("LIST @data/csv/prefix/ab PATTERN = 'cd[.].*'")).isEmpty();
        assertThat(names("LIST @data/csv/prefix/ab/ PATTERN = 'cd[.].*'"))
                .containsExactly("csv/prefix/ab/cd.csv", "csv/prefix/ab/cd.csv.bk");
        assertThat(names("LIST @data/csv/prefix/ PATTERN = '.*[.]csv'")).containsExactly("csv/prefix/ab.csv", "csv/prefix/ab/cd.csv");
        assertThat(names("LIST '@data/a b.csv'")).containsExactly("a b.csv");
        List<String> first = rows(connection, "LIST @data/csv/prefix/ab.csv").get(0);
        assertThat(first.get(1)).isEqualTo("17");
        assertThat(first.get(2)).startsWith("\"");
        assertThat(first.get(3)).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{3} \\+0000");
        assertThat(first.get(4)).isNull();
    }

    @Test
    void listStageFunctionFiltersAndJoinsLikeATable() throws SQLException {
        assertThat(names("SELECT name FROM TABLE(system.list_stage(location => '@data/csv/', pattern => '.*bk'))"))
                .containsExactly("csv/prefix/ab/cd.csv.bk");
        assertThat(names("SELECT name FROM LIST_STAGE(LOCATION => '@data/csv/', PATTERN => '.*bk')"))
                .containsExactly("csv/prefix/ab/cd.csv.bk");
        assertThat(names("SELECT name FROM list_stage(location => '@data/csv/prefix/ab/') WHERE size > 20"))
                .containsExactly("csv/prefix/ab/cd.csv.bk");
        assertThat(rows(connection, "SELECT count(*), sum(size) FROM TABLE(system.list_stage('@data/csv/'))"))
                .containsExactly(List.of("3", String.valueOf(17 + 20 + 23)));
        assertThat(failure(connection, "SELECT * FROM TABLE(system.list_stage('data/'))", "22023", 1006))
                .hasMessageContaining("location must start with @, but got data/");
    }

    @Test
    void removeDeletesWhatListWouldShow() throws SQLException {
        execute(connection, "REMOVE @data/csv/prefix/ab/ PATTERN = '.*bk'");
        assertThat(names("LIST @data/csv/")).containsExactly("csv/prefix/ab.csv", "csv/prefix/ab/cd.csv");
        execute(connection, "REMOVE @data/csv/");
        assertThat(names("LIST @data")).containsExactly("a b.csv");
    }

    @Test
    void theStageKeepsItsCopyWhenTheConnectionChanges() throws SQLException {
        execute(connection, "CREATE OR REPLACE CONNECTION s3c STORAGE_TYPE = 's3' ENDPOINT_URL = '" + s3.endpoint()
                + "' ACCESS_KEY_ID = '" + S3ProxyServer.ACCESS_KEY + "' SECRET_ACCESS_KEY = 'wrong-secret-key-000'");
        assertThat(names("LIST @data/csv/prefix/ab/")).hasSize(2);
        execute(connection, "CREATE STAGE fresh URL = '" + root + "' CONNECTION = (CONNECTION_NAME = 's3c')");
        assertThat(failure(connection, "LIST @fresh", "42501", 0))
                .hasMessageContaining("Permission denied")
                .hasMessageNotContaining("wrong-secret-key-000");
    }

    @Test
    void errorsNameTheProblem() throws SQLException {
        assertThat(failure(connection, "LIST @nope", "42704", 2501)).hasMessage("Stage 'nope' does not exist.");
        assertThat(failure(connection, "LIST @data PATTERN = '(['", "42601", 1005))
                .hasMessageContaining("Pattern format invalid, got:([");
        assertThat(failure(connection, "REMOVE @nope/x", "42704", 2501)).hasMessage("Stage 'nope' does not exist.");
    }

    @Test
    void presignGivesAWorkingUrlWhereTheStorageCan() throws Exception {
        List<List<String>> rows = rows(connection, "PRESIGN @data/csv/prefix/ab.csv EXPIRE = 600");
        assertThat(columns(connection, "PRESIGN DOWNLOAD @data/csv/prefix/ab.csv")).containsExactly("method", "headers", "url");
        assertThat(rows.get(0).subList(0, 2)).containsExactly("GET", "{}");
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(rows.get(0).get(2))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.body()).isEqualTo("csv/prefix/ab.csv");
        assertThat(rows(connection, "PRESIGN UPLOAD @data/new.csv").get(0).get(0)).isEqualTo("PUT");
        execute(connection, "CREATE STAGE internal_one");
        assertThat(failure(connection, "PRESIGN @internal_one/a.csv", "42000", 1002))
                .hasMessageContaining("The storage of stage 'internal_one' cannot presign URLs.");
    }

    @Test
    void internalStagesListTheirOwnFiles() throws Exception {
        connection.close();
        connection = java.sql.DriverManager.getConnection("jdbc:stowage:" + home);
        execute(connection, "CREATE STAGE mine");
        assertThat(names("LIST @mine")).isEmpty();
        java.nio.file.Path directory = home.resolve("data/stages/mine");
        java.nio.file.Files.createDirectories(directory.resolve("2024"));
        for (String file : List.of("2024/a.csv", "2024/b.json", "c.csv")) {
            java.nio.file.Files.writeString(directory.resolve(file), file);
        }
        assertThat(names("LIST @mine")).containsExactly("2024/a.csv", "2024/b.json", "c.csv");
        assertThat(names("LIST @mine PATTERN = '.*[.]csv'")).containsExactly("2024/a.csv", "c.csv");
        execute(connection, "REMOVE @mine/2024/ PATTERN = '.*json'");
        assertThat(names("LIST @mine")).containsExactly("2024/a.csv", "c.csv");
        execute(connection, "DROP STAGE mine");
        assertThat(directory).doesNotExist();
        assertThat(failure(connection, "LIST @mine", "42704", 2501)).hasMessage("Stage 'mine' does not exist.");
    }
}
