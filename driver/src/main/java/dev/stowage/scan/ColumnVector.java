package dev.stowage.scan;

/**
 * The values of one column for the rows of a {@link ColumnBatch}: integers and floating-point numbers as primitives
 * ({@link LongVector}, {@link DoubleVector}), anything else as objects ({@link ObjectVector}). A vector is a reused
 * buffer: its content is valid only while the batch is handed to its consumer.
 */
public sealed interface ColumnVector permits LongVector, DoubleVector, ObjectVector {
    /**
     * Returns the column's type, whose internal representation ({@link ColumnType}) {@link #get} returns; null for
     * an {@link ObjectVector} whose reader does not tell it.
     */
    ColumnType type();

    /** Returns how many rows the vector can hold. */
    int capacity();

    /** Returns whether the value of {@code row} is NULL. */
    boolean isNull(int row);

    /** Returns the value of {@code row} in the internal representation of {@link #type()}, or null for NULL. */
    Object get(int row);
}
