package dev.stowage.scan;

import java.io.IOException;

/**
 * An independently readable part of one file (a Parquet row group, a block of whole CSV records). Units of one
 * file may be read concurrently on different threads; the rows of the file are the units' rows in unit order.
 */
@FunctionalInterface
public interface ScanUnit {
    /**
     * Produces this unit's rows, in file order, until they end or {@code sink} declines one.
     *
     * @throws dev.stowage.error.StowageException {@link dev.stowage.error.ErrorCode#BAD_DATA} naming the file and
     *     row or line when the data cannot be decoded or converted
     */
    void read(RowSink sink) throws IOException;

    /**
     * Produces this unit's rows like {@link #read}, a batch at a time, for consumers that fold them (aggregates).
     * Readers that decode column by column override it to hand out primitive vectors; by default the rows of
     * {@link #read} are gathered into batches of {@link ObjectVector}s.
     */
    default void readBatches(BatchSink sink) throws IOException {
        RowBatcher batcher = new RowBatcher(sink);
        boolean[] declined = {false};
        read(row -> {
            if (batcher.accept(row)) {
                return true;
            }
            declined[0] = true;
            return false;
        });
        if (!declined[0]) {
            batcher.flush();
        }
    }

    /**
     * Returns about how many bytes of heap the unit holds while it is read, beyond the rows it hands out (a Parquet
     * row group's column chunks); 0 when that is small. Scans read fewer units at once when they are large.
     */
    default long memoryEstimate() {
        return 0;
    }
}
