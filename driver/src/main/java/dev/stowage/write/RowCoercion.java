package dev.stowage.write;

import dev.stowage.error.ErrorCode;
import dev.stowage.error.StowageException;
import dev.stowage.scan.Column;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;
import org.apache.calcite.avatica.util.ByteString;
import org.apache.calcite.rel.type.RelDataType;

/**
 * Checks the rows handed to a writer against its columns and turns each value into one Java class per
 * {@link WriteType}: {@link String}, {@link Boolean}, {@link Long} for the integer types, {@link Float},
 * {@link Double}, {@link BigDecimal} at the column's scale, {@link Integer} days or milliseconds of the day for DATE
 * and TIME, {@link Long} milliseconds for the timestamps, and {@code byte[]}. Numeric columns take any
 * {@link Number} that fits; DECIMAL rounds half up to its scale. Coercing a whole row before writing any of it keeps
 * a failing row out of the file.
 */
final class RowCoercion {
    private static final int MILLIS_PER_DAY = 86_400_000;

    private final List<Column> columns;
    private final WriteType[] types;

    /**
     * Creates the coercion of rows of {@code columns}.
     *
     * @throws StowageException {@link ErrorCode#UNSUPPORTED_STATEMENT} for a column of a type files cannot hold
     */
    RowCoercion(List<Column> columns) {
        this.columns = List.copyOf(columns);
        this.types = new WriteType[this.columns.size()];
        for (int i = 0; i < types.length; i++) {
            types[i] = WriteType.of(this.columns.get(i));
        }
    }

    List<Column> columns() {
        return columns;
    }

    /** Returns how column {@code index} is written. */
    WriteType type(int index) {
        return types[index];
    }

    /**
     * Returns {@code row} coerced, in a new array.
     *
     * @throws StowageException {@link ErrorCode#DATA} naming the column for NULL in a column that is not nullable
     *     and for a value out of its column's range
     * @throws IllegalArgumentException for a row of the wrong width or a value of a class its column cannot hold
     */
    Object[] apply(Object[] row) {
        if (row.length != types.length) {
            throw new IllegalArgumentException("a row of " + row.length + " values for " + types.length + " columns");
        }
        Object[] coerced = new Object[row.length];
        for (int i = 0; i < row.length; i++) {
            Column column = columns.get(i);
            if (row[i] == null) {
                if (!column.nullable()) {
                    throw new StowageException(ErrorCode.NOT_NULL_VIOLATION, "NULL cannot be written to column %s, which is NOT"
                            + " NULL", column.name());
                }
                continue;
            }
            coerced[i] = coerce(row[i], column, types[i]);
        }
        return coerced;
    }

    private static Object coerce(Object value, Column column, WriteType type) {
        return switch (type) {
            case STRING -> {
                if (value instanceof CharSequence text) {
                    yield text.toString();
                }
                throw wrongClass(value, column);
            }
            case BOOLEAN -> {
                if (value instanceof Boolean) {
                    yield value;
                }
                throw wrongClass(value, column);
            }
            case TINYINT -> whole(value, column, Byte.MIN_VALUE, Byte.MAX_VALUE);
            case SMALLINT -> whole(value, column, Short.MIN_VALUE, Short.MAX_VALUE);
            case INTEGER -> whole(value, column, Integer.MIN_VALUE, Integer.MAX_VALUE);
            case BIGINT, TIMESTAMP, TIMESTAMP_LTZ -> whole(value, column, Long.MIN_VALUE, Long.MAX_VALUE);
            case REAL -> number(value, column).floatValue();
            case DOUBLE -> number(value, column).doubleValue();
            case DECIMAL -> decimal(value, column);
            case DATE -> (int) whole(value, column, Integer.MIN_VALUE, Integer.MAX_VALUE);
            case TIME -> (int) whole(value, column, 0, MILLIS_PER_DAY - 1);
            case BINARY -> {
                if (value instanceof ByteString bytes) {
                    yield bytes.getBytes();
                }
                if (value instanceof byte[] bytes) {
                    yield bytes.clone();
                }
                throw wrongClass(value, column);
            }
        };
    }

    private static long whole(Object value, Column column, long min, long max) {
        Number number = number(value, column);
        long whole;
        if (number instanceof Long || number instanceof Integer || number instanceof Short
                || number instanceof Byte) {
            whole = number.longValue();
        } else {
            try {
                whole = exact(number, column).longValueExact();
            } catch (ArithmeticException e) {
                throw outOfRange(value, column);
            }
        }
        if (whole < min || whole > max) {
            throw outOfRange(value, column);
        }
        return whole;
    }

    private static BigDecimal decimal(Object value, Column column) {
        BigDecimal decimal = exact(number(value, column), column);
        int precision = column.type().precision();
        int scale = column.type().scale();
        if (scale != RelDataType.SCALE_NOT_SPECIFIED) {
            decimal = decimal.setScale(scale, RoundingMode.HALF_UP);
        }
        if (precision != RelDataType.PRECISION_NOT_SPECIFIED && decimal.precision() > precision) {
            throw outOfRange(value, column);
        }
        return decimal;
    }

    private static BigDecimal exact(Number number, Column column) {
        if (number instanceof BigDecimal decimal) {
            return decimal;
        }
        if (number instanceof BigInteger integer) {
            return new BigDecimal(integer);
        }
        if (number instanceof Double || number instanceof Float) {
            double floating = number.doubleValue();
            if (!Double.isFinite(floating)) {
                throw outOfRange(number, column);
            }
            // the shortest text of a float, not its binary expansion: 0.1f is 0.1
            return new BigDecimal(number instanceof Float ? Float.toString(number.floatValue())
                    : Double.toString(floating));
        }
        return BigDecimal.valueOf(number.longValue());
    }

    private static Number number(Object value, Column column) {
        if (value instanceof Number number) {
            return number;
        }
        throw wrongClass(value, column);
    }

    private static StowageException outOfRange(Object value, Column column) {
        return new StowageException(ErrorCode.DATA, "Value %s is out of range for column %s of type %s", value,
                column.name(), column.type());
    }

    private static IllegalArgumentException wrongClass(Object value, Column column) {
        return new IllegalArgumentException("column " + column.name() + " of type " + column.type()
                + " cannot hold a " + value.getClass().getName());
    }
}
