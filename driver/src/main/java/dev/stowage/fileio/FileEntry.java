package dev.stowage.fileio;

import java.time.Duration;
import java.time.Instant;

/**
 * A file in storage.
 *
 * @param path the path relative to the location's root, without a leading slash
 * @param size the size in bytes
 * @param lastModified when the file was last written, or null when the storage does not say
 * @param etag the entity tag, or null when the storage does not say
 */
public record FileEntry(String path, long size, Instant lastModified, String etag) {
    /** The coarsest modification-time granularity of common file systems (FAT's); finer ones are within it. */
    static final Duration TIME_GRANULARITY = Duration.ofSeconds(2);

    /**
     * Returns whether a later listing equal to this one means the content is unchanged, as of {@code now}: the entry
     * has an ETag, which changes with the content; or its modification time is at least {@link #TIME_GRANULARITY}
     * before {@code now}, so that a rewrite, even of the same size, shows a later time. A file written within the
     * granularity could be rewritten without its time changing.
     */
    public boolean identifiesContent(Instant now) {
        return etag != null || lastModified != null && !lastModified.plus(TIME_GRANULARITY).isAfter(now);
    }
}
