package dev.stowage.format.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.scan.ColumnType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Random;
import org.apache.calcite.avatica.util.ByteString;
import org.junit.jupiter.api.Test;

/** Field text converts to SQL values as CAST converts it. */
class TextConvertersTest {
    private static Object convert(ColumnType type, String text) throws CastException {
        return TextConverters.of(type, "NaN", false).convert(text.toCharArray(), 0, text.length());
    }

    private static void rejects(ColumnType type, String... texts) {
        for (String text : texts) {
            assertThatThrownBy(() -> convert(type, text)).as(text).isInstanceOf(CastException.class);
        }
    }

    @Test
    void integersAreWholeAndInRange() throws Exception {
        assertThat(convert(ColumnType.INTEGER, " +12 ")).isEqualTo(12);
        assertThat(convert(ColumnType.INTEGER, "-2147483648")).isEqualTo(Integer.MIN_VALUE);
        assertThat(convert(ColumnType.BIGINT, "-9223372036854775808")).isEqualTo(Long.MIN_VALUE);
        assertThat(convert(ColumnType.BIGINT, "0009223372036854775807")).isEqualTo(Long.MAX_VALUE);
        assertThat(convert(ColumnType.TINYINT, "-128")).isEqualTo((byte) -128);
        rejects(ColumnType.INTEGER, "", " ", "-", "1.0", "1e3", "2147483648", "12a", "٣", "0x10");
        rejects(ColumnType.BIGINT, "9223372036854775808", "-9223372036854775809", "99999999999999999999");
        rejects(ColumnType.TINYINT, "128");
    }

    @Test
    void doublesAreExactlyWhatJavaParses() throws Exception {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            String text = switch (i % 4) {
                case 0 -> Double.toString(random.nextDouble() * Math.pow(10, random.nextInt(40) - 20));
                case 1 -> random.nextInt(1_000_000) + "." + random.nextInt(1000);
                case 2 -> String.format("%.17g", random.nextGaussian() * 1e10).trim();
                default -> Long.toString(random.nextLong()) + "e" + (random.nextInt(60) - 30);
            };
            assertThat(convert(ColumnType.DOUBLE, text)).as(text).isEqualTo(Double.parseDouble(text));
        }
        assertThat(convert(ColumnType.DOUBLE, "-0")).isEqualTo(-0.0);
        assertThat(convert(ColumnType.DOUBLE, ".5")).isEqualTo(0.5);
        assertThat(convert(ColumnType.DOUBLE, "NaN")).isEqualTo(Double.NaN);
        assertThat(convert(ColumnType.DOUBLE, "-Infinity")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(convert(ColumnType.DOUBLE, "inf")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(convert(ColumnType.REAL, "1.1")).isEqualTo(1.1f);
        rejects(ColumnType.DOUBLE, "", ".", "e5", "1e", "1d", "0x1p3", "1,5", "1.2.3", "--1");
    }

    @Test
    void decimalsRoundHalfUpToTheirScale() throws Exception {
        assertThat(convert(ColumnType.decimal(5, 2), "1.005")).isEqualTo(new BigDecimal("1.01"));
        assertThat(convert(ColumnType.decimal(5, 2), "-999.994")).isEqualTo(new BigDecimal("-999.99"));
        assertThat(convert(ColumnType.decimal(10, 0), "1e3")).isEqualTo(new BigDecimal("1000"));
        rejects(ColumnType.decimal(5, 2), "1000", "999.995", "abc", "1e999999999");
    }

    @Test
    void booleansAreTrueOrFalse() throws Exception {
        assertThat(convert(ColumnType.BOOLEAN, " True ")).isEqualTo(true);
        assertThat(convert(ColumnType.BOOLEAN, "FALSE")).isEqualTo(false);
        rejects(ColumnType.BOOLEAN, "1", "0", "yes", "t", "");
    }

    @Test
    void datesTimesAndTimestamps() throws Exception {
        assertThat(convert(ColumnType.DATE, "2024-2-29")).isEqualTo((int) LocalDate.of(2024, 2, 29).toEpochDay());
        assertThat(convert(ColumnType.DATE, "1969-12-31 23:00:00")).isEqualTo(-1);
        assertThat(convert(ColumnType.TIME, "7:08:09.5")).isEqualTo((int) (LocalTime.of(7, 8, 9, 500_000_000)
                .toNanoOfDay() / 1_000_000));
        assertThat(convert(ColumnType.TIMESTAMP, "2024-01-31")).isEqualTo(
                LocalDate.of(2024, 1, 31).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli());
        assertThat(convert(ColumnType.TIMESTAMP, "2024-01-31 01:02:03.123456789")).isEqualTo(
                LocalDateTime.of(2024, 1, 31, 1, 2, 3, 123_000_000).toInstant(ZoneOffset.UTC).toEpochMilli());
        assertThat(convert(ColumnType.TIMESTAMP, "2024-01-31T01:02-0130")).isEqualTo(
                LocalDateTime.of(2024, 1, 31, 2, 32).toInstant(ZoneOffset.UTC).toEpochMilli());
        rejects(ColumnType.DATE, "2023-02-29", "2024-13-01", "24-01-01", "2024/01/01", "");
        rejects(ColumnType.TIMESTAMP, "2024-01-31 25:00", "2024-01-31 10:00:00.", "2024-01-31X10:00");
        rejects(ColumnType.TIME, "24:00", "10");
    }

    @Test
    void binaryIsHexOrBase64() throws Exception {
        assertThat(TextConverters.of(ColumnType.VARBINARY, "NaN", false).convert("0aFf".toCharArray(), 0, 4))
                .isEqualTo(new ByteString(new byte[] {0x0a, (byte) 0xff}));
        assertThat(TextConverters.of(ColumnType.VARBINARY, "NaN", true).convert("Cv8=".toCharArray(), 0, 4))
                .isEqualTo(new ByteString(new byte[] {0x0a, (byte) 0xff}));
        rejects(ColumnType.VARBINARY, "abc", "zz", "٣٣");
    }
}
