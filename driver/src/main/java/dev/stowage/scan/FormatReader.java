package dev.stowage.scan;

import java.io.IOException;
import java.util.List;

/** Reads the files of one file format, with its options. Implementations are immutable and thread-safe. */
public interface FormatReader {
    /**
     * Returns the schema of {@code file}: the Parquet footer's, or the one inferred from at most {@code maxRecords}
     * records of a text format (CSV/TSV columns are named {@code column_1}, ... unless a header is skipped, where
     * the header names them). Used for access by name and by INFER_SCHEMA.
     */
    List<Column> schema(SourceFile file, long maxRecords) throws IOException;

    /** Returns the units that read {@code file} as {@code spec} asks. */
    ScanUnits units(SourceFile file, ScanSpec spec) throws IOException;
}
