package dev.stowage.scan;

import dev.stowage.error.ErrorCode;
import dev.stowage.error.StowageException;
import dev.stowage.format.FileFormat;
import dev.stowage.format.parquet.ParquetFormatReader;
import dev.stowage.format.text.CsvFormatReader;
import dev.stowage.format.text.NdjsonFormatReader;

/** The reader of each file format that queries can read. */
public final class FormatReaders {
    private FormatReaders() {
    }

    /**
     * Returns the reader of {@code format}.
     *
     * @throws StowageException {@link ErrorCode#ILLEGAL_FILE_FORMAT} for ORC, AVRO and JSON, which cannot be queried
     */
    public static FormatReader of(FileFormat format) {
        return switch (format.type()) {
            case PARQUET -> new ParquetFormatReader(format);
            case CSV, TSV -> new CsvFormatReader(format);
            case NDJSON -> new NdjsonFormatReader(format);
            case ORC, AVRO, JSON -> throw new StowageException(ErrorCode.ILLEGAL_FILE_FORMAT,
                    "Files of format %s cannot be queried; use CSV, TSV, NDJSON or PARQUET.", format.type().name());
        };
    }

    /** Returns whether {@code format} addresses columns by position ($1, $2, ...) rather than by name. */
    public static boolean positional(FileFormat format) {
        return switch (format.type()) {
            case CSV, TSV -> true;
            default -> false;
        };
    }
}
