package dev.stowage.catalog;

import java.time.Instant;
import java.util.Objects;

/**
 * A staged file COPY INTO loaded into a table: the version loaded and when. COPY INTO skips a file it loaded before
 * unless the file changed or FORCE is given.
 *
 * @param etag the file's ETag when it was loaded, or null when the storage has none
 * @param size its size in bytes
 * @param lastModified its last modification time, or null when unknown
 * @param loadedAt when it was loaded
 */
public record LoadedFile(String etag, long size, Instant lastModified, Instant loadedAt) {
    /** Returns whether this records the same version of a file as {@code other} (ETag, size and time). */
    public boolean sameVersion(LoadedFile other) {
        return Objects.equals(etag, other.etag) && size == other.size
                && Objects.equals(lastModified, other.lastModified);
    }
}
