package dev.stowage.scan;

/** Receives the rows of a {@link ScanUnit} batch by batch. */
@FunctionalInterface
public interface BatchSink {
    /**
     * Takes the next rows; the batch is only valid during the call, the reader refills it afterwards.
     *
     * @return false when no more rows are wanted; the reader then stops and returns
     */
    boolean accept(ColumnBatch batch);
}
