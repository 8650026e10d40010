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

    /** Adds the rows of {@code batch} to {@code state}, in order; by default one {@link #add} per row. */
    default void addBatch(Object[] state, ColumnBatch batch) {
        for (int row = 0; row < batch.size(); row++) {
            add(state, batch.row(row));
        }
    }
}
