package dev.stowage.fileio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.stowage.error.StowageException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link FileIO} must have, run against each storage backend. */
public abstract class FileIOContractTest {
    protected FileIO io;

    /** Returns a client for an empty location of the backend under test. */
    protected abstract FileIO newFileIO() throws Exception;

    /** Returns how many objects {@link #listingCrossesPages()} writes; enough to need more than one listing page. */
    protected int manyObjects() {
        return 1_500;
    }

    /** Returns whether keys may contain spaces in a listed prefix (the GCS client cannot list such prefixes). */
    protected boolean supportsSpacesInListedPrefixes() {
        return true;
    }

    /** Returns whether names with spaces, non-ASCII characters, '?' or '#' can be written (else they are refused). */
    protected boolean writesNamesNeedingEncoding() {
        return true;
    }

    /**
     * Returns parameters that reach the location of {@link #newFileIO()} with its secret replaced by
     * {@code wrongSecret}, or null when the backend does not check credentials.
     */
    protected Map<String, String> parametersWithWrongSecret(String wrongSecret) {
        return null;
    }

    /** Opens {@code uri} with {@code parameters} and the default settings. */
    protected static FileIO open(String uri, Map<String, String> parameters) throws IOException {
        return FileIOs.open(Location.parse(uri), parameters, StorageSettings.DEFAULT);
    }

    @BeforeEach
    void openFileIO() throws Exception {
        io = newFileIO();
    }

    @AfterEach
    void closeFileIO() {
        if (io != null) {
            io.close();
        }
    }

    private void put(String path, String text) throws IOException {
        io.write(path, text.getBytes(StandardCharsets.UTF_8));
    }

    private List<String> listed(String prefix) throws IOException {
        try (Stream<FileEntry> entries = io.list(prefix)) {
            return entries.map(FileEntry::path).toList();
        }
    }

    @Test
    void writeThenReadAndStat() throws IOException {
        put("data/a.csv", "id,name\n1,alpha\n");
        assertThat(io.read("data/a.csv", 0, 100)).asString(StandardCharsets.UTF_8).isEqualTo("id,name\n1,alpha\n");
        FileEntry entry = io.stat("data/a.csv");
        assertThat(entry.path()).isEqualTo("data/a.csv");
        assertThat(entry.size()).isEqualTo(16);
    }

    @Test
    void rangedReads() throws IOException {
        put("r.txt", "0123456789");
        assertThat(io.read("r.txt", 3, 4)).asString(StandardCharsets.UTF_8).isEqualTo("3456");
        assertThat(io.read("r.txt", 8, 10)).asString(StandardCharsets.UTF_8).isEqualTo("89");
        assertThat(io.read("r.txt", 0, 0)).isEmpty();
        byte[] into = "..........".getBytes(StandardCharsets.UTF_8);
        assertThat(io.read("r.txt", 3, into, 2, 4)).isEqualTo(4);
        assertThat(new String(into, StandardCharsets.UTF_8)).isEqualTo("..3456....");
        assertThat(io.read("r.txt", 8, into, 0, 5)).isEqualTo(2);
        assertThat(new String(into, StandardCharsets.UTF_8)).isEqualTo("893456....");
    }

    @Test
    void streamsALargeFileInChunks() throws IOException {
        byte[] data = new byte[5 * 1024 * 1024 + 17];
        new Random(42).nextBytes(data);
        io.write("big.bin", data);
        try (InputStream in = io.open("big.bin")) {
            assertThat(in.readAllBytes()).isEqualTo(data);
        }
    }

    @Test
    void listUsesPrefixSemanticsAndReportsSizes() throws IOException {
        put("a.csv", "1");
        put("a/b.csv", "22");
        put("a/c/d.csv", "333");
        put("ab.csv", "4444");
        put("b.csv", "55555");
        assertThat(listed("")).containsExactly("a.csv", "a/b.csv", "a/c/d.csv", "ab.csv", "b.csv");
        assertThat(listed("a")).containsExactly("a.csv", "a/b.csv", "a/c/d.csv", "ab.csv");
        assertThat(listed("a/")).containsExactly("a/b.csv", "a/c/d.csv");
        assertThat(listed("a/c")).containsExactly("a/c/d.csv");
        assertThat(listed("zzz")).isEmpty();
        assertThat(listed("missing/dir/")).isEmpty();
        try (Stream<FileEntry> entries = io.list("")) {
            assertThat(entries.map(FileEntry::size)).containsExactly(1L, 2L, 3L, 4L, 5L);
        }
    }

    @Test
    void emptyLocationListsNothing() throws IOException {
        assertThat(listed("")).isEmpty();
    }

    @Test
    void missingFileIsNotFound() {
        assertThatThrownBy(() -> io.stat("nope.csv"))
                .isInstanceOfSatisfying(StorageException.class,
                        e -> assertThat(e.kind()).isEqualTo(StorageException.Kind.NOT_FOUND))
                .hasMessageContaining("nope.csv");
        assertThatThrownBy(() -> io.read("nope.csv", 0, 10)).isInstanceOf(StorageException.class);
    }

    @Test
    void deleteRemovesAndMissingDeleteSucceeds() throws IOException {
        put("gone.txt", "x");
        io.delete("gone.txt");
        assertThat(listed("")).isEmpty();
        io.delete("gone.txt");
        assertThatThrownBy(() -> io.stat("gone.txt")).isInstanceOf(StorageException.class);
    }

    @Test
    void unicodeAndSpacesInKeys() throws IOException {
        if (!writesNamesNeedingEncoding()) {
            assertThatThrownBy(() -> put("uni/ünïcødé ✓.csv", "x"))
                    .isInstanceOfSatisfying(StorageException.class,
                            e -> assertThat(e.kind()).isEqualTo(StorageException.Kind.UNSUPPORTED))
                    .hasMessageContaining("uni/ünïcødé ✓.csv");
            put("uni/plain-name_1.csv", "x");
            assertThat(listed("uni/")).containsExactly("uni/plain-name_1.csv");
            return;
        }
        List<String> keys = new ArrayList<>(List.of("uni/ünïcødé ✓.csv", "uni/plain.csv", "uni/q?#.csv"));
        if (supportsSpacesInListedPrefixes()) {
            keys.add("uni/a b/c d.csv");
        }
        for (String key : keys) {
            put(key, key);
        }
        for (String key : keys) {
            assertThat(io.read(key, 0, 1000)).asString(StandardCharsets.UTF_8).isEqualTo(key);
        }
        assertThat(listed("uni/")).containsExactlyInAnyOrderElementsOf(keys);
    }

    @Test
    void listingCrossesPages() throws IOException {
        int count = manyObjects();
        for (int i = 0; i < count; i++) {
            io.write(String.format("many/f%05d", i), new byte[] {1});
        }
        List<String> paths = listed("many/");
        assertThat(paths).hasSize(count);
        assertThat(paths.get(count - 1)).isEqualTo(String.format("many/f%05d", count - 1));
    }

    @Test
    void pathsCannotEscapeTheRoot() {
        assertThatThrownBy(() -> io.read("../outside.txt", 0, 1)).isInstanceOf(StowageException.class)
                .hasMessageContaining("'..'");
        assertThatThrownBy(() -> io.write("a/../../b", new byte[0])).isInstanceOf(StowageException.class);
    }

    @Test
    void wrongSecretIsPermissionDeniedAndNeverEchoed() throws IOException {
        // base64, so that it is also well-formed as an Azure account key
        String wrongSecret = "V1JPTkctc2VjcmV0LWZvci1zdG93YWdlLXRlc3RzLTAxMjM0NTY3ODk=";
        Map<String, String> wrong = parametersWithWrongSecret(wrongSecret);
        assumeTrue(wrong != null, "this backend does not check credentials");
        try (FileIO denied = FileIOs.open(io.location(), wrong, StorageSettings.DEFAULT)) {
            List<ThrowingCallable> calls = List.of(() -> denied.stat("a.csv"),
                    () -> denied.write("x.csv", new byte[] {1}), () -> denied.list("").toList());
            for (ThrowingCallable call : calls) {
                assertThatThrownBy(call)
                        .isInstanceOfSatisfying(StorageException.class,
                                e -> assertThat(e.kind()).isEqualTo(StorageException.Kind.PERMISSION_DENIED))
                        .hasMessageContaining(io.location().toString())
                        .hasMessageNotContaining(wrongSecret);
            }
        }
    }

    @Test
    void callsAfterCloseFailInsteadOfCrashing() throws IOException {
        put("x", "1");
        io.close();
        assertThatThrownBy(() -> io.stat("x")).isInstanceOf(IOException.class).hasMessageContaining("closed");
        io.close();
    }
}
