package dev.stowage.write;

import java.io.IOException;

/**
 * Writes rows to one file in one format, streaming them to the output stream it was opened on. The stream is never
 * closed by the writer: after {@link #finish()} it holds the complete file and belongs to the caller again. Not
 * thread-safe.
 */
public interface RowFileWriter extends AutoCloseable {
    /**
     * Writes one row: its values in Calcite's internal representation as {@link dev.stowage.scan.ColumnType}
     * describes it, one per column in order, null for SQL NULL. Numeric columns take any {@link Number} that fits.
     * A row that fails is not written at all.
     *
     * @throws dev.stowage.error.StowageException {@link dev.stowage.error.ErrorCode#DATA} naming the column for NULL
     *     in a column that is not nullable or a value out of its column's range
     * @throws IllegalArgumentException when the row has the wrong number of values or a value of the wrong class
     * @throws IllegalStateException after {@link #finish()} or {@link #close()}
     */
    void write(Object[] row) throws IOException;

    /** Returns how many rows were written. */
    long rowCount();

    /**
     * Returns about how many bytes the file has so far: the bytes handed to the stream, plus for Parquet the row group
     * still buffered. Callers compare it with the file size they roll files at.
     */
    long bytesWritten();

    /**
     * Completes the file: writes what is still buffered, the Parquet footer or the end of the compressed stream, and
     * flushes the stream. No rows can be written afterwards.
     */
    void finish() throws IOException;

    /**
     * Releases the writer. Without {@link #finish()} first, the file is incomplete and must be discarded. Closing
     * twice, or after {@link #finish()}, does nothing.
     */
    @Override
    void close() throws IOException;
}
