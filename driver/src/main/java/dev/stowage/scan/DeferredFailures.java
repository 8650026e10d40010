package dev.stowage.scan;

import java.util.Arrays;
import java.util.function.Supplier;

/**
 * The rows of a {@link ColumnBatch} whose value of a deferred field ({@link OutputColumn.Field#deferred()}) did not
 * convert, each with the error its conversion raises; such a row is NULL in the vector. A consumer that uses the
 * values of some rows calls {@link #check} with them first. Rows are recorded in increasing order; failures are rare,
 * so the arrays grow only when one is recorded. Reused batch after batch, like the batch.
 */
public final class DeferredFailures {
    private int[] rows = new int[0];
    @SuppressWarnings("unchecked")
    private Supplier<? extends RuntimeException>[] errors = new Supplier[0];
    private int size;

    /** Forgets the failures of the previous batch. */
    public void clear() {
        if (size > 0) {
            Arrays.fill(errors, 0, size, null);
            size = 0;
        }
    }

    /**
     * Records that {@code row}, greater than every row recorded since {@link #clear}, did not convert, and the
     * error that says so.
     */
    public void add(int row, Supplier<? extends RuntimeException> error) {
        if (size > 0 && row <= rows[size - 1]) {
            throw new IllegalArgumentException("row " + row + " after row " + rows[size - 1]);
        }
        if (size == rows.length) {
            int capacity = Math.max(4, size * 2);
            rows = Arrays.copyOf(rows, capacity);
            errors = Arrays.copyOf(errors, capacity);
        }
        rows[size] = row;
        errors[size] = error;
        size++;
    }

    /** Returns whether no row failed. */
    public boolean isEmpty() {
        return size == 0;
    }

    /**
     * Throws the error of the first of the rows {@code selection[0..count)}, in increasing order, or of the rows
     * {@code 0..count)} when {@code selection} is null, that did not convert; returns when none failed.
     */
    public void check(int[] selection, int count) {
        if (size == 0 || count == 0) {
            return;
        }
        if (selection == null) {
            if (rows[0] < count) {
                throw errors[0].get();
            }
            return;
        }
        int failed = 0;
        for (int k = 0; k < count && failed < size; k++) {
            int row = selection[k];
            while (failed < size && rows[failed] < row) {
                failed++;
            }
            if (failed < size && rows[failed] == row) {
                throw errors[failed].get();
            }
        }
    }

    @Override
    public String toString() {
        return "DeferredFailures" + Arrays.toString(Arrays.copyOf(rows, size));
    }
}
