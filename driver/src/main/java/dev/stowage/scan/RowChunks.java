package dev.stowage.scan;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Gathers rows into arrays of a fixed number of rows, handed on as each fills: how a reading thread passes rows to
 * the thread that takes them without a hand-over per row. Call {@link #flush()} after the last row.
 */
public final class RowChunks implements RowSink {
    private final int size;
    private final Consumer<Object[][]> consumer;
    private Object[][] chunk;
    private int filled;

    /** Creates a sink handing on chunks of {@code size} rows to {@code consumer}. */
    public RowChunks(int size, Consumer<Object[][]> consumer) {
        this.size = size;
        this.consumer = consumer;
        this.chunk = new Object[size][];
    }

    @Override
    public boolean accept(Object[] row) {
        chunk[filled++] = row;
        if (filled == size) {
            consumer.accept(chunk);
            chunk = new Object[size][];
            filled = 0;
        }
        return true;
    }

    /** Hands on the rows gathered since the last full chunk, if any, as a shorter chunk. */
    public void flush() {
        if (filled > 0) {
            consumer.accept(Arrays.copyOf(chunk, filled));
            filled = 0;
        }
    }
}
