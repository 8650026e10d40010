package dev.stowage.catalog.memory;

import dev.stowage.catalog.CatalogState;
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

    @Override
    public String describe() {
        return name.isEmpty() ? "in-memory catalog" : "in-memory catalog '" + name + "'";
    }
}
