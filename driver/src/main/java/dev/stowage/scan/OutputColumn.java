package dev.stowage.scan;

/** One value of each row a scan produces. */
public sealed interface OutputColumn {
    /**
     * A field of the file: for positional formats (CSV, TSV) the 0-based field position, otherwise the index into
     * {@link ScanSpec#schema()}. The reader converts the value to {@code type}; for CSV and TSV that is VARCHAR
     * unless the query casts the field, in which case a value that does not convert is an error naming the file and
     * line.
     *
     * <p>A deferred field (CSV and TSV only, and only for scans read in batches by a {@link PartialAggregate}) does
     * not fail for a value that does not convert: its row is NULL in the batch and the failure is recorded
     * ({@link ColumnBatch#failures}), to be raised only if the consumer uses that row. A query's cast that is
     * evaluated only for some rows (those its filter keeps) is deferred so a rejected row never fails the query.
     *
     * @param index the field position or schema index
     * @param type the type to produce
     * @param deferred whether a value that does not convert is recorded rather than raised
     */
    record Field(int index, ColumnType type, boolean deferred) implements OutputColumn {
        /** A field whose conversion failures are raised as they are met. */
        public Field(int index, ColumnType type) {
            this(index, type, false);
        }
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
