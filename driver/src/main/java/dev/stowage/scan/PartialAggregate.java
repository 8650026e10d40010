package dev.stowage.scan;

/**
 * Folds the rows of one scan unit into a partial result where they are decoded, so an aggregate query hands the
 * engine one row per unit instead of every row. Implementations are immutable; the state is per unit.
 */
public interface PartialAggregate {
    /** Returns a new, empty state. */
    Object[] start();

    /** Adds {@code row} to {@code state}. */
    void add(Object[] state, Object[] row);

    /**
     * Adds the rows of {@code batch} to {@code state}, in order; by default one {@link #add} per row, after raising
     * the first conversion failure of a deferred field ({@link ColumnBatch#failures}), since every value is used.
     * Implementations that use only some rows' values check the failures of those rows.
     */
    default void addBatch(Object[] state, ColumnBatch batch) {
        for (int slot = 0; slot < batch.width(); slot++) {
            DeferredFailures failures = batch.failures(slot);
            if (failures != null) {
                failures.check(null, batch.size());
            }
        }
        for (int row = 0; row < batch.size(); row++) {
            add(state, batch.row(row));
        }
    }
}
