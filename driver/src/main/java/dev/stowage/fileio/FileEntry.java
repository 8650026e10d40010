package dev.stowage.fileio;

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
}
