package dev.stowage.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.error.ErrorCode;
import dev.stowage.error.StowageException;
import dev.stowage.format.FileFormat;
import dev.stowage.format.FileFormatParser;
import dev.stowage.format.FileFormatType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link CatalogStore} must have, exercised through {@link Catalog}. */
public abstract class CatalogStoreContractTest {
    protected Catalog catalog;

    /** Returns a new, empty store. */
    protected abstract CatalogStore newStore() throws Exception;

    @BeforeEach
    void createCatalog() throws Exception {
        catalog = new Catalog(newStore());
    }

    protected static ConnectionDefinition s3(String name, String secret) {
        return ConnectionDefinition.of(name, "s3", Map.of("access_key_id", "AKIA" + name, "secret_access_key", secret));
    }

    /** A CSV format with {@code delimiter} and every other option at its default. */
    protected static FileFormat csv(String delimiter) {
        TreeMap<String, String> options = new TreeMap<>(FileFormatParser.defaults(FileFormatType.CSV).options());
        options.put("field_delimiter", delimiter);
        return new FileFormat(FileFormatType.CSV, options);
    }

    @Test
    void newCatalogIsEmpty() {
        assertThat(catalog.connections()).isEmpty();
        assertThat(catalog.connection("x")).isEmpty();
        assertThat(catalog.fileFormats()).isEmpty();
        assertThat(catalog.fileFormat("x")).isEmpty();
    }

    @Test
    void createdConnectionIsReadBackExactly() {
        ConnectionDefinition connection = s3("toronto", "secret-value-1");
        catalog.createConnection(connection, CreateMode.FAIL_IF_EXISTS);
        assertThat(catalog.connection("toronto")).contains(connection);
        assertThat(catalog.requireConnection("toronto").parameters())
                .containsEntry("secret_access_key", "secret-value-1")
                .containsEntry("access_key_id", "AKIAtoronto");
    }

    @Test
    void connectionsAreListedByName() {
        for (String name : List.of("b", "a", "C", "c")) {
            catalog.createConnection(s3(name, "s"), CreateMode.FAIL_IF_EXISTS);
        }
        assertThat(catalog.connections()).extracting(ConnectionDefinition::name).containsExactly("C", "a", "b", "c");
    }

    @Test
    void namesAreCaseSensitive() {
        catalog.createConnection(s3("Toronto", "s"), CreateMode.FAIL_IF_EXISTS);
        assertThat(catalog.connection("toronto")).isEmpty();
        catalog.createConnection(s3("toronto", "t"), CreateMode.FAIL_IF_EXISTS);
        assertThat(catalog.connections()).hasSize(2);
    }

    @Test
    void createOfExistingNameFailsAndKeepsTheOriginal() {
        catalog.createConnection(s3("c", "first"), CreateMode.FAIL_IF_EXISTS);
        assertThatThrownBy(() -> catalog.createConnection(s3("c", "second"), CreateMode.FAIL_IF_EXISTS))
                .isInstanceOfSatisfying(StowageException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.CONNECTION_ALREADY_EXISTS))
                .hasMessage("Connection 'c' already exists.");
        assertThat(catalog.requireConnection("c").parameters()).containsEntry("secret_access_key", "first");
    }

    @Test
    void ifNotExistsKeepsTheOriginal() {
        catalog.createConnection(s3("c", "first"), CreateMode.FAIL_IF_EXISTS);
        catalog.createConnection(s3("c", "second"), CreateMode.KEEP_EXISTING);
        assertThat(catalog.requireConnection("c").parameters()).containsEntry("secret_access_key", "first");
    }

    @Test
    void orReplaceOverwrites() {
        catalog.createConnection(s3("c", "first"), CreateMode.FAIL_IF_EXISTS);
        catalog.createConnection(ConnectionDefinition.of("c", "gcs", Map.of("credential", "abc")), CreateMode.REPLACE);
        assertThat(catalog.requireConnection("c").storageType()).isEqualTo("gcs");
        assertThat(catalog.requireConnection("c").parameters()).containsOnlyKeys("credential");
    }

    @Test
    void dropRemovesAndMissingFails() {
        catalog.createConnection(s3("c", "s"), CreateMode.FAIL_IF_EXISTS);
        catalog.dropConnection("c");
        assertThat(catalog.connections()).isEmpty();
        assertThatThrownBy(() -> catalog.dropConnection("c"))
                .isInstanceOfSatisfying(StowageException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.UNKNOWN_CONNECTION))
                .hasMessage("Connection 'c' does not exist.");
        assertThat(catalog.dropConnectionIfExists("c")).isFalse();
    }

    @Test
    void requireMissingConnectionFails() {
        assertThatThrownBy(() -> catalog.requireConnection("nope"))
                .hasMessage("Connection 'nope' does not exist.");
    }

    @Test
    void failedUpdateChangesNothing() {
        catalog.createConnection(s3("keep", "s"), CreateMode.FAIL_IF_EXISTS);
        CatalogState before = catalog.store().read();
        assertThatThrownBy(() -> catalog.store().update(state -> {
            state.withConnection(s3("half-done", "x"));
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(catalog.store().read()).isEqualTo(before);
    }

    @Test
    void valuesKeepUnicodeQuotesAndSpaces() {
        ConnectionDefinition odd = ConnectionDefinition.of("ödd name", "s3",
                Map.of("secret_access_key", "a'b \"c\" ünï ✓ \n", "region", "  spaced  "));
        catalog.createConnection(odd, CreateMode.FAIL_IF_EXISTS);
        assertThat(catalog.requireConnection("ödd name")).isEqualTo(odd);
    }

    // ----- named file formats -----

    @Test
    void createdFileFormatIsReadBackExactly() {
        FileFormat odd = new FileFormat(FileFormatType.CSV, new TreeMap<>(Map.of("field_delimiter", "\t",
                "record_delimiter", "\r\n", "quote", "'", "escape", "\\", "null_display", "ünï ✓ \"x\"")));
        catalog.createFileFormat("my csv", odd, CreateMode.FAIL_IF_EXISTS);
        catalog.createFileFormat("parquet_default", FileFormat.DEFAULT, CreateMode.FAIL_IF_EXISTS);
        assertThat(catalog.fileFormat("my csv")).contains(odd);
        assertThat(catalog.fileFormat("parquet_default")).contains(FileFormat.DEFAULT);
    }

    @Test
    void fileFormatsAreListedByNameCaseSensitively() {
        for (String name : List.of("b", "a", "C", "c")) {
            catalog.createFileFormat(name, csv(name.equals("C") ? ";" : "|"), CreateMode.FAIL_IF_EXISTS);
        }
        assertThat(catalog.fileFormats().keySet()).containsExactly("C", "a", "b", "c");
        assertThat(catalog.fileFormat("C")).contains(csv(";"));
        assertThat(catalog.fileFormat("c")).contains(csv("|"));
    }

    @Test
    void fileFormatNamesAreSeparateFromOtherObjects() {
        catalog.createConnection(s3("same", "s"), CreateMode.FAIL_IF_EXISTS);
        catalog.createFileFormat("same", csv("|"), CreateMode.FAIL_IF_EXISTS);
        catalog.dropConnection("same");
        assertThat(catalog.fileFormat("same")).contains(csv("|"));
        catalog.dropFileFormat("same");
        assertThat(catalog.store().read()).isEqualTo(CatalogState.EMPTY);
    }

    @Test
    void createOfExistingFileFormatFailsAndKeepsTheOriginal() {
        catalog.createFileFormat("f", csv("|"), CreateMode.FAIL_IF_EXISTS);
        assertThatThrownBy(() -> catalog.createFileFormat("f", csv(";"), CreateMode.FAIL_IF_EXISTS))
                .isInstanceOfSatisfying(StowageException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.FILE_FORMAT_ALREADY_EXISTS))
                .hasMessage("File format 'f' already exists.");
        assertThat(catalog.fileFormat("f")).contains(csv("|"));
    }

    @Test
    void fileFormatIfNotExistsKeepsAndOrReplaceOverwrites() {
        catalog.createFileFormat("f", csv("|"), CreateMode.FAIL_IF_EXISTS);
        catalog.createFileFormat("f", csv(";"), CreateMode.KEEP_EXISTING);
        assertThat(catalog.fileFormat("f")).contains(csv("|"));
        catalog.createFileFormat("f", FileFormat.DEFAULT, CreateMode.REPLACE);
        assertThat(catalog.fileFormat("f")).contains(FileFormat.DEFAULT);
        catalog.createFileFormat("g", csv(";"), CreateMode.REPLACE);
        assertThat(catalog.fileFormats()).containsOnlyKeys("f", "g");
    }

    @Test
    void dropFileFormatRemovesAndMissingFails() {
        catalog.createFileFormat("f", csv("|"), CreateMode.FAIL_IF_EXISTS);
        catalog.createFileFormat("g", csv("|"), CreateMode.FAIL_IF_EXISTS);
        catalog.dropFileFormat("f");
        assertThat(catalog.fileFormats()).containsOnlyKeys("g");
        assertThatThrownBy(() -> catalog.dropFileFormat("f"))
                .isInstanceOfSatisfying(StowageException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.UNKNOWN_FILE_FORMAT))
                .hasMessage("Unknown file format 'f'.");
        assertThat(catalog.dropFileFormatIfExists("f")).isFalse();
        assertThat(catalog.dropFileFormatIfExists("g")).isTrue();
        assertThat(catalog.fileFormats()).isEmpty();
    }

    @Test
    void fileFormatsOfAStateAreImmutable() {
        catalog.createFileFormat("f", csv("|"), CreateMode.FAIL_IF_EXISTS);
        CatalogState state = catalog.store().read();
        assertThatThrownBy(() -> state.fileFormats().put("g", csv(";")))
                .isInstanceOf(UnsupportedOperationException.class);
        CatalogState next = state.withFileFormat("g", csv(";")).withoutFileFormat("f");
        assertThat(next.fileFormats()).containsOnlyKeys("g");
        assertThat(state.fileFormats()).containsOnlyKeys("f");
    }

    @Test
    void concurrentCreatesLoseNothing() throws Exception {
        int threads = 8;
        int perThread = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        catalog.createConnection(s3("t" + thread + "_" + i, "s"), CreateMode.FAIL_IF_EXISTS);
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(catalog.connections()).hasSize(threads * perThread);
    }
}
