package dev.stowage.scan;

/**
 * A simple condition on one schema column, {@code column <op> value}, that the query's filter implies. Readers may
 * use it to skip data that cannot match (Parquet row groups by their min/max statistics); they need not apply it
 * row by row, because the engine filters every row again.
 *
 * @param index the index into {@link ScanSpec#schema()}
 * @param op the comparison
 * @param value the constant, in the internal representation of the column's type (null for the NULL tests)
 */
public record ColumnPredicate(int index, Op op, Comparable<?> value) {
    /** The comparisons readers can prune by. */
    public enum Op {
        EQ, NE, LT, LE, GT, GE, IS_NULL, IS_NOT_NULL
    }
}
