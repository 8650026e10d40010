package dev.stowage.ddl;

import dev.stowage.catalog.TreeDeletion;
import dev.stowage.error.ErrorCode;
import dev.stowage.error.StowageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The directories under the catalog's home that hold the files of internal stages and tables. */
final class InternalDirectories {
    private InternalDirectories() {
    }

    /** Creates {@code directory} and its parents if missing. */
    static void create(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new StowageException(ErrorCode.CATALOG_IO, e, "Cannot create %s: %s", directory, e.getMessage());
        }
    }

    /**
     * Deletes {@code directory} and everything in it, the files of {@code object} ("Stage 's'", "Table 't'") that was
     * dropped.
     */
    static void delete(Path directory, String object) {
        try {
            TreeDeletion.delete(directory);
        } catch (IOException e) {
            throw new StowageException(ErrorCode.CATALOG_IO, e, "%s is dropped but its files in %s could not all be"
                    + " deleted: %s", object, directory, e.getMessage());
        }
    }
}
