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
     * anything is written.
     *
     * @throws StowageException {@link ErrorCode#ILLEGAL_FILE_FORMAT} for formats other than Parquet, which cannot be
     *     written yet, and for a compression Parquet pages cannot use; {@link ErrorCode#UNSUPPORTED_STATEMENT} for a
     *     column of a type files cannot hold
     */
    public static RowFileWriter open(FileFormat format, List<Column> columns, OutputStream out) throws IOException {
        Objects.requireNonNull(format, "format is null");
        Objects.requireNonNull(columns, "columns is null");
        Objects.requireNonNull(out, "out is null");
        return switch (format.type()) {
            case PARQUET -> ParquetRowWriter.open(format, columns, out);
            case CSV, TSV, NDJSON, ORC, AVRO, JSON -> throw unsupported(format);
        };
    }

    /**
     * Returns the suffix Databend gives files of {@code format}: {@code .parquet}.
     *
     * @throws StowageException {@link ErrorCode#ILLEGAL_FILE_FORMAT} as {@link #open} does for the format
     */
    public static String extension(FileFormat format) {
        return switch (format.type()) {
            case PARQUET -> ".parquet";
            case CSV, TSV, NDJSON, ORC, AVRO, JSON -> throw unsupported(format);
        };
    }

    private static StowageException unsupported(FileFormat format) {
        return new StowageException(ErrorCode.ILLEGAL_FILE_FORMAT,
                "Files of format %s cannot be written; use PARQUET.", format.type().name());
    }
}
