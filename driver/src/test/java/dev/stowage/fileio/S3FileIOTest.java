package dev.stowage.fileio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The contract suite against S3Proxy, which verifies request signatures. */
class S3FileIOTest extends FileIOContractTest {
    private static final String BUCKET = "stowage-test";
    private static S3ProxyServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = S3ProxyServer.start();
        server.createBucket(BUCKET);
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @Override
    protected FileIO newFileIO() throws Exception {
        return open("s3://" + BUCKET + "/" + UUID.randomUUID() + "/", server.parameters());
    }

    @Override
    protected Map<String, String> parametersWithWrongSecret(String wrongSecret) {
        Map<String, String> wrong = new HashMap<>(server.parameters());
        wrong.put("secret_access_key", wrongSecret);
        return wrong;
    }

    @Test
    void aliasedKeysAndEndpointWithoutSchemeWork() throws Exception {
        Map<String, String> aliased = Map.of("endpoint_url", server.endpoint(), "aws_key_id", S3ProxyServer.ACCESS_KEY,
                "aws_secret_key", S3ProxyServer.SECRET_KEY, "region", "auto");
        try (FileIO aliasedIo = open("s3://" + BUCKET + "/aliased/", aliased)) {
            aliasedIo.write("k.txt", "v".getBytes(StandardCharsets.UTF_8));
            assertThat(aliasedIo.stat("k.txt").size()).isEqualTo(1);
        }
    }

    @Test
    void missingBucketIsNotFound() throws Exception {
        try (FileIO missing = open("s3://no-such-bucket/", server.parameters())) {
            assertThatThrownBy(() -> missing.stat("a.csv"))
                    .isInstanceOfSatisfying(StorageException.class,
                            e -> assertThat(e.kind()).isEqualTo(StorageException.Kind.NOT_FOUND));
            assertThatThrownBy(() -> missing.list("").toList())
                    .isInstanceOfSatisfying(StorageException.class,
                            e -> assertThat(e.kind()).isEqualTo(StorageException.Kind.NOT_FOUND))
                    .hasMessageContaining("does not exist");
        }
    }

    @Test
    void presignedUrlsDownloadWithoutCredentials() throws Exception {
        io.write("shared.txt", "presigned body".getBytes(StandardCharsets.UTF_8));
        URI url = ((SupportsPresign) io).presignRead("shared.txt", Duration.ofMinutes(5));
        assertThat(url.getQuery()).contains("X-Amz-Signature=").doesNotContain(S3ProxyServer.SECRET_KEY);
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("presigned body");
    }
}
