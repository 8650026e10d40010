package dev.stowage.write;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;

/**
 * The text of values as Databend's unload formats print them (2025-11): dates {@code yyyy-MM-dd}, timestamps
 * {@code yyyy-MM-dd HH:mm:ss.ffffff} (microseconds always), times like a timestamp's time part, binary as upper-case
 * hex or Base64, decimals plain, and floating-point numbers in their shortest round-trip digits laid out as
 * Databend's number writer lays them out.
 */
final class DatabendText {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS", Locale.ROOT);
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS", Locale.ROOT);
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    /** Decimal exponents outside this range are written in scientific notation. */
    private static final int MIN_PLAIN_EXPONENT = -5;
    private static final int MAX_PLAIN_EXPONENT = 9;
    /** Whether {@link Double#toString} gives the shortest digits (of at least two), as it does from Java 19 on. */
    private static final boolean SHORTEST_TO_STRING = Runtime.version().feature() >= 19;

    private DatabendText() {
    }

    /** Returns the date {@code days} after 1970-01-01. */
    static String date(int days) {
        return LocalDate.ofEpochDay(days).format(DATE);
    }

    /** Returns the time {@code millis} after midnight. */
    static String time(int millis) {
        return LocalTime.ofNanoOfDay(millis * 1_000_000L).format(TIME);
    }

    /** Returns the timestamp {@code millis} after 1970-01-01 00:00, read in UTC. */
    static String timestamp(long millis) {
        long seconds = Math.floorDiv(millis, 1000L);
        int nanos = (int) Math.floorMod(millis, 1000L) * 1_000_000;
        return LocalDateTime.ofEpochSecond(seconds, nanos, ZoneOffset.UTC).format(TIMESTAMP);
    }

    /** Returns {@code value} as a plain decimal, never with an exponent. */
    static String decimal(BigDecimal value) {
        return value.toPlainString();
    }

    /** Returns {@code bytes} as upper-case hex, two digits a byte. */
    static String hex(byte[] bytes) {
        char[] text = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            text[2 * i] = HEX[(bytes[i] >> 4) & 0xF];
            text[2 * i + 1] = HEX[bytes[i] & 0xF];
        }
        return new String(text);
    }

    /** Returns {@code bytes} in standard padded Base64. */
    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /**
     * Returns a finite REAL or DOUBLE: the shortest digits that read back as the same value, as a decimal with at
     * least one fraction digit ({@code 1.0}, {@code 0.00001}, {@code 1000000000.0}) when the decimal exponent is
     * between -5 and 9, otherwise scientific with a lower-case {@code e} ({@code 1.0e10}, {@code 1.5e-7}).
     *
     * @param single whether the value is a REAL, whose shortest digits are fewer
     */
    static String floating(double value, boolean single) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("not a finite number: " + value);
        }
        String sign = Double.doubleToRawLongBits(value) < 0 ? "-" : "";
        if (value == 0) {
            return sign + "0.0";
        }
        BigDecimal shortest = shortestDigits(value, single);
        String digits = shortest.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - shortest.scale();
        StringBuilder text = new StringBuilder(sign);
        if (exponent < MIN_PLAIN_EXPONENT || exponent > MAX_PLAIN_EXPONENT) {
            text.append(digits.charAt(0)).append('.');
            text.append(digits.length() > 1 ? digits.substring(1) : "0");
            return text.append('e').append(exponent).toString();
        }
        if (exponent < 0) {
            text.append("0.").append("0".repeat(-exponent - 1)).append(digits);
        } else if (exponent + 1 >= digits.length()) {
            text.append(digits).append("0".repeat(exponent + 1 - digits.length())).append(".0");
        } else {
            text.append(digits, 0, exponent + 1).append('.').append(digits, exponent + 1, digits.length());
        }
        return text.toString();
    }

    /** Returns the decimal of fewest significant digits that reads back as {@code value}. */
    private static BigDecimal shortestDigits(double value, boolean single) {
        BigDecimal fromJava = new BigDecimal(single ? Float.toString((float) value) : Double.toString(value))
                .stripTrailingZeros();
        int most = fromJava.precision();
        // from Java 19 on these are the shortest digits, except that two may be given where one would do
        if (SHORTEST_TO_STRING && most > 2) {
            return fromJava;
        }
        // the nearest decimal of n digits reads back whenever any does, and then so does the nearest of n + 1
        BigDecimal exact = new BigDecimal(value);
        int fewest = 1;
        while (fewest < most) {
            int digits = (fewest + most) >>> 1;
            if (readsBack(exact.round(new MathContext(digits, RoundingMode.HALF_EVEN)), value, single)) {
                most = digits;
            } else {
                fewest = digits + 1;
            }
        }
        return exact.round(new MathContext(most, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    }

    private static boolean readsBack(BigDecimal decimal, double value, boolean single) {
        return single ? decimal.floatValue() == (float) value : decimal.doubleValue() == value;
    }
}
