package dev.stowage.fileio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The contract suite against Azurite, which verifies SharedKey signatures. One Azurite serves the whole class. */
class AzureFileIOTest extends FileIOContractTest {
    private static final String CONTAINER = "stowage-test";
    private static AzuriteServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = AzuriteServer.start();
        server.createContainer(CONTAINER);
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    /** Every test gets its own root, so no test sees another's files. */
    @Override
    protected FileIO newFileIO() throws Exception {
        return open("azblob://" + CONTAINER + "/" + UUID.randomUUID() + "/", server.parameters());
    }

    /** Azure (and Azurite) return up to 5000 blobs per listing page, so one more than that needs a second page. */
    @Override
    protected int manyObjects() {
        return 5_001;
    }

    @Override
    protected Map<String, String> parametersWithWrongSecret(String wrongSecret) {
        Map<String, String> wrong = new HashMap<>(server.parameters());
        wrong.put("account_key", wrongSecret);
        return wrong;
    }

    @Test
    void missingContainerIsNotFound() throws Exception {
        try (FileIO missing = open("azblob://no-such-container/", server.parameters())) {
            assertThatThrownBy(() -> missing.stat("a.csv"))
                    .isInstanceOfSatisfying(StorageException.class,
                            e -> assertThat(e.kind()).isEqualTo(StorageException.Kind.NOT_FOUND));
            assertThatThrownBy(() -> missing.list("").toList())
                    .isInstanceOfSatisfying(StorageException.class,
                            e -> assertThat(e.kind()).isEqualTo(StorageException.Kind.NOT_FOUND));
        }
    }

    @Test
    void filesLandInTheContainerUnderTheRoot() throws Exception {
        String root = UUID.randomUUID().toString();
        try (FileIO rooted = open("azblob://" + CONTAINER + "/" + root + "/", server.parameters());
                FileIO container = open("azblob://" + CONTAINER + "/", server.parameters())) {
            rooted.write("sub/file.txt", "hi".getBytes(StandardCharsets.UTF_8));
            try (Stream<FileEntry> entries = container.list(root + "/")) {
                assertThat(entries.map(FileEntry::path)).containsExactly(root + "/sub/file.txt");
            }
            assertThat(container.read(root + "/sub/file.txt", 0, 10)).asString(StandardCharsets.UTF_8).isEqualTo("hi");
        }
    }
}
