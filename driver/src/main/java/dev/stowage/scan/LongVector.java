package dev.stowage.scan;

import java.util.Set;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * A column of a type whose internal representation is an integer (TINYINT to BIGINT, DATE, TIME, TIMESTAMP), held as
 * {@code long}s. {@code nulls[row]} tells a NULL, and is only meaningful when {@link #hasNulls()}: a writer sets
 * both for every row it writes, or leaves {@link #hasNulls()} false when none is NULL.
 */
public final class LongVector implements ColumnVector {
    private static final Set<SqlTypeName> TYPES = Set.of(SqlTypeName.TINYINT, SqlTypeName.SMALLINT,
            SqlTypeName.INTEGER, SqlTypeName.BIGINT, SqlTypeName.DATE, SqlTypeName.TIME, SqlTypeName.TIMESTAMP,
            SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE);

    private final ColumnType type;
    private final long[] values;
    private final boolean[] nulls;
    private boolean hasNulls;

    /**
     * Creates a vector of {@code capacity} rows of {@code type}.
     *
     * @throws IllegalArgumentException when {@code type} is not held as a {@code long}
     */
    public LongVector(ColumnType type, int capacity) {
        if (!holds(type)) {
            throw new IllegalArgumentException(type + " is not held as a long");
        }
        this.type = type;
        this.values = new long[capacity];
        this.nulls = new boolean[capacity];
    }

    /** Returns whether values of {@code type} are held in a {@link LongVector}. */
    public static boolean holds(ColumnType type) {
        return TYPES.contains(type.typeName());
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
    public long[] values() {
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
    public Object box(long value) {
        return switch (type.typeName()) {
            case TINYINT -> (byte) value;
            case SMALLINT -> (short) value;
            case INTEGER, DATE, TIME -> (int) value;
            default -> value;
        };
    }
}
