package dev.stowage.format.text;

import dev.stowage.scan.ColumnType;

/**
 * Guesses the type of a CSV or TSV value for schema inference: {@code true}/{@code false} (any case) are BOOLEAN,
 * whole numbers that fit are BIGINT, other decimal numbers DOUBLE, {@code yyyy-MM-dd} DATE, a date with a time
 * TIMESTAMP, anything else VARCHAR. Text with surrounding whitespace is VARCHAR, and NaN or infinity are not numbers,
 * so that a column is only typed when every value is plainly of the type.
 */
final class TextTypeInference {
    private TextTypeInference() {
    }

    /** Returns the type of the non-empty value {@code chars[offset, offset + length)}. */
    static ColumnType of(char[] chars, int offset, int length) {
        int end = offset + length;
        if (chars[offset] <= ' ' || chars[end - 1] <= ' ') {
            return ColumnType.VARCHAR;
        }
        try {
            TextConverters.toBoolean(chars, offset, length);
            return ColumnType.BOOLEAN;
        } catch (CastException e) {
            // not a boolean; try the next type
        }
        if (isInteger(chars, offset, end)) {
            return TextConverters.isBigint(chars, offset, length) ? ColumnType.BIGINT : ColumnType.DOUBLE;
        }
        if (isDecimal(chars, offset, end)) {
            return ColumnType.DOUBLE;
        }
        if (length >= 8 && chars[offset] >= '0' && chars[offset] <= '9') {
            try {
                if (length <= 10) {
                    TextConverters.toDate(chars, offset, length);
                    return ColumnType.DATE;
                }
                TextConverters.toTimestamp(chars, offset, length);
                return ColumnType.TIMESTAMP;
            } catch (CastException e) {
                // not a date or timestamp either
            }
        }
        return ColumnType.VARCHAR;
    }

    private static boolean isInteger(char[] chars, int start, int end) {
        int i = start;
        if (chars[i] == '-' || chars[i] == '+') {
            i++;
        }
        if (i == end) {
            return false;
        }
        for (; i < end; i++) {
            if (chars[i] < '0' || chars[i] > '9') {
                return false;
            }
        }
        return true;
    }

    /** Returns whether the text is {@code [+-]digits[.digits][(e|E)[+-]digits]} with a digit before the exponent. */
    private static boolean isDecimal(char[] chars, int start, int end) {
        int i = start;
        if (chars[i] == '-' || chars[i] == '+') {
            i++;
        }
        int digits = 0;
        while (i < end && chars[i] >= '0' && chars[i] <= '9') {
            i++;
            digits++;
        }
        if (i < end && chars[i] == '.') {
            i++;
            while (i < end && chars[i] >= '0' && chars[i] <= '9') {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < end && (chars[i] == 'e' || chars[i] == 'E')) {
            i++;
            if (i < end && (chars[i] == '-' || chars[i] == '+')) {
                i++;
            }
            int exponentDigits = 0;
            while (i < end && chars[i] >= '0' && chars[i] <= '9') {
                i++;
                exponentDigits++;
            }
            if (exponentDigits == 0) {
                return false;
            }
        }
        return i == end;
    }
}
