package dev.stowage.fileio.huggingface;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.connection.StorageType;
import dev.stowage.error.StowageException;
import dev.stowage.fileio.FileEntry;
import dev.stowage.fileio.FileIO;
import dev.stowage.fileio.FileIOs;
import dev.stowage.fileio.Location;
import dev.stowage.fileio.StorageException;
import dev.stowage.fileio.StorageException.Kind;
import dev.stowage.fileio.StorageSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link HuggingFaceFileIO} against {@link FakeHubServer}: the read behaviours of the contract suite (its write-based
 * tests do not apply to a read-only backend), plus the Hub's pagination, redirects, private repositories and errors.
 */
class HuggingFaceFileIOTest {
    private static final String A_CSV = "id,name\n1,alpha\n";
    private static final byte[] BIG = new byte[5 * 1024 * 1024 + 17];
    private static final int MANY = 120;
    private static FakeHubServer hub;

    @BeforeAll
    static void startHub() throws IOException {
        new Random(42).nextBytes(BIG);
        hub = FakeHubServer.start();
        hub.addRepo("datasets", "acme/tiny", false);
        text("datasets", "acme/tiny", "main", "README.md", "# tiny");
        text("datasets", "acme/tiny", "main", "data/a.csv", A_CSV);
        text("datasets", "acme/tiny", "main", "data/a/b.csv", "22");
        text("datasets", "acme/tiny", "main", "data/a/c/d.csv", "333");
        text("datasets", "acme/tiny", "main", "data/ab.csv", "4444");
        text("datasets", "acme/tiny", "main", "data/b.csv", "55555");
        text("datasets", "acme/tiny", "main", "data/r.txt", "0123456789");
        text("datasets", "acme/tiny", "main", "data/uni/ünïcødé ✓.csv", "unicode");
        text("datasets", "acme/tiny", "main", "data/uni/q?#.csv", "odd");
        hub.addFile("datasets", "acme/tiny", "main", "data/big.bin", BIG, true);
        for (int i = 0; i < MANY; i++) {
            text("datasets", "acme/tiny", "main", String.format("many/f%05d", i), "x");
        }
        text("datasets", "acme/tiny", "refs/convert/parquet", "default/train/0000.parquet", "PAR1");
        hub.addRepo("models", "acme/tiny-model", false);
        text("models", "acme/tiny-model", "main", "config.json", "{\"v\":\"main\"}");
        text("models", "acme/tiny-model", "v1.0", "config.json", "{\"v\":\"1.0\"}");
        hub.addFile("models", "acme/tiny-model", "v1.0", "onnx/model.onnx", "ONNX-weights".getBytes(StandardCharsets.UTF_8),
                true);
        hub.addRepo("datasets", "acme/secret", true);
        text("datasets", "acme/secret", "main", "data/s.csv", "classified");
    }

    @AfterAll
    static void stopHub() {
        hub.close();
    }

    @BeforeEach
    void reset() {
        hub.clearSeen();
        hub.pageSize(50);
        hub.failNext(0, 500);
        hub.hangNext(0);
    }

    private static void text(String type, String id, String revision, String path, String content) {
        hub.addFile(type, id, revision, path, content.getBytes(StandardCharsets.UTF_8), false);
    }

    private static FileIO open(String uri, String... parameters) throws IOException {
        return open(uri, StorageSettings.DEFAULT, parameters);
    }

    private static FileIO open(String uri, StorageSettings settings, String... parameters) throws IOException {
        Map<String, String> options = new HashMap<>();
        options.put("endpoint_url", hub.endpoint());
        for (int i = 0; i < parameters.length; i += 2) {
            options.put(parameters[i], parameters[i + 1]);
        }
        return FileIOs.open(Location.parse(uri), options, settings);
    }

    private static List<String> listed(FileIO io, String prefix) throws IOException {
        try (Stream<FileEntry> entries = io.list(prefix)) {
            return entries.map(FileEntry::path).toList();
        }
    }

    private static void assertKind(ThrowingCallable call, Kind kind, String... messageParts) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.kind()).isEqualTo(kind))
                .hasMessageContainingAll(messageParts)
                .hasMessageNotContaining(FakeHubServer.TOKEN);
    }

    @Test
    void routesHfLocationsToTheHubClient() throws IOException {
        try (FileIO io = open("hf://acme/tiny/data/")) {
            assertThat(io).isInstanceOf(HuggingFaceFileIO.class);
            assertThat(io.location()).isEqualTo(new Location(StorageType.HUGGINGFACE, "acme/tiny", "/data/"));
        }
        StorageType.HUGGINGFACE.validate(Map.of("endpoint_url", "https://hf-mirror.example", "repo_type", "model",
                "revision", "v1", "token", "t"), "create connection 'hf'");
    }

    @Test
    void listUsesPrefixSemanticsAndReportsSizes() throws IOException {
        try (FileIO io = open("hf://acme/tiny/data/")) {
            assertThat(listed(io, "")).containsExactly("a.csv", "a/b.csv", "a/c/d.csv", "ab.csv", "b.csv", "big.bin",
                    "r.txt", "uni/q?#.csv", "uni/ünïcødé ✓.csv");
            assertThat(listed(io, "a")).containsExactly("a.csv", "a/b.csv", "a/c/d.csv", "ab.csv");
            assertThat(listed(io, "a/")).containsExactly("a/b.csv", "a/c/d.csv");
            assertThat(listed(io, "a/c")).containsExactly("a/c/d.csv");
            assertThat(listed(io, "zzz")).isEmpty();
            assertThat(listed(io, "missing/dir/")).isEmpty();
            try (Stream<FileEntry> entries = io.list("a")) {
                assertThat(entries.map(FileEntry::size)).containsExactly(16L, 2L, 3L, 4L);
            }
            FileEntry big = io.list("big").findFirst().orElseThrow();
            assertThat(big.size()).isEqualTo(BIG.length);
            assertThat(big.lastModified()).isEqualTo(Instant.parse("2024-05-01T10:00:00Z"));
            assertThat(big.etag()).hasSize(64);
        }
        assertThat(hub.seen()).extracting(FakeHubServer.Seen::pathAndQuery)
                .contains("/api/datasets/acme/tiny/tree/main/data?recursive=true&expand=true",
                        "/api/datasets/acme/tiny/tree/main/data/a?recursive=true&expand=true");
    }

    @Test
    void listingFollowsTheLinkHeaderAcrossPages() throws IOException {
        hub.pageSize(50);
        try (FileIO io = open("hf://acme/tiny/")) {
            List<String> paths = listed(io, "many/");
            assertThat(paths).hasSize(MANY);
            assertThat(paths.get(MANY - 1)).isEqualTo(String.format("many/f%05d", MANY - 1));
        }
        List<String> pages = hub.seen().stream().map(FakeHubServer.Seen::pathAndQuery)
                .filter(path -> path.startsWith("/api/datasets/acme/tiny/tree/main/many")).toList();
        assertThat(pages).hasSize(3);
        assertThat(pages.get(1)).contains("cursor=");
    }

    @Test
    void emptyRootListsNothingAndRootListsEverything() throws IOException {
        try (FileIO io = open("hf://acme/tiny/")) {
            assertThat(listed(io, "")).hasSize(MANY + 10).contains("README.md", "data/a.csv", "data/big.bin");
        }
        try (FileIO io = open("hf://acme/tiny/nothing/here/")) {
            assertThat(listed(io, "")).isEmpty();
        }
    }

    @Test
    void statReportsSizeDateAndEtag() throws IOException {
        try (FileIO io = open("hf://acme/tiny/data/")) {
            FileEntry entry = io.stat("a.csv");
            assertThat(entry.path()).isEqualTo("a.csv");
            assertThat(entry.size()).isEqualTo(16);
            assertThat(entry.lastModified()).isEqualTo(Instant.parse("2024-05-01T10:00:00Z"));
            assertThat(entry.etag()).hasSize(40);
            assertThat(io.stat("uni/ünïcødé ✓.csv").size()).isEqualTo(7);
            assertKind(() -> io.stat("a"), Kind.NOT_FOUND, "hf://acme/tiny/data/a", "directory");
        }
        assertThat(hub.seen()).anyMatch(seen -> seen.method().equals("POST")
                && seen.pathAndQuery().equals("/api/datasets/acme/tiny/paths-info/main"));
    }

    @Test
    void rangedReads() throws IOException {
        try (FileIO io = open("hf://acme/tiny/data/")) {
            assertThat(io.read("a.csv", 0, 100)).asString(StandardCharsets.UTF_8).isEqualTo(A_CSV);
            assertThat(io.read("r.txt", 3, 4)).asString(StandardCharsets.UTF_8).isEqualTo("3456");
            assertThat(io.read("r.txt", 8, 10)).asString(StandardCharsets.UTF_8).isEqualTo("89");
            assertThat(io.read("r.txt", 10, 5)).isEmpty();
            assertThat(io.read("r.txt", 0, 0)).isEmpty();
            assertThat(io.read("uni/q?#.csv", 0, 10)).asString(StandardCharsets.UTF_8).isEqualTo("odd");
        }
        // a branch revision is redirected (relative) to the commit-pinned cache, which gets the Range header
        assertThat(hub.seen()).anyMatch(seen -> seen.pathAndQuery().equals("/datasets/acme/tiny/resolve/main/data/r.txt"))
                .anyMatch(seen -> seen.pathAndQuery().startsWith("/api/resolve-cache/datasets/acme/tiny/")
                        && seen.pathAndQuery().endsWith("/data/r.txt"));
    }

    @Test
    void streamsALargeLfsFileInChunksFromTheCdn() throws IOException {
        try (FileIO io = open("hf://acme/tiny/data/", "token", FakeHubServer.TOKEN)) {
            try (InputStream in = io.open("big.bin")) {
                assertThat(in.readAllBytes()).isEqualTo(BIG);
            }
            assertThat(io.read("big.bin", 3, 4)).containsExactly(BIG[3], BIG[4], BIG[5], BIG[6]);
        }
        List<FakeHubServer.Seen> seen = hub.seen();
        assertThat(seen).filteredOn(request -> request.pathAndQuery().startsWith("/cdn/"))
                .hasSizeGreaterThanOrEqualTo(2)
                .allMatch(request -> request.authorization() == null, "the CDN never gets the token")
                .allMatch(request -> request.host().startsWith("localhost:"));
        assertThat(seen).filteredOn(request -> request.pathAndQuery().contains("/resolve/"))
                .allMatch(request -> ("Bearer " + FakeHubServer.TOKEN).equals(request.authorization()));
    }

    @Test
    void modelRepositoryAtARevision() throws IOException {
        try (FileIO io = open("hf://acme/tiny-model/", "repo_type", "model", "revision", "v1.0")) {
            assertThat(listed(io, "")).containsExactly("config.json", "onnx/model.onnx");
            assertThat(io.read("config.json", 0, 100)).asString(StandardCharsets.UTF_8).isEqualTo("{\"v\":\"1.0\"}");
            assertThat(io.read("onnx/model.onnx", 0, 4)).asString(StandardCharsets.UTF_8).isEqualTo("ONNX");
            assertThat(io.stat("onnx/model.onnx").size()).isEqualTo(12);
        }
        try (FileIO io = open("hf://acme/tiny-model/", "repo_type", "model")) {
            assertThat(io.read("config.json", 0, 100)).asString(StandardCharsets.UTF_8).isEqualTo("{\"v\":\"main\"}");
        }
        assertThat(hub.seen()).extracting(FakeHubServer.Seen::pathAndQuery)
                .contains("/api/models/acme/tiny-model/tree/v1.0?recursive=true&expand=true",
                        "/acme/tiny-model/resolve/v1.0/config.json",
                        "/api/models/acme/tiny-model/paths-info/v1.0",
                        "/acme/tiny-model/resolve/main/config.json");
    }

    @Test
    void revisionWithSlashesIsOneEncodedSegment() throws IOException {
        try (FileIO io = open("hf://acme/tiny/", "revision", "refs/convert/parquet")) {
            assertThat(listed(io, "")).containsExactly("default/train/0000.parquet");
            assertThat(io.read("default/train/0000.parquet", 0, 4)).asString(StandardCharsets.UTF_8).isEqualTo("PAR1");
        }
        assertThat(hub.seen()).extracting(FakeHubServer.Seen::pathAndQuery)
                .contains("/api/datasets/acme/tiny/tree/refs%2Fconvert%2Fparquet?recursive=true&expand=true");
    }

    @Test
    void privateRepositoryNeedsTheToken() throws IOException {
        try (FileIO anonymous = open("hf://acme/secret/data/")) {
            assertKind(() -> anonymous.list("").toList(), Kind.PERMISSION_DENIED, "hf://acme/secret/data/", "HTTP 401");
            assertKind(() -> anonymous.stat("s.csv"), Kind.PERMISSION_DENIED, "hf://acme/secret/data/s.csv");
            assertKind(() -> anonymous.read("s.csv", 0, 10), Kind.PERMISSION_DENIED, "hf://acme/secret/data/s.csv");
        }
        try (FileIO authorized = open("hf://acme/secret/data/", "token", FakeHubServer.TOKEN)) {
            assertThat(listed(authorized, "")).containsExactly("s.csv");
            assertThat(authorized.read("s.csv", 0, 100)).asString(StandardCharsets.UTF_8).isEqualTo("classified");
            assertThat(authorized.stat("s.csv").size()).isEqualTo(10);
        }
        String wrong = "hf_WRONGtoken000000000000000000";
        try (FileIO denied = open("hf://acme/secret/data/", "token", wrong)) {
            assertThatThrownBy(() -> denied.read("s.csv", 0, 10))
                    .isInstanceOfSatisfying(StorageException.class,
                            e -> assertThat(e.kind()).isEqualTo(Kind.PERMISSION_DENIED))
                    .hasMessageNotContaining(wrong);
        }
        assertThat(hub.seen()).filteredOn(seen -> seen.authorization() != null)
                .allMatch(seen -> seen.host().startsWith("127.0.0.1:"));
    }

    @Test
    void missingThingsAreNotFound() throws IOException {
        try (FileIO io = open("hf://acme/tiny/data/")) {
            assertKind(() -> io.stat("nope.csv"), Kind.NOT_FOUND, "hf://acme/tiny/data/nope.csv");
            assertKind(() -> io.read("nope.csv", 0, 10), Kind.NOT_FOUND, "nope.csv", "EntryNotFound");
            assertKind(() -> io.open("nope.csv"), Kind.NOT_FOUND, "nope.csv");
        }
        try (FileIO io = open("hf://acme/tiny/", "revision", "no-such-branch")) {
            assertKind(() -> io.list("").toList(), Kind.NOT_FOUND, "no-such-branch", "RevisionNotFound");
            assertKind(() -> io.read("README.md", 0, 1), Kind.NOT_FOUND, "RevisionNotFound");
        }
        try (FileIO io = open("hf://acme/no-such-repo/", "token", FakeHubServer.TOKEN)) {
            assertKind(() -> io.stat("a.csv"), Kind.NOT_FOUND, "acme/no-such-repo", "RepoNotFound");
            assertKind(() -> io.list("").toList(), Kind.NOT_FOUND, "RepoNotFound");
        }
        // like the Hub, a missing repository looks private to an anonymous caller
        try (FileIO io = open("hf://acme/no-such-repo/")) {
            assertKind(() -> io.stat("a.csv"), Kind.PERMISSION_DENIED, "hf://acme/no-such-repo/a.csv");
        }
    }

    @Test
    void isReadOnly() throws IOException {
        try (FileIO io = open("hf://acme/tiny/data/", "token", FakeHubServer.TOKEN)) {
            assertKind(() -> io.write("new.csv", new byte[] {1}), Kind.UNSUPPORTED, "read-only",
                    "hf://acme/tiny/data/new.csv");
            assertKind(() -> io.delete("a.csv"), Kind.UNSUPPORTED, "read-only");
            assertThat(io.stat("a.csv").size()).isEqualTo(16);
        }
        assertThat(hub.seen()).noneMatch(seen -> seen.method().equals("PUT") || seen.method().equals("DELETE"));
    }

    @Test
    void transientFailuresAreRetriedWithBackoff() throws IOException {
        try (FileIO io = open("hf://acme/tiny/data/")) {
            hub.failNext(2, 503);
            assertThat(io.stat("a.csv").size()).isEqualTo(16);
            hub.failNext(2, 429);
            assertThat(io.read("r.txt", 0, 3)).asString(StandardCharsets.UTF_8).isEqualTo("012");
        }
        try (FileIO io = open("hf://acme/tiny/data/", new StorageSettings(Duration.ofSeconds(5), 1))) {
            hub.failNext(5, 502);
            assertKind(() -> io.stat("a.csv"), Kind.OTHER, "hf://acme/tiny/data/a.csv", "HTTP 502", "after 1 retries");
            assertThat(hub.seen()).filteredOn(seen -> seen.pathAndQuery().contains("paths-info")).hasSize(2 + 1 + 2);
        }
        hub.failNext(0, 500);
        hub.clearSeen();
        try (FileIO io = open("hf://acme/tiny/data/")) {
            hub.failNext(1, 400);
            assertKind(() -> io.stat("a.csv"), Kind.OTHER, "HTTP 400");
            assertThat(hub.seen()).hasSize(1);
        }
    }

    @Test
    void everyRequestHasADeadline() throws IOException {
        try (FileIO io = open("hf://acme/tiny/data/", new StorageSettings(Duration.ofMillis(500), 3))) {
            hub.hangNext(1);
            long start = System.nanoTime();
            assertKind(() -> io.stat("a.csv"), Kind.TIMEOUT, "hf://acme/tiny/data/a.csv", "500 ms");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void unreachableEndpoint() throws IOException {
        Map<String, String> options = Map.of("endpoint_url", "http://127.0.0.1:1");
        try (FileIO io = FileIOs.open(Location.parse("hf://acme/tiny/"), options,
                new StorageSettings(Duration.ofSeconds(2), 1))) {
            assertKind(() -> io.stat("a.csv"), Kind.UNREACHABLE, "hf://acme/tiny/a.csv", "connection refused");
        }
    }

    @Test
    void invalidConfigurationIsRejected() {
        assertThatThrownBy(() -> open("hf://acme/tiny/", "repo_type", "space"))
                .isInstanceOfSatisfying(StorageException.class,
                        e -> assertThat(e.kind()).isEqualTo(Kind.INVALID_CONFIGURATION))
                .hasMessageContaining("repo_type");
        assertThatThrownBy(() -> open("hf://acme/tiny/", "endpoint_url", "http://"))
                .isInstanceOfSatisfying(StorageException.class,
                        e -> assertThat(e.kind()).isEqualTo(Kind.INVALID_CONFIGURATION));
    }

    @Test
    void pathsCannotEscapeTheRoot() throws IOException {
        try (FileIO io = open("hf://acme/tiny/data/")) {
            assertThatThrownBy(() -> io.read("../outside.txt", 0, 1)).isInstanceOf(StowageException.class)
                    .hasMessageContaining("'..'");
            assertThatThrownBy(() -> io.list("a/../../b")).isInstanceOf(StowageException.class);
        }
    }

    @Test
    void callsAfterCloseFailInsteadOfCrashing() throws IOException {
        FileIO io = open("hf://acme/tiny/data/");
        io.close();
        assertThatThrownBy(() -> io.stat("a.csv")).isInstanceOf(IOException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> io.read("a.csv", 0, 1)).isInstanceOf(IOException.class).hasMessageContaining("closed");
        io.close();
    }
}
