package dev.stowage.ddl;

import static dev.stowage.testing.Sql.columns;
import static dev.stowage.testing.Sql.execute;
import static dev.stowage.testing.Sql.failure;
import static dev.stowage.testing.Sql.rows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.fileio.S3ProxyServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CREATE/DROP/DESC/SHOW STAGE through JDBC, on a persistent catalog, with S3Proxy behind external stages. */
class StageStatementsTest {
    private static S3ProxyServer s3;

    @TempDir
    Path home;

    private Connection connection;

    @BeforeAll
    static void startS3() throws Exception {
        s3 = S3ProxyServer.start();
        s3.createBucket("databend-toronto");
    }

    @AfterAll
    static void stopS3() throws Exception {
        s3.close();
    }

    @BeforeEach
    void open() throws SQLException {
        connection = DriverManager.getConnection("jdbc:stowage:" + home + ";user=alice");
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    private void createToronto(String secret) throws SQLException {
        execute(connection, "CREATE OR REPLACE CONNECTION toronto STORAGE_TYPE = 's3' ENDPOINT_URL = '" + s3.endpoint()
                + "' ACCESS_KEY_ID = '" + S3ProxyServer.ACCESS_KEY + "' SECRET_ACCESS_KEY = '" + secret + "'");
    }

    private List<String> describe(String stage) throws SQLException {
        List<List<String>> rows = rows(connection, "DESC STAGE " + stage);
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    @Test
    void seedExampleCopiesTheConnectionIntoTheStage() throws SQLException {
        createToronto(S3ProxyServer.SECRET_KEY);
        execute(connection, "CREATE STAGE my_s3_stage URL = 's3://databend-toronto' "
                + "CONNECTION = (CONNECTION_NAME = 'toronto')");
        assertThat(columns(connection, "DESC STAGE my_s3_stage")).containsExactly("name", "stage_type", "storage_type",
                "url", "endpoint", "has_credentials", "has_encryption_key", "storage_params", "file_format_options",
                "creator", "created_on", "comment", "owner");
        List<String> row = describe("my_s3_stage");
        assertThat(row.subList(0, 7)).containsExactly("my_s3_stage", "External", "s3", "s3://databend-toronto/",
                s3.endpoint(), "true", "false");
        assertThat(row.get(7)).contains("\"bucket\":\"databend-toronto\"", "\"root\":\"/\"",
                "\"access_key_id\":\"AK***01\"", "\"endpoint_url\":\"" + s3.endpoint() + "\"")
                .doesNotContain(S3ProxyServer.SECRET_KEY);
        assertThat(row.get(8)).isEqualTo("{\"type\":\"Parquet\",\"compression\":\"ZSTD\",\"missing_field_as\":\"ERROR\"}");
        assertThat(row.get(9)).isEqualTo("alice");

        // replacing or dropping the connection does not reach the stage: it holds a copy
        createToronto("a-completely-different-secret");
        assertThat(describe("my_s3_stage").get(7)).contains("\"secret_access_key\":\"s3***ts\"");
        execute(connection, "DROP CONNECTION toronto");
        assertThat(describe("my_s3_stage").get(0)).isEqualTo("my_s3_stage");
    }

    @Test
    void inlineParametersAndFileFormatAndComment() throws SQLException {
        execute(connection, "CREATE STAGE test_stage url='s3://load/files/' connection=(aws_key_id='1a2b3c',"
                + " aws_secret_key='4x5y6z7w8v', endpoint_url='" + s3.endpoint() + "')"
                + " file_format=(type=csv compression=AUTO record_delimiter='\\n' escape='\\\\' skip_header=1)"
                + " comments='test'");
        List<String> row = describe("test_stage");
        assertThat(row.get(3)).isEqualTo("s3://load/files/");
        assertThat(row.get(7)).contains("\"aws_key_id\":\"1a***3c\"", "\"aws_secret_key\":\"4x***8v\"",
                "\"root\":\"/files/\"");
        assertThat(row.get(8)).contains("\"type\":\"CSV\"", "\"compression\":\"AUTO\"", "\"skip_header\":\"1\"",
                "\"record_delimiter\":\"\\n\"", "\"escape\":\"\\\\\"");
        assertThat(row.get(11)).isEqualTo("test");
    }

    @Test
    void internalStagesOwnTheirFiles() throws Exception {
        execute(connection, "CREATE STAGE my_internal_stage");
        Path directory = home.resolve("data/stages/my_internal_stage");
        assertThat(directory).isDirectory();
        Files.writeString(directory.resolve("a.csv"), "1,2\n");
        List<String> row = describe("my_internal_stage");
        assertThat(row.subList(0, 8)).containsExactly("my_internal_stage", "Internal", null, null, null, "false",
                "false", null);
        execute(connection, "CREATE OR REPLACE STAGE my_internal_stage");
        assertThat(directory).isEmptyDirectory();
        Files.writeString(directory.resolve("b.csv"), "3,4\n");
        execute(connection, "CREATE STAGE IF NOT EXISTS my_internal_stage");
        assertThat(directory.resolve("b.csv")).exists();
        execute(connection, "DROP STAGE my_internal_stage");
        assertThat(directory).doesNotExist();
    }

    @Test
    void externalDropKeepsTheFilesAndShowListsByName() throws SQLException {
        execute(connection, "CREATE STAGE zeta URL = 'fs://" + home + "/ext/'");
        execute(connection, "CREATE STAGE alpha");
        execute(connection, "CREATE STAGE alpine");
        assertThat(rows(connection, "SHOW STAGES")).extracting(r -> r.get(0)).containsExactly("alpha", "alpine", "zeta");
        assertThat(rows(connection, "SHOW STAGES LIKE 'alp%'")).extracting(r -> r.get(0)).containsExactly("alpha", "alpine");
        assertThat(rows(connection, "SELECT name FROM system.stages WHERE stage_type = 'External'"))
                .containsExactly(List.of("zeta"));
        assertThat(rows(connection, "DESC STAGE nope")).isEmpty();
        execute(connection, "DROP STAGE zeta");
        assertThat(rows(connection, "SHOW STAGES")).extracting(r -> r.get(0)).containsExactly("alpha", "alpine");
    }

    @Test
    void stagesSurviveARestart() throws SQLException {
        createToronto(S3ProxyServer.SECRET_KEY);
        execute(connection, "CREATE STAGE kept URL = 's3://databend-toronto/x/' CONNECTION = (CONNECTION_NAME = 'toronto')");
        List<String> before = describe("kept");
        connection.close();
        connection = DriverManager.getConnection("jdbc:stowage:" + home);
        assertThat(describe("kept")).isEqualTo(before);
    }

    @Test
    void errorsCarryDatabendCodesAndChangeNothing() throws SQLException {
        createToronto(S3ProxyServer.SECRET_KEY);
        execute(connection, "CREATE STAGE s");
        assertThat(failure(connection, "CREATE STAGE s", "42710", 2502)).hasMessage("Stage 's' already exists.");
        assertThat(failure(connection, "DROP STAGE nope", "42704", 2501)).hasMessage("Stage 'nope' does not exist.");
        execute(connection, "DROP STAGE IF EXISTS nope");
        assertThat(failure(connection, "CREATE STAGE t URL = 's3://databend-toronto/dir'", "22023", 4000))
                .hasMessageContaining("path in URL must end with '/' when CREATE STAGE. Got '/dir'.");
        assertThat(failure(connection, "CREATE STAGE t URL = 's3://databend-toronto/' CONNECTION = (CONNECTION_NAME ="
                + " 'toronto' REGION = 'x')", "22023", 4000))
                .hasMessageContaining("connection_name can not be used with other connection options");
        assertThat(failure(connection, "CREATE STAGE t URL = 's3://b/' CONNECTION = (CONNECTION_NAME = 'nope')",
                "22023", 4000)).hasMessageContaining("fail to get connection_name nope");
        assertThat(failure(connection, "CREATE STAGE t URL = 'gcs://b/' CONNECTION = (CONNECTION_NAME = 'toronto')",
                "22023", 4000)).hasMessageContaining("protocol from connection_name=toronto (s3) not match with uri"
                + " protocol (gcs).");
        assertThat(failure(connection, "CREATE STAGE t URL = '/tmp/'", "22023", 4000))
                .hasMessageContaining("local filesystem paths must use fs:///path/ instead of /path/");
        assertThat(failure(connection, "CREATE STAGE t URL = 's3://b/' CONNECTION = (ARG = 'x')", "22023", 4000))
                .hasMessageContaining("got [arg]");
        assertThat(failure(connection, "CREATE STAGE t FILE_FORMAT = (SKIP_HEADER = 1)", "22023", 2508))
                .hasMessageContaining("FILE_FORMAT must include at least one of the TYPE or NAME option");
        assertThat(failure(connection, "CREATE STAGE t FILE_FORMAT = (TYPE = 'foo')", "22023", 2508))
                .hasMessageContaining("Unknown file format type 'foo'");
        assertThat(failure(connection, "CREATE STAGE t FILE_FORMAT = (TYPE = LANCE)", "22023", 2505))
                .hasMessageContaining("LANCE file format is only supported in COPY INTO <location>");
        assertThat(failure(connection, "CREATE STAGE t FILE_FORMAT = (TYPE = PARQUET SKIP_HEADER = 1)", "22023", 2508))
                .hasMessageContaining("Unsupported options for Parquet:  {skip_header: 1}");
        assertThat(failure(connection, "CREATE STAGE t FILE_FORMAT = (TYPE = CSV FIELD_DELIMITER = 'ab')", "22023", 1006))
                .hasMessageContaining("Invalid CSV option value: FIELD_DELIMITER is currently set to 'ab'.");
        assertThat(failure(connection, "CREATE STAGE _databend_upload", "22023", 2004)).hasMessageContaining("reserved");
        failure(connection, "CREATE OR REPLACE STAGE IF NOT EXISTS t", "42601", 1005);
        failure(connection, "CREATE STAGE t CONNECTION = (REGION = 'x')", "42601", 1005);
        failure(connection, "CREATE STAGE t URL = 's3://b/' CONNECTION = (REGION = 42)", "42601", 1005);
        assertThat(rows(connection, "SHOW STAGES")).extracting(r -> r.get(0)).containsExactly("s");
    }
}
