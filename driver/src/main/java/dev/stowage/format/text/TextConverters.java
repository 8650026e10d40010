package dev.stowage.format.text;

import dev.stowage.scan.ColumnType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Base64;
import org.apache.calcite.avatica.util.ByteString;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The {@link TextConverter}s of the SQL types, with SQL CAST semantics: surrounding whitespace is ignored (except
 * for strings), integers must be whole and in range, DECIMAL rounds half up to its scale, BOOLEAN takes
 * {@code true}/{@code false} in any case, DATE {@code yyyy-M[M]-d[d]} (or a timestamp's date), TIMESTAMP
 * {@code yyyy-MM-dd[( |T)HH:mm[:ss[.fffffffff]]][Z|±HH[:mm]]} (an offset converts to UTC; fractions beyond
 * milliseconds are truncated), TIME {@code HH:mm[:ss[.fff]]}.
 */
final class TextConverters {
    private static final long MILLIS_PER_DAY = 86_400_000L;
    /** Powers of ten a double holds exactly: the range of Clinger's fast path. */
    private static final double[] POWERS_OF_TEN = new double[23];
    private static final long MAX_EXACT_MANTISSA = 1L << 53;

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    private TextConverters() {
    }

    /**
     * Returns the converter to {@code type}.
     *
     * @param nanDisplay the text besides {@code nan} that is NaN for REAL and DOUBLE
     * @param base64 whether binary text is Base64 rather than hex
     * @throws IllegalArgumentException when text does not convert to {@code type} at all
     */
    static TextConverter of(ColumnType type, String nanDisplay, boolean base64) {
        FieldVectorWriter.LongParser longs = longParser(type);
        if (longs != null) {
            return switch (type.typeName()) {
                case TINYINT -> (c, o, l) -> (byte) longs.parse(c, o, l);
                case SMALLINT -> (c, o, l) -> (short) longs.parse(c, o, l);
                case INTEGER, DATE, TIME -> (c, o, l) -> (int) longs.parse(c, o, l);
                default -> longs::parse;
            };
        }
        FieldVectorWriter.DoubleParser doubles = doubleParser(type, nanDisplay);
        if (doubles != null) {
            return type.typeName() == SqlTypeName.DOUBLE ? doubles::parse : (c, o, l) -> (float) doubles.parse(c, o, l);
        }
        return switch (type.typeName()) {
            case CHAR, VARCHAR -> String::new;
            case BOOLEAN -> TextConverters::toBoolean;
            case DECIMAL -> (c, o, l) -> toDecimal(c, o, l, type.precision(), type.scale());
            case BINARY, VARBINARY -> base64 ? TextConverters::fromBase64 : TextConverters::fromHex;
            default -> throw new IllegalArgumentException("text cannot be read as " + type);
        };
    }

    /**
     * Returns the parser of {@code type}'s values held as {@code long}s (integers in their type's range, dates as
     * days, times as milliseconds of the day, timestamps as epoch milliseconds), or null for any other type.
     */
    static FieldVectorWriter.LongParser longParser(ColumnType type) {
        return switch (type.typeName()) {
            case TINYINT -> (c, o, l) -> toLong(c, o, l, Byte.MIN_VALUE, Byte.MAX_VALUE);
            case SMALLINT -> (c, o, l) -> toLong(c, o, l, Short.MIN_VALUE, Short.MAX_VALUE);
            case INTEGER -> (c, o, l) -> toLong(c, o, l, Integer.MIN_VALUE, Integer.MAX_VALUE);
            case BIGINT -> (c, o, l) -> toLong(c, o, l, Long.MIN_VALUE, Long.MAX_VALUE);
            case DATE -> TextConverters::toDate;
            case TIME -> TextConverters::toTime;
            case TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE -> TextConverters::toTimestamp;
            default -> null;
        };
    }

    /**
     * Returns the parser of REAL, FLOAT (rounded to {@code float}) and DOUBLE values as {@code double}s, or null for
     * any other type; {@code nanDisplay} is the text besides {@code nan} that is NaN.
     */
    static FieldVectorWriter.DoubleParser doubleParser(ColumnType type, String nanDisplay) {
        return switch (type.typeName()) {
            case REAL, FLOAT -> (c, o, l) -> (float) toFloating(c, o, l, nanDisplay, true);
            case DOUBLE -> (c, o, l) -> toFloating(c, o, l, nanDisplay, false);
            default -> null;
        };
    }

    /**
     * Returns the zero value of {@code type} ('' for strings, 0, false, 1970-01-01, ...): Databend's default of a NOT
     * NULL column without a DEFAULT clause.
     */
    static Object fieldDefault(ColumnType type) {
        return switch (type.typeName()) {
            case BOOLEAN -> Boolean.FALSE;
            case TINYINT -> (byte) 0;
            case SMALLINT -> (short) 0;
            case INTEGER, DATE, TIME -> 0;
            case BIGINT, TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE -> 0L;
            case REAL, FLOAT -> 0f;
            case DOUBLE -> 0d;
            case DECIMAL -> type.scale() == RelDataType.SCALE_NOT_SPECIFIED ? BigDecimal.ZERO
                    : BigDecimal.ZERO.setScale(type.scale());
            case BINARY, VARBINARY -> ByteString.EMPTY;
            default -> "";
        };
    }

    /** Returns whether the text is a whole number that fits a BIGINT. */
    static boolean isBigint(char[] chars, int offset, int length) {
        try {
            toLong(chars, offset, length, Long.MIN_VALUE, Long.MAX_VALUE);
            return true;
        } catch (CastException e) {
            return false;
        }
    }

    static Boolean toBoolean(char[] chars, int offset, int length) throws CastException {
        int start = trimStart(chars, offset, offset + length);
        int end = trimEnd(chars, start, offset + length);
        if (equalsIgnoreCase(chars, start, end, "true")) {
            return Boolean.TRUE;
        }
        if (equalsIgnoreCase(chars, start, end, "false")) {
            return Boolean.FALSE;
        }
        throw new CastException(null);
    }

    /**
     * Parses a whole number in {@code [min, max]}; past 18 digits it accumulates negatively, so Long.MIN_VALUE
     * parses.
     */
    static long toLong(char[] chars, int offset, int length, long min, long max) throws CastException {
        int start = trimStart(chars, offset, offset + length);
        int end = trimEnd(chars, start, offset + length);
        if (start == end) {
            throw new CastException(null);
        }
        boolean negative = false;
        char first = chars[start];
        if (first == '-' || first == '+') {
            negative = first == '-';
            if (++start == end) {
                throw new CastException(null);
            }
        }
        if (end - start <= 18) {
            // 18 digits cannot overflow a long
            long result = 0;
            for (int i = start; i < end; i++) {
                int digit = chars[i] - '0';
                if (digit < 0 || digit > 9) {
                    throw new CastException(null);
                }
                result = result * 10 + digit;
            }
            long value = negative ? -result : result;
            if (value < min || value > max) {
                throw new CastException("out of range");
            }
            return value;
        }
        long limit = negative ? Long.MIN_VALUE : -Long.MAX_VALUE;
        long multiplyLimit = limit / 10;
        long result = 0;
        boolean overflow = false;
        for (int i = start; i < end; i++) {
            int digit = chars[i] - '0';
            if (digit < 0 || digit > 9) {
                throw new CastException(null);
            }
            if (result < multiplyLimit || result * 10 < limit + digit) {
                overflow = true;
            } else {
                result = result * 10 - digit;
            }
        }
        long value = negative ? result : -result;
        if (overflow || value < min || value > max) {
            throw new CastException("out of range");
        }
        return value;
    }

    /**
     * Parses a floating-point number: {@code [+-]digits[.digits][(e|E)[+-]digits]}, {@code nan}, {@code inf},
     * {@code infinity} (any case) or {@code nanDisplay}. A mantissa below 2^53 with a power of ten up to 22
     * computes exactly (Clinger's fast path); the rest goes to {@link Double#parseDouble} once the syntax is checked,
     * so Java-only forms ({@code 1d}, {@code 0x1p3}) are rejected.
     */
    static double toFloating(char[] chars, int offset, int length, String nanDisplay, boolean single)
            throws CastException {
        int start = trimStart(chars, offset, offset + length);
        int end = trimEnd(chars, start, offset + length);
        int i = start;
        boolean negative = false;
        if (i < end && (chars[i] == '-' || chars[i] == '+')) {
            negative = chars[i] == '-';
            i++;
        }
        long mantissa = 0;
        int digitsStart = i;
        for (; i < end; i++) {
            int digit = chars[i] - '0';
            if (digit < 0 || digit > 9) {
                break;
            }
            mantissa = mantissa * 10 + digit;
        }
        int digits = i - digitsStart;
        int fraction = 0;
        if (i < end && chars[i] == '.') {
            int fractionStart = ++i;
            for (; i < end; i++) {
                int digit = chars[i] - '0';
                if (digit < 0 || digit > 9) {
                    break;
                }
                mantissa = mantissa * 10 + digit;
            }
            fraction = i - fractionStart;
            digits += fraction;
        }
        if (digits == 0) {
            return special(chars, start, end, nanDisplay);
        }
        int exponent = -fraction;
        if (i < end && (chars[i] == 'e' || chars[i] == 'E')) {
            i++;
            boolean negativeExponent = false;
            if (i < end && (chars[i] == '-' || chars[i] == '+')) {
                negativeExponent = chars[i] == '-';
                i++;
            }
            if (i == end) {
                throw new CastException(null);
            }
            int written = 0;
            for (; i < end && chars[i] >= '0' && chars[i] <= '9'; i++) {
                written = Math.min(written * 10 + (chars[i] - '0'), 100_000);
            }
            exponent += negativeExponent ? -written : written;
        }
        if (i != end) {
            return special(chars, start, end, nanDisplay);
        }
        // with at most 18 digits the mantissa did not overflow; below 2^53 it and the power of ten are exact
        if (!single && digits <= 18 && mantissa < MAX_EXACT_MANTISSA && Math.abs(exponent) <= 22) {
            double value = exponent >= 0 ? mantissa * POWERS_OF_TEN[exponent] : mantissa / POWERS_OF_TEN[-exponent];
            return negative ? -value : value;
        }
        String text = new String(chars, start, end - start);
        return single ? Float.parseFloat(text) : Double.parseDouble(text);
    }

    private static double special(char[] chars, int start, int end, String nanDisplay) throws CastException {
        if (equalsIgnoreCase(chars, start, end, "nan") || new String(chars, start, end - start).equals(nanDisplay)) {
            return Double.NaN;
        }
        int i = start;
        boolean negative = false;
        if (i < end && (chars[i] == '-' || chars[i] == '+')) {
            negative = chars[i] == '-';
            i++;
        }
        if (equalsIgnoreCase(chars, i, end, "inf") || equalsIgnoreCase(chars, i, end, "infinity")) {
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        throw new CastException(null);
    }

    static BigDecimal toDecimal(char[] chars, int offset, int length, int precision, int scale) throws CastException {
        int start = trimStart(chars, offset, offset + length);
        int end = trimEnd(chars, start, offset + length);
        BigDecimal value;
        try {
            value = new BigDecimal(chars, start, end - start);
        } catch (NumberFormatException e) {
            throw new CastException(null);
        }
        if (scale == RelDataType.SCALE_NOT_SPECIFIED) {
            return value;
        }
        // checked before rounding, so a huge exponent fails here instead of allocating its digits
        if (precision != RelDataType.PRECISION_NOT_SPECIFIED && value.signum() != 0
                && value.precision() - value.scale() > precision - scale) {
            throw new CastException("out of range");
        }
        value = value.setScale(scale, RoundingMode.HALF_UP);
        if (precision != RelDataType.PRECISION_NOT_SPECIFIED && value.precision() > precision
                && value.signum() != 0) {
            throw new CastException("out of range");
        }
        return value;
    }

    static int toDate(char[] chars, int offset, int length) throws CastException {
        int start = trimStart(chars, offset, offset + length);
        int end = trimEnd(chars, start, offset + length);
        if (end - start > 10) {
            return (int) Math.floorDiv(timestamp(chars, start, end), MILLIS_PER_DAY);
        }
        DateTimeCursor cursor = new DateTimeCursor(chars, start, end);
        long day = cursor.date();
        cursor.expectEnd();
        return (int) day;
    }

    static int toTime(char[] chars, int offset, int length) throws CastException {
        int start = trimStart(chars, offset, offset + length);
        int end = trimEnd(chars, start, offset + length);
        DateTimeCursor cursor = new DateTimeCursor(chars, start, end);
        int millis = cursor.time();
        cursor.expectEnd();
        return millis;
    }

    static long toTimestamp(char[] chars, int offset, int length) throws CastException {
        int start = trimStart(chars, offset, offset + length);
        int end = trimEnd(chars, start, offset + length);
        return timestamp(chars, start, end);
    }

    private static long timestamp(char[] chars, int start, int end) throws CastException {
        DateTimeCursor cursor = new DateTimeCursor(chars, start, end);
        long millis = cursor.date() * MILLIS_PER_DAY;
        if (cursor.more() && (cursor.peek() == ' ' || cursor.peek() == 'T')) {
            cursor.skip();
            millis += cursor.time();
            millis -= cursor.offsetMillis();
        }
        cursor.expectEnd();
        return millis;
    }

    static ByteString fromHex(char[] chars, int offset, int length) throws CastException {
        if (length % 2 != 0) {
            throw new CastException("odd number of hex digits");
        }
        byte[] bytes = new byte[length / 2];
        for (int i = 0; i < bytes.length; i++) {
            int high = hexDigit(chars[offset + 2 * i]);
            int low = hexDigit(chars[offset + 2 * i + 1]);
            if (high < 0 || low < 0) {
                throw new CastException("not hex");
            }
            bytes[i] = (byte) (high << 4 | low);
        }
        return new ByteString(bytes);
    }

    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    static ByteString fromBase64(char[] chars, int offset, int length) throws CastException {
        try {
            return new ByteString(Base64.getDecoder().decode(new String(chars, offset, length)));
        } catch (IllegalArgumentException e) {
            throw new CastException("not Base64");
        }
    }

    static int trimStart(char[] chars, int start, int end) {
        while (start < end && chars[start] <= ' ') {
            start++;
        }
        return start;
    }

    static int trimEnd(char[] chars, int start, int end) {
        while (end > start && chars[end - 1] <= ' ') {
            end--;
        }
        return end;
    }

    private static boolean equalsIgnoreCase(char[] chars, int start, int end, String word) {
        if (end - start != word.length()) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            char c = chars[start + i];
            if ((c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c) != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Reads the parts of a date, time or timestamp text in order. */
    private static final class DateTimeCursor {
        private final char[] chars;
        private final int end;
        private int position;

        DateTimeCursor(char[] chars, int start, int end) {
            this.chars = chars;
            this.position = start;
            this.end = end;
        }

        boolean more() {
            return position < end;
        }

        char peek() {
            return chars[position];
        }

        void skip() {
            position++;
        }

        void expectEnd() throws CastException {
            if (position != end) {
                throw new CastException(null);
            }
        }

        /** Reads {@code yyyy-M[M]-d[d]} and returns its day since 1970-01-01. */
        long date() throws CastException {
            int year = number(4, 4);
            expect('-');
            int month = number(1, 2);
            expect('-');
            int day = number(1, 2);
            try {
                return LocalDate.of(year, month, day).toEpochDay();
            } catch (DateTimeException e) {
                throw new CastException("no such date");
            }
        }

        /** Reads {@code H[H]:mm[:ss[.f...]]} and returns its millisecond of the day. */
        int time() throws CastException {
            int hour = number(1, 2);
            expect(':');
            int minute = number(2, 2);
            int second = 0;
            int millis = 0;
            if (more() && peek() == ':') {
                skip();
                second = number(2, 2);
                if (more() && peek() == '.') {
                    skip();
                    int digits = 0;
                    for (; more() && peek() >= '0' && peek() <= '9'; skip(), digits++) {
                        if (digits < 3) {
                            millis = millis * 10 + (peek() - '0');
                        }
                    }
                    if (digits == 0 || digits > 9) {
                        throw new CastException(null);
                    }
                    for (int i = digits; i < 3; i++) {
                        millis *= 10;
                    }
                }
            }
            if (hour > 23 || minute > 59 || second > 59) {
                throw new CastException("no such time");
            }
            return ((hour * 60 + minute) * 60 + second) * 1000 + millis;
        }

        /** Reads an optional {@code Z} or {@code ±HH[[:]mm]} and returns its offset from UTC. */
        long offsetMillis() throws CastException {
            if (!more()) {
                return 0;
            }
            char sign = peek();
            if (sign == 'Z' || sign == 'z') {
                skip();
                return 0;
            }
            if (sign != '+' && sign != '-') {
                throw new CastException(null);
            }
            skip();
            int hours = number(2, 2);
            int minutes = 0;
            if (more()) {
                if (peek() == ':') {
                    skip();
                }
                minutes = number(2, 2);
            }
            if (hours > 18 || minutes > 59) {
                throw new CastException("no such offset");
            }
            long offset = (hours * 60L + minutes) * 60_000L;
            return sign == '-' ? -offset : offset;
        }

        private int number(int minDigits, int maxDigits) throws CastException {
            int value = 0;
            int digits = 0;
            while (more() && digits < maxDigits && peek() >= '0' && peek() <= '9') {
                value = value * 10 + (peek() - '0');
                skip();
                digits++;
            }
            if (digits < minDigits) {
                throw new CastException(null);
            }
            return value;
        }

        private void expect(char c) throws CastException {
            if (!more() || peek() != c) {
                throw new CastException(null);
            }
            skip();
        }
    }
}
