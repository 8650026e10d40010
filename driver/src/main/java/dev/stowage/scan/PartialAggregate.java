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
}
