package dev.stowage.write;

import dev.stowage.error.ErrorCode;
import dev.stowage.error.StowageException;
import dev.stowage.format.FileFormat;
import dev.stowage.scan.Column;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Objects;

/** The writer of each file format that {@code INSERT} and {@code COPY INTO <location>} can write. */
public final class FormatWriters {
    private FormatWriters() {
    }

    /**
     * Opens a writer of rows of {@code columns} to {@code out} in {@code format}. Every option is checked before
     * anything is written. Text formats print TIMESTAMP WITH LOCAL TIME ZONE values in UTC.
     *
     * @throws StowageException {@link ErrorCode#ILLEGAL_FILE_FORMAT} for ORC, AVRO and JSON, which cannot be written,
     *     and for options the writer cannot follow (an unsupported compression, a delimiter that is not one
     *     character); {@link ErrorCode#UNSUPPORTED_STATEMENT} for a column of a type files cannot hold
     */
    public static RowFileWriter open(FileFormat format, List<Column> columns, OutputStream out) throws IOException {
        Objects.requireNonNull(format, "format is null");
        Objects.requireNonNull(columns, "columns is null");
        Objects.requireNonNull(out, "out is null");
        return switch (format.type()) {
            case PARQUET -> ParquetRowWriter.open(format, columns, out);
            case CSV, TSV -> {
                DelimitedWriteOptions options = DelimitedWriteOptions.of(format);
                RowCoercion coercion = new RowCoercion(columns);
                yield new TextFileWriter(coercion, OutputCompression.of(format), out,
                        text -> DelimitedEncoder.open(options, coercion, text));
            }
            case NDJSON -> {
                RowCoercion coercion = new RowCoercion(columns);
                yield new TextFileWriter(coercion, OutputCompression.of(format), out,
                        text -> NdjsonEncoder.open(coercion, text));
            }
            case ORC, AVRO, JSON -> throw unsupported(format);
        };
    }

    /**
     * Returns the suffix Databend gives files of {@code format}: {@code .csv}, {@code .tsv}, {@code .ndjson} or
     * {@code .parquet}, followed for text formats by the compression's ({@code .gz}, {@code .zstd}, {@code .bz2},
     * {@code .zl} for DEFLATE, {@code .deflate} for RAW_DEFLATE).
     *
     * @throws StowageException {@link ErrorCode#ILLEGAL_FILE_FORMAT} as {@link #open} does for the format
     */
    public static String extension(FileFormat format) {
        return switch (format.type()) {
            case PARQUET -> ".parquet";
            case CSV -> ".csv" + OutputCompression.of(format).suffix();
            case TSV -> ".tsv" + OutputCompression.of(format).suffix();
            case NDJSON -> ".ndjson" + OutputCompression.of(format).suffix();
            case ORC, AVRO, JSON -> throw unsupported(format);
        };
    }

    private static StowageException unsupported(FileFormat format) {
        return new StowageException(ErrorCode.ILLEGAL_FILE_FORMAT,
                "Files of format %s cannot be written; use CSV, TSV, NDJSON or PARQUET.", format.type().name());
    }
}
