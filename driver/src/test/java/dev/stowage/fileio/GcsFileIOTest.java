package dev.stowage.fileio;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The contract suite against the Firebase Storage emulator, which serves the GCS JSON API. One emulator serves the
 * whole class.
 *
 * <p>Not tested here: credentials. The emulator never answers 401 or 403 (a {@code demo-*} project has open rules,
 * any bearer token is accepted, and the stub rules runtime permits everything), so a wrong {@code credential} cannot
 * produce {@link StorageException.Kind#PERMISSION_DENIED} against it; a real service-account credential would also
 * make OpenDAL call Google's token endpoint. The tests therefore connect anonymously (no {@code credential}).
 */
class GcsFileIOTest extends FileIOContractTest {
    private static final String BUCKET = "stowage-test";
    private static GcsEmulatorServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = GcsEmulatorServer.start();
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
        return FileIOs.open(Location.parse("gcs://" + BUCKET + "/" + UUID.randomUUID() + "/"), server.parameters(),
                StorageSettings.DEFAULT);
    }

    /** OpenDAL's GCS client rejects a listed prefix containing a space ("invalid uri character") before sending it. */
    @Override
    protected boolean supportsSpacesInListedPrefixes() {
        return false;
    }

    /**
     * The GCS writer of the storage layer encodes object names twice, so names that need percent-encoding are refused
     * with a clear error instead of being stored under a wrong name (see OpenDalFileIO).
     */
    @Override
    protected boolean writesNamesNeedingEncoding() {
        return false;
    }

    @Test
    void filesLandInTheBucketUnderTheRoot() throws Exception {
        String root = UUID.randomUUID().toString();
        Map<String, String> parameters = server.parameters();
        try (FileIO rooted = FileIOs.open(Location.parse("gcs://" + BUCKET + "/" + root + "/"), parameters,
                        StorageSettings.DEFAULT);
                FileIO bucket = FileIOs.open(Location.parse("gcs://" + BUCKET + "/"), parameters, StorageSettings.DEFAULT)) {
            rooted.write("sub/file.txt", "hi".getBytes(StandardCharsets.UTF_8));
            try (Stream<FileEntry> entries = bucket.list(root + "/")) {
                assertThat(entries.map(FileEntry::path)).containsExactly(root + "/sub/file.txt");
            }
            assertThat(bucket.read(root + "/sub/file.txt", 0, 10)).asString(StandardCharsets.UTF_8).isEqualTo("hi");
        }
    }
}
