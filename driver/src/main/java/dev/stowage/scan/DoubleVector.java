package dev.stowage.scan;

import org.apache.calcite.sql.type.SqlTypeName;

/**
 * A column of REAL or DOUBLE, held as {@code double}s (a REAL's value is its {@code float} widened, exactly).
 * {@code nulls[row]} tells a NULL, and is only meaningful when {@link #hasNulls()}: a writer sets both for every row
 * it writes, or leaves {@link #hasNulls()} false when none is NULL.
 */
public final class DoubleVector implements ColumnVector {
    private final ColumnType type;
    private final boolean real;
    private final double[] values;
    private final boolean[] nulls;
    private boolean hasNulls;

    /**
     * Creates a vector of {@code capacity} rows of {@code type}.
     *
     * @throws IllegalArgumentException when {@code type} is not REAL, FLOAT or DOUBLE
     */
    public DoubleVector(ColumnType type, int capacity) {
        if (!holds(type)) {
            throw new IllegalArgumentException(type + " is not held as a double");
        }
        this.type = type;
        this.real = type.typeName() != SqlTypeName.DOUBLE;
        this.values = new double[capacity];
        this.nulls = new boolean[capacity];
    }

    /** Returns whether values of {@code type} are held in a {@link DoubleVector}. */
    public static boolean holds(ColumnType type) {
        SqlTypeName name = type.typeName();
        return name == SqlTypeName.REAL || name == SqlTypeName.FLOAT || name == SqlTypeName.DOUBLE;
    }

    @Override
    public ColumnType type() {
        return type;
    }

    @Override
    public int capacity() {
        return values.length;
    }

    /** Returns the values; a NULL row's value is meaningless. */
    public double[] values() {
        return values;
    }

    /** Returns the NULL flags, meaningful only when {@link #hasNulls()}. */
    public boolean[] nulls() {
        return nulls;
    }

    /** Returns whether any row of the batch may be NULL. */
    public boolean hasNulls() {
        return hasNulls;
    }

    /** Sets whether any row of the batch may be NULL. */
    public void hasNulls(boolean hasNulls) {
        this.hasNulls = hasNulls;
    }

    @Override
    public boolean isNull(int row) {
        return hasNulls && nulls[row];
    }

    @Override
    public Object get(int row) {
        return isNull(row) ? null : box(values[row]);
    }

    /** Returns {@code value} in the internal representation of this vector's type. */
    public Object box(double value) {
        return real ? (Object) (float) value : (Object) value;
    }
}
