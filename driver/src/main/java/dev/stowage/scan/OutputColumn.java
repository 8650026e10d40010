package dev.stowage.scan;

/** One value of each row a scan produces. */
public sealed interface OutputColumn {
    /**
     * A field of the file: for positional formats (CSV, TSV) the 0-based field position, otherwise the index into
     * {@link ScanSpec#schema()}. The reader converts the value to {@code type}; for CSV and TSV that is VARCHAR
     * unless the query casts the field, in which case a value that does not convert is an error naming the file and
     * line.
     *
     * @param index the field position or schema index
     * @param type the type to produce
     */
    record Field(int index, ColumnType type) implements OutputColumn {
    }

    /** The whole record as JSON text: Databend's {@code $1} of Parquet and NDJSON. */
    record WholeRow() implements OutputColumn {
    }

    /** {@code METADATA$FILENAME}: the file's path relative to the stage root ({@link SourceFile#name()}). */
    record FileName() implements OutputColumn {
    }

    /** {@code METADATA$FILE_ROW_NUMBER}: the 0-based number of the row within its file, as a {@link Long}. */
    record FileRowNumber() implements OutputColumn {
    }
}
