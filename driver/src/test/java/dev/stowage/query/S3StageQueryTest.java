package dev.stowage.query;

import static dev.stowage.testing.Sql.execute;
import static dev.stowage.testing.Sql.failure;
import static dev.stowage.testing.Sql.rows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.fileio.FileIO;
import dev.stowage.fileio.FileIOs;
import dev.stowage.fileio.Location;
import dev.stowage.fileio.S3ProxyServer;
import dev.stowage.fileio.StorageSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Queries over S3 stages on S3Proxy, which checks request signatures. */
class S3StageQueryTest extends StageQueryContractTest {
    private static final String BUCKET = "query-tests";
    private static S3ProxyServer s3;

    private final String root = UUID.randomUUID().toString();

    @BeforeAll
    static void startS3() throws Exception {
        s3 = S3ProxyServer.start();
        s3.createBucket(BUCKET);
    }

    @AfterAll
    static void stopS3() throws Exception {
        s3.close();
    }

    @BeforeEach
    void createConnection() throws Exception {
        execute(connection, "CREATE CONNECTION proxy STORAGE_TYPE = 's3' ENDPOINT_URL = '" + s3.endpoint()
                + "' ACCESS_KEY_ID = '" + S3ProxyServer.ACCESS_KEY + "' SECRET_ACCESS_KEY = '"
                + S3ProxyServer.SECRET_KEY + "'");
    }

    private String url(String stage) {
        return "s3://" + BUCKET + "/" + root + "/" + stage + "/";
    }

    @Override
    String createStage(String name) {
        return "CREATE STAGE " + name + " URL = '" + url(name) + "' CONNECTION = (CONNECTION_NAME = 'proxy')";
    }

    @Override
    void put(String stage, String path, Path file) throws Exception {
        try (FileIO io = FileIOs.open(Location.parse(url(stage)), s3.parameters(), StorageSettings.DEFAULT)) {
            io.write(path, Files.readAllBytes(file));
        }
    }

    @Test
    void uriWithANamedConnection() throws Exception {
        put("u", "t.parquet", duck("SELECT 42 AS answer", "FORMAT parquet"));
        assertThat(rows(connection, "SELECT answer FROM '" + url("u") + "t.parquet'"
                + " (CONNECTION => (CONNECTION_NAME = 'proxy'))")).containsExactly(List.of("42"));
        assertThat(rows(connection, "SELECT answer FROM '" + url("u") + "' (CONNECTION => (ENDPOINT_URL = '"
                + s3.endpoint() + "' ACCESS_KEY_ID = '" + S3ProxyServer.ACCESS_KEY + "' SECRET_ACCESS_KEY = '"
                + S3ProxyServer.SECRET_KEY + "'), PATTERN => '.*parquet')")).containsExactly(List.of("42"));
    }

    @Test
    void wrongKeysFailWithoutShowingThem() throws Exception {
        put("u", "t.parquet", duck("SELECT 1 AS one", "FORMAT parquet"));
        Throwable e = failure(connection, "SELECT * FROM '" + url("u") + "t.parquet' (CONNECTION => (ENDPOINT_URL = '"
                + s3.endpoint() + "' ACCESS_KEY_ID = '" + S3ProxyServer.ACCESS_KEY
                + "' SECRET_ACCESS_KEY = 'not-the-secret-key'))", "42501", 0);
        assertThat(e.getMessage()).doesNotContain("not-the-secret-key");
    }

    @Test
    void inlineSecretsStayOutOfErrorsAndPlans() throws Exception {
        put("u", "t.parquet", duck("SELECT 1 AS n", "FORMAT parquet"));
        String location = "'" + url("u") + "t.parquet' (CONNECTION => (ENDPOINT_URL = '" + s3.endpoint()
                + "' ACCESS_KEY_ID = '" + S3ProxyServer.ACCESS_KEY + "' SECRET_ACCESS_KEY = '" + S3ProxyServer.SECRET_KEY
                + "'))";
        Throwable e = failure(connection, "SELECT nope FROM " + location, "42000", 1065);
        assertThat(e.getMessage()).contains("nope").doesNotContain(S3ProxyServer.SECRET_KEY);
        String plan = rows(connection, "EXPLAIN PLAN FOR SELECT n FROM " + location).toString();
        assertThat(plan).contains("StageFilesScan").doesNotContain(S3ProxyServer.SECRET_KEY);
    }

    @Test
    void inferSchemaOfAUriWithANamedConnection() throws Exception {
        put("v", "1.parquet", duck("SELECT 1::INTEGER AS a", "FORMAT parquet"));
        put("v", "2.parquet", duck("SELECT 2.5::DOUBLE AS a, 'x' AS b", "FORMAT parquet"));
        String infer = "SELECT column_name, type, filenames FROM INFER_SCHEMA(LOCATION => '" + url("v")
                + "', CONNECTION_NAME => 'proxy'";
        assertThat(rows(connection, infer + ") ORDER BY order_id")).containsExactly(
                List.of("a", "DOUBLE", "1.parquet, 2.parquet"), List.of("b", "VARCHAR", "2.parquet"));
        assertThat(rows(connection, infer + ", MAX_FILE_COUNT => 1, MAX_RECORDS_PRE_FILE => 10) ORDER BY order_id"))
                .containsExactly(List.of("a", "INTEGER", "1.parquet"));
    }
}
