package dev.stowage.write;

import dev.stowage.scan.Column;
import dev.stowage.scan.ColumnType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.calcite.avatica.util.ByteString;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeName;

/** A column of every type the writers take, and rows of values as a query hands them over. */
final class SampleRows {
    /** TIME and TIMESTAMP with millisecond precision, as the Parquet reader types them. */
    static final ColumnType TIME = new ColumnType(SqlTypeName.TIME, 3, RelDataType.SCALE_NOT_SPECIFIED);
    static final ColumnType TIMESTAMP = new ColumnType(SqlTypeName.TIMESTAMP, 3, RelDataType.SCALE_NOT_SPECIFIED);
    static final ColumnType TIMESTAMP_LTZ =
            new ColumnType(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, 3, RelDataType.SCALE_NOT_SPECIFIED);

    private SampleRows() {
    }

    /** Returns the columns, all nullable or all NOT NULL. */
    static List<Column> columns(boolean nullable) {
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("s", ColumnType.VARCHAR, nullable));
        columns.add(new Column("b", ColumnType.BOOLEAN, nullable));
        columns.add(new Column("i8", ColumnType.TINYINT, nullable));
        columns.add(new Column("i16", ColumnType.SMALLINT, nullable));
        columns.add(new Column("i32", ColumnType.INTEGER, nullable));
        columns.add(new Column("i64", ColumnType.BIGINT, nullable));
        columns.add(new Column("f32", ColumnType.REAL, nullable));
        columns.add(new Column("f64", ColumnType.DOUBLE, nullable));
        columns.add(new Column("d9", ColumnType.decimal(9, 2), nullable));
        columns.add(new Column("d18", ColumnType.decimal(18, 4), nullable));
        columns.add(new Column("d38", ColumnType.decimal(38, 10), nullable));
        columns.add(new Column("dt", ColumnType.DATE, nullable));
        columns.add(new Column("t", TIME, nullable));
        columns.add(new Column("ts", TIMESTAMP, nullable));
        columns.add(new Column("ltz", TIMESTAMP_LTZ, nullable));
        columns.add(new Column("bin", ColumnType.VARBINARY, nullable));
        return columns;
    }

    /** Returns two rows of values at and around the edges of their types. */
    static List<Object[]> values() {
        Object[] first = {
            "héllo, \"wörld\"\nnext line\ttab \\ back / slash \u2028 'single'",
            true, (byte) -128, (short) 32767, Integer.MIN_VALUE, Long.MAX_VALUE,
            Float.MAX_VALUE, 0.1 + 0.2,
            new BigDecimal("-1234567.89"), new BigDecimal("12345678901234.5678"),
            new BigDecimal("-1234567890123456789012345678.0123456789"),
            days(2024, 2, 29), (int) (LocalTime.of(23, 59, 59, 999_000_000).toNanoOfDay() / 1_000_000),
            LocalDateTime.of(2024, 2, 29, 12, 34, 56, 789_000_000).toInstant(ZoneOffset.UTC).toEpochMilli(),
            Instant.parse("2001-09-09T01:46:40.001Z").toEpochMilli(),
            new ByteString(new byte[] {0, (byte) 0xFF, 0x10, 0x7F}),
        };
        Object[] second = {
            "", false, (byte) 127, (short) -32768, 0, Long.MIN_VALUE,
            -1.5e-7f, 1.0E23,
            new BigDecimal("0.00"), new BigDecimal("-0.0001"),
            new BigDecimal("9999999999999999999999999999.9999999999"),
            -1, 0, -1L, 0L,
            new ByteString(new byte[] {1}),
        };
        List<Object[]> rows = new ArrayList<>();
        rows.add(first);
        rows.add(second);
        return rows;
    }

    /** Returns {@link #values()} and a row of NULLs between them. */
    static List<Object[]> valuesAndNulls() {
        List<Object[]> rows = values();
        rows.add(1, Collections.nCopies(rows.get(0).length, null).toArray());
        return rows;
    }

    /** Returns the day since 1970-01-01 of a date. */
    static int days(int year, int month, int day) {
        return (int) LocalDate.of(year, month, day).toEpochDay();
    }

    /** Returns the milliseconds since 1970-01-01 00:00 of a timestamp. */
    static long millis(int year, int month, int day, int hour, int minute, int second, int milli) {
        return LocalDateTime.of(year, month, day, hour, minute, second, milli * 1_000_000)
                .toInstant(ZoneOffset.UTC).toEpochMilli();
    }
}
