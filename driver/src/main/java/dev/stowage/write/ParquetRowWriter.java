package dev.stowage.write;

import dev.stowage.error.ErrorCode;
import dev.stowage.error.StowageException;
import dev.stowage.format.FileFormat;
import dev.stowage.scan.Column;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;

/**
 * Writes a Parquet file with parquet-java, without Hadoop: rows are buffered a row group at a time (about
 * {@value #ROW_GROUP_SIZE} bytes), and the footer is written by {@link #finish()}. Pages are compressed as the
 * format's {@code COMPRESSION} option asks: ZSTD (Databend's default), SNAPPY, GZIP, LZ4_RAW or NONE.
 */
final class ParquetRowWriter implements RowFileWriter {
    /** The size a row group is buffered to before it is written. */
    static final long ROW_GROUP_SIZE = 64L * 1024 * 1024;
    private static final int PAGE_SIZE = 1024 * 1024;

    private final RowCoercion coercion;
    private final CountingOutputStream counted;
    private final ParquetWriter<Object[]> writer;
    private long rows;
    private boolean open = true;

    private ParquetRowWriter(RowCoercion coercion, CountingOutputStream counted, ParquetWriter<Object[]> writer) {
        this.coercion = coercion;
        this.counted = counted;
        this.writer = writer;
    }

    /**
     * Opens a writer of {@code columns} to {@code out} in {@code format}, a Parquet format.
     *
     * @throws StowageException {@link ErrorCode#ILLEGAL_FILE_FORMAT} for a compression Parquet pages cannot be
     *     written with, {@link ErrorCode#UNSUPPORTED_STATEMENT} for a column of a type files cannot hold
     */
    static ParquetRowWriter open(FileFormat format, List<Column> columns, OutputStream out) throws IOException {
        return open(format, columns, out, ROW_GROUP_SIZE);
    }

    static ParquetRowWriter open(FileFormat format, List<Column> columns, OutputStream out, long rowGroupSize)
            throws IOException {
        CompressionCodecName codec = codec(format);
        RowCoercion coercion = new RowCoercion(columns);
        RowWriteSupport support = new RowWriteSupport(coercion);
        CountingOutputStream counted = new CountingOutputStream(out);
        ParquetWriter<Object[]> writer = new Builder(new StreamOutputFile(counted), support)
                .withConf(new PlainParquetConfiguration())
                .withCodecFactory(new PageCompressors())
                .withCompressionCodec(codec)
                .withRowGroupSize(rowGroupSize)
                .withPageSize(PAGE_SIZE)
                .withDictionaryEncoding(true)
                .build();
        return new ParquetRowWriter(coercion, counted, writer);
    }

    /** Returns the codec the format's {@code COMPRESSION} option names; ZSTD when it names none. */
    private static CompressionCodecName codec(FileFormat format) {
        String option = format.option("compression");
        String name = option == null ? "ZSTD" : option.toUpperCase(Locale.ROOT);
        return switch (name) {
            case "ZSTD" -> CompressionCodecName.ZSTD;
            case "SNAPPY" -> CompressionCodecName.SNAPPY;
            case "GZIP" -> CompressionCodecName.GZIP;
            case "LZ4_RAW" -> CompressionCodecName.LZ4_RAW;
            case "", "NONE", "UNCOMPRESSED" -> CompressionCodecName.UNCOMPRESSED;
            default -> throw new StowageException(ErrorCode.ILLEGAL_FILE_FORMAT, "Compression %s is not supported"
                    + " for writing Parquet files; use ZSTD, SNAPPY, GZIP, LZ4_RAW or NONE", option);
        };
    }

    @Override
    public void write(Object[] row) throws IOException {
        if (!open) {
            throw new IllegalStateException("the writer is finished or closed");
        }
        writer.write(coercion.apply(row));
        rows++;
    }

    @Override
    public long rowCount() {
        return rows;
    }

    @Override
    public long bytesWritten() {
        return open ? writer.getDataSize() : counted.count();
    }

    @Override
    public void finish() throws IOException {
        if (!open) {
            throw new IllegalStateException("the writer is finished or closed");
        }
        open = false;
        // writes the last row group and the footer; the caller's stream is only flushed
        writer.close();
    }

    @Override
    public void close() {
        // an unfinished file is dropped: its buffered row group is heap memory only
        open = false;
    }

    /** Builds the writer over an {@link OutputFile} with a fixed write support. */
    private static final class Builder extends ParquetWriter.Builder<Object[], Builder> {
        private final RowWriteSupport support;

        Builder(OutputFile file, RowWriteSupport support) {
            super(file);
            this.support = support;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<Object[]> getWriteSupport(Configuration configuration) {
            return support;
        }

        @Override
        protected WriteSupport<Object[]> getWriteSupport(ParquetConfiguration configuration) {
            return support;
        }
    }
}
