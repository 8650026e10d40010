package dev.stowage.format.parquet;

import dev.stowage.scan.ColumnType;
import java.math.BigDecimal;
import java.util.Map;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Converts a value of a file's column type to the type a query reads it as. Only lossless widenings exist: a
 * narrower integer to a wider one, to a DECIMAL with room for it, or (up to INTEGER) to DOUBLE; REAL to DOUBLE; a
 * DECIMAL to one with at least as many integer and fraction digits; and TIMESTAMP to and from TIMESTAMP WITH LOCAL
 * TIME ZONE, which share their representation.
 */
@FunctionalInterface
interface ValueConversion {
    /** Returns the value unchanged. */
    ValueConversion IDENTITY = value -> value;

    /** The integer types by width, with the decimal digits each needs. */
    Map<SqlTypeName, Integer> INTEGER_DIGITS = Map.of(
            SqlTypeName.TINYINT, 3, SqlTypeName.SMALLINT, 5, SqlTypeName.INTEGER, 10, SqlTypeName.BIGINT, 19);

    /** Converts a non-null value. */
    Object apply(Object value);

    /** Returns the conversion from {@code from} to {@code to}, or null when a value of one is no value of the other. */
    static ValueConversion between(ColumnType from, ColumnType to) {
        SqlTypeName source = from.typeName();
        SqlTypeName target = to.typeName();
        if (source == SqlTypeName.DECIMAL && target == SqlTypeName.DECIMAL) {
            if (to.scale() < from.scale() || to.precision() - to.scale() < from.precision() - from.scale()) {
                return null;
            }
            int scale = to.scale();
            return from.scale() == scale ? IDENTITY : value -> ((BigDecimal) value).setScale(scale);
        }
        if (source == target || isTimestamp(source) && isTimestamp(target)) {
            return IDENTITY;
        }
        Integer digits = INTEGER_DIGITS.get(source);
        if (digits != null) {
            return fromInteger(digits, to);
        }
        if (source == SqlTypeName.REAL && target == SqlTypeName.DOUBLE) {
            return value -> Double.valueOf(((Float) value).doubleValue());
        }
        return null;
    }

    private static ValueConversion fromInteger(int digits, ColumnType to) {
        Integer targetDigits = INTEGER_DIGITS.get(to.typeName());
        if (targetDigits != null) {
            if (targetDigits < digits) {
                return null;
            }
            return switch (to.typeName()) {
                case SMALLINT -> value -> Short.valueOf(((Number) value).shortValue());
                case INTEGER -> value -> Integer.valueOf(((Number) value).intValue());
                default -> value -> Long.valueOf(((Number) value).longValue());
            };
        }
        return switch (to.typeName()) {
            case DECIMAL -> to.precision() - to.scale() < digits ? null
                    : value -> BigDecimal.valueOf(((Number) value).longValue()).setScale(to.scale());
            case DOUBLE -> digits > 10 ? null : value -> Double.valueOf(((Number) value).doubleValue());
            case REAL -> digits > 5 ? null : value -> Float.valueOf(((Number) value).floatValue());
            default -> null;
        };
    }

    private static boolean isTimestamp(SqlTypeName type) {
        return type == SqlTypeName.TIMESTAMP || type == SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE;
    }
}
