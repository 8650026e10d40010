package dev.stowage.format.parquet;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import dev.stowage.fileio.FileEntry;
import dev.stowage.fileio.Location;
import dev.stowage.scan.SourceFile;
import java.time.Instant;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;

/**
 * The footers of recently read Parquet files, for the process: planning a query reads the footer of its first file
 * and running it reads every file's, so a repeated query would read each footer again (a ranged GET per file on
 * object storage). A footer is found again only for the same file as listed: same location, path, size,
 * modification time and ETag, and only for files whose listing identifies their content
 * ({@link FileEntry#identifiesContent}). Footers are weighed by their column chunks and held softly. Thread-safe.
 */
final class FooterCache {
    /** Column chunks kept at most, over all footers: a few hundred bytes each. */
    private static final long MAX_CHUNKS = 200_000;

    private static final Cache<Key, ParquetMetadata> FOOTERS = CacheBuilder.newBuilder()
            .maximumWeight(MAX_CHUNKS)
            .weigher((Key key, ParquetMetadata footer) -> 1 + footer.getBlocks().stream()
                    .mapToInt(block -> block.getColumns().size()).sum())
            .softValues()
            .build();

    private record Key(Location location, String path, long size, Instant lastModified, String etag) {
    }

    private FooterCache() {
    }

    /** Returns the footer kept for {@code file} as it is listed, or null. */
    static ParquetMetadata get(SourceFile file) {
        Key key = key(file);
        return key == null ? null : FOOTERS.getIfPresent(key);
    }

    /** Keeps {@code footer}, read from {@code file} as it is listed. */
    static void put(SourceFile file, ParquetMetadata footer) {
        Key key = key(file);
        if (key != null) {
            FOOTERS.put(key, footer);
        }
    }

    private static Key key(SourceFile file) {
        FileEntry entry = file.entry();
        if (!entry.identifiesContent(Instant.now())) {
            return null;
        }
        return new Key(file.io().location(), entry.path(), entry.size(), entry.lastModified(), entry.etag());
    }
}
