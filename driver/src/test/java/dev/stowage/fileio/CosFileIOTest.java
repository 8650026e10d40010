package dev.stowage.fileio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The contract suite against {@link CosFakeServer}, which verifies COS HMAC-SHA1 signatures. COS URLs are always
 * {@code http://<bucket>.<endpoint host>/...}, so the fake is reached through {@code HTTP_PROXY} and the tests run in
 * a child JVM (see {@link ProxiedJvmExtension}).
 */
class CosFileIOTest extends FileIOContractTest {
    @RegisterExtension
    static final ProxiedJvmExtension JVM = new ProxiedJvmExtension(CosFakeServer::start);

    @Override
    protected FileIO newFileIO() throws Exception {
        return open("cos://" + CosFakeServer.BUCKET + "/" + UUID.randomUUID() + "/", CosFakeServer.parameters());
    }

    @Override
    protected Map<String, String> parametersWithWrongSecret(String wrongSecret) {
        Map<String, String> wrong = new HashMap<>(CosFakeServer.parameters());
        wrong.put("secret_key", wrongSecret);
        return wrong;
    }

    @Test
    void requestsAreSignedAndListingsPageThroughTheProxy() throws Exception {
        int count = CosFakeServer.MAX_KEYS + 5;
        for (int i = 0; i < count; i++) {
            io.write(String.format("paged/k%04d", i), new byte[] {1});
        }
        try (var entries = io.list("paged/")) {
            assertThat(entries.count()).isEqualTo(count);
        }
        List<String> requests = FakeObjectStorage.requestsOf(JVM.port());
        List<String> listings = requests.stream().filter(line -> line.contains("prefix=") && line.contains("paged"))
                .toList();
        assertThat(listings).hasSize(2).allMatch(line -> line.startsWith("GET [proxied] " + CosFakeServer.BUCKET
                + "." + CosFakeServer.SERVICE_HOST + " /?") && line.contains(" -> 200 auth=q-sign-algorithm=sha1&"));
        assertThat(listings.get(0)).doesNotContain("marker=");
        assertThat(listings.get(1)).contains("marker=");
        assertThat(requests).anyMatch(line -> line.startsWith("PUT [proxied] ") && line.contains("/paged/k0000 -> 200"));
    }

    @Test
    void unknownSecretIdIsPermissionDenied() throws Exception {
        Map<String, String> unknown = new HashMap<>(CosFakeServer.parameters());
        unknown.put("secret_id", "AKID-no-such-id");
        try (FileIO denied = open("cos://" + CosFakeServer.BUCKET + "/", unknown)) {
            assertThatThrownBy(() -> denied.read("a.csv", 0, 10))
                    .isInstanceOfSatisfying(StorageException.class,
                            e -> assertThat(e.kind()).isEqualTo(StorageException.Kind.PERMISSION_DENIED))
                    .hasMessageContaining("InvalidAccessKeyId");
        }
    }

    @Test
    void missingBucketIsNotFound() throws Exception {
        try (FileIO missing = open("cos://nosuch-1250000000/", CosFakeServer.parameters())) {
            assertThatThrownBy(() -> missing.stat("a.csv"))
                    .isInstanceOfSatisfying(StorageException.class,
                            e -> assertThat(e.kind()).isEqualTo(StorageException.Kind.NOT_FOUND));
        }
    }
}
