package dev.stowage.scan;

/**
 * Gathers rows into batches of {@link ObjectVector}s for a {@link BatchSink}: the batch entry point of readers that
 * produce rows. Call {@link #flush()} after the last row.
 */
public final class RowBatcher implements RowSink {
    /** The rows a batch holds. */
    public static final int CAPACITY = 1024;

    private final BatchSink sink;
    private ColumnBatch batch;
    private Object[][] columns;
    private int size;

    /** Creates a batcher handing full batches to {@code sink}. */
    public RowBatcher(BatchSink sink) {
        this.sink = sink;
    }

    @Override
    public boolean accept(Object[] row) {
        if (batch == null) {
            batch = ColumnBatch.ofObjects(row.length, CAPACITY);
            columns = new Object[row.length][];
            for (int slot = 0; slot < row.length; slot++) {
                columns[slot] = ((ObjectVector) batch.vector(slot)).values();
            }
        }
        for (int slot = 0; slot < columns.length; slot++) {
            columns[slot][size] = row[slot];
        }
        return ++size < CAPACITY || flush();
    }

    /**
     * Hands on the rows gathered since the last batch, if any.
     *
     * @return false when the sink wants no more rows
     */
    public boolean flush() {
        if (size == 0) {
            return true;
        }
        batch.size(size);
        size = 0;
        return sink.accept(batch);
    }
}
