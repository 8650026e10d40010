package dev.stowage.scan;

/** Receives the rows of a {@link ScanUnit}. */
@FunctionalInterface
public interface RowSink {
    /**
     * Takes one row; the array belongs to the sink afterwards.
     *
     * @return false when no more rows are wanted; the reader then stops and returns
     */
    boolean accept(Object[] row);
}
