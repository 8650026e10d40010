package dev.stowage.catalog.memory;

import dev.stowage.catalog.CatalogState;
import dev.stowage.catalog.TreeDeletion;
import dev.stowage.error.ErrorCode;
import dev.stowage.error.StowageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.stowage.catalog.CatalogStore;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * A catalog store that lives in this JVM only. Named stores are shared: every {@link #named(String)} call with the
 * same name returns the same store until the JVM exits.
 */
public final class MemoryCatalogStore implements CatalogStore {
    private static final Map<String, MemoryCatalogStore> NAMED = new ConcurrentHashMap<>();

    private final String name;
    private volatile CatalogState state = CatalogState.EMPTY;
    private Path dataDirectory;

    private MemoryCatalogStore(String name) {
        this.name = name;
    }

    /** Returns a new, empty store that nothing else shares. */
    public static MemoryCatalogStore anonymous() {
        return new MemoryCatalogStore("");
    }

    /** Returns the store called {@code name} in this JVM, creating it empty on first use. */
    public static MemoryCatalogStore named(String name) {
        return NAMED.computeIfAbsent(name, MemoryCatalogStore::new);
    }

    @Override
    public CatalogState read() {
        return state;
    }

    @Override
    public synchronized CatalogState update(UnaryOperator<CatalogState> change) {
        state = change.apply(state);
        return state;
    }

    /**
     * An in-memory catalog still keeps the files of its internal stages on disk: in a temporary directory removed
     * when the JVM exits.
     */
    @Override
    public synchronized Path dataDirectory() {
        if (dataDirectory == null) {
            try {
                dataDirectory = Files.createTempDirectory("stowage-mem-");
            } catch (IOException e) {
                throw new StowageException(ErrorCode.CATALOG_IO, e, "Cannot create a data directory for %s: %s",
                        describe(), e.getMessage());
            }
            Path created = dataDirectory;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> TreeDeletion.deleteQuietly(created)));
        }
        return dataDirectory;
    }

    @Override
    public String describe() {
        return name.isEmpty() ? "in-memory catalog" : "in-memory catalog '" + name + "'";
    }
}
