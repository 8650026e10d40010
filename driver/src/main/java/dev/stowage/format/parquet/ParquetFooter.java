package dev.stowage.format.parquet;

import dev.stowage.error.ErrorCode;
import dev.stowage.error.StowageException;
import dev.stowage.scan.SourceFile;
import java.io.IOException;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.SeekableInputStream;
import org.apache.parquet.schema.MessageType;

/**
 * The footer of a Parquet file (schema and row groups) together with the file, read once ({@link FooterCache}) and
 * shared read-only by the file's scan units.
 *
 * @param file the file
 * @param metadata its footer
 */
record ParquetFooter(SourceFile file, ParquetMetadata metadata) {
    /**
     * Reads the footer of {@code file}, usually with a single ranged read of its tail.
     *
     * @throws StowageException {@link ErrorCode#BAD_DATA} naming the file when it is not a readable Parquet file
     * @throws IOException when the storage fails
     */
    static ParquetFooter read(SourceFile file) throws IOException {
        ParquetMetadata kept = FooterCache.get(file);
        if (kept != null) {
            return new ParquetFooter(file, kept);
        }
        StorageInputFile input = new StorageInputFile(file);
        ParquetMetadata metadata;
        try (SeekableInputStream stream = input.newStream()) {
            metadata = ParquetFileReader.readFooter(input, readOptions(), stream);
        } catch (IOException | RuntimeException e) {
            throw ReadFailures.failure(e, input, "footer");
        }
        FooterCache.put(file, metadata);
        return new ParquetFooter(file, metadata);
    }

    /** Returns fresh options; each reader releases its decompressors on close, so readers do not share them. */
    static ParquetReadOptions readOptions() {
        ParquetReadOptions defaults = ParquetReadOptions.builder(new PlainParquetConfiguration()).build();
        return ParquetReadOptions.builder(new PlainParquetConfiguration())
                .withCodecFactory(new HeapDecompressors(defaults.getCodecFactory()))
                .withAllocator(ChunkBuffers.INSTANCE)
                .build();
    }

    /** Returns the file's schema. */
    MessageType schema() {
        return metadata.getFileMetaData().getSchema();
    }

    /** Returns the writer's identification, which parquet-java uses to work around old writers' bugs. */
    String createdBy() {
        return metadata.getFileMetaData().getCreatedBy();
    }
}
