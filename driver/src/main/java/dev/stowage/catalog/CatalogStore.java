package dev.stowage.catalog;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * Where a catalog keeps its state. Implementations are safe for concurrent use by many threads (and, for
 * persistent stores, by many processes sharing the same files).
 */
public interface CatalogStore {
    /** Returns the latest committed state. */
    CatalogState read();

    /**
     * Applies {@code change} to the latest committed state and commits the result atomically: no other update
     * runs between the read and the commit, so no update is lost.
     *
     * <p>If {@code change} throws, nothing is committed and the exception propagates. If it returns its argument
     * unchanged, nothing is written.
     *
     * @return the committed state
     */
    CatalogState update(UnaryOperator<CatalogState> change);

    /** Returns a short description of where the state lives, for messages (never a secret). */
    String describe();

    /**
     * Returns the directory where the catalog's own data lives (the files of internal stages), creating it with
     * mode 0700 when needed.
     */
    Path dataDirectory();
}
