package dev.stowage.format.text;

import dev.stowage.scan.BatchSink;
import dev.stowage.scan.RowBatcher;
import dev.stowage.scan.RowSink;
import java.io.IOException;

/** Turns blocks of one file into rows. One decoder serves one thread, block after block. */
interface BlockDecoder {
    /**
     * Produces the rows of {@code block} in order.
     *
     * @return false when {@code sink} declined a row
     */
    boolean decode(TextBlock block, RowSink sink) throws IOException;

    /**
     * Produces the rows of {@code block} in order as batches; by default the rows of {@link #decode} gathered into
     * batches of objects.
     *
     * @return false when {@code sink} declined a batch
     */
    default boolean decodeBatches(TextBlock block, BatchSink sink) throws IOException {
        RowBatcher batcher = new RowBatcher(sink);
        return decode(block, batcher) && batcher.flush();
    }
}
