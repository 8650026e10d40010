package dev.stowage.scan;

import java.util.Arrays;

/**
 * A batch of rows of a scan held column by column: one {@link ColumnVector} per output slot, all at least as large
 * as the batch. Readers refill one batch again and again: a batch is valid only while it is handed to its consumer.
 */
public final class ColumnBatch {
    private final ColumnVector[] vectors;
    private final DeferredFailures[] failures;
    private int size;

    /** Creates a batch over {@code vectors}, one per slot, holding no rows yet. */
    public ColumnBatch(ColumnVector... vectors) {
        this.vectors = vectors.clone();
        this.failures = new DeferredFailures[vectors.length];
    }

    /** Returns a batch of {@code width} {@link ObjectVector}s of {@code capacity} rows. */
    public static ColumnBatch ofObjects(int width, int capacity) {
        ColumnVector[] vectors = new ColumnVector[width];
        for (int i = 0; i < width; i++) {
            vectors[i] = new ObjectVector(null, capacity);
        }
        return new ColumnBatch(vectors);
    }

    /** Returns the number of slots. */
    public int width() {
        return vectors.length;
    }

    /** Returns the number of rows. */
    public int size() {
        return size;
    }

    /**
     * Sets the number of rows.
     *
     * @throws IllegalArgumentException when a vector cannot hold that many
     */
    public void size(int size) {
        for (ColumnVector vector : vectors) {
            if (size > vector.capacity()) {
                throw new IllegalArgumentException(size + " rows exceed a vector of " + vector.capacity());
            }
        }
        if (size < 0) {
            throw new IllegalArgumentException("negative size " + size);
        }
        this.size = size;
    }

    /** Returns the vector of {@code slot}. */
    public ColumnVector vector(int slot) {
        return vectors[slot];
    }

    /**
     * Returns the conversion failures of {@code slot}, a deferred field ({@link OutputColumn.Field#deferred()}), or
     * null when its values were converted as they were read: a consumer must {@link DeferredFailures#check} the rows
     * whose values it uses.
     */
    public DeferredFailures failures(int slot) {
        return failures[slot];
    }

    /** Makes {@code failures} those of the slot {@code slot}, whose reader defers conversion failures. */
    public void failures(int slot, DeferredFailures failures) {
        this.failures[slot] = failures;
    }

    /** Returns row {@code row} as a new array of the internal representations of its values. */
    public Object[] row(int row) {
        Object[] values = new Object[vectors.length];
        for (int slot = 0; slot < values.length; slot++) {
            values[slot] = vectors[slot].get(row);
        }
        return values;
    }

    @Override
    public String toString() {
        return "ColumnBatch" + Arrays.toString(vectors) + "[" + size + " rows]";
    }
}
