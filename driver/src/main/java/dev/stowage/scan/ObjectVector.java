package dev.stowage.scan;

/** A column of values in their internal representation ({@link ColumnType}), null for NULL. */
public final class ObjectVector implements ColumnVector {
    private final ColumnType type;
    private final Object[] values;

    /** Creates a vector of {@code capacity} rows of {@code type}; {@code type} may be null when it is not known. */
    public ObjectVector(ColumnType type, int capacity) {
        this.type = type;
        this.values = new Object[capacity];
    }

    @Override
    public ColumnType type() {
        return type;
    }

    @Override
    public int capacity() {
        return values.length;
    }

    /** Returns the values. */
    public Object[] values() {
        return values;
    }

    @Override
    public boolean isNull(int row) {
        return values[row] == null;
    }

    @Override
    public Object get(int row) {
        return values[row];
    }
}
