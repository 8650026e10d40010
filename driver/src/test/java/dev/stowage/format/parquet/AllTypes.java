package dev.stowage.format.parquet;

import dev.stowage.scan.ColumnType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.apache.calcite.avatica.util.ByteString;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.NanoTime;
import org.apache.parquet.io.api.Binary;

/**
 * One column of every Parquet physical and logical type, with the value the fixture row stores and what a query
 * sees: the SQL type, the value in its internal representation and the value as JSON text.
 *
 * @param name the column name
 * @param declaration the Parquet type after the repetition, with {@code %s} for the name
 * @param type the SQL type
 * @param stored what the writer is given
 * @param value what the reader produces
 * @param json the value in JSON text (whole rows, nested columns)
 */
record AllTypes(String name, String declaration, ColumnType type, Object stored, Object value, String json) {
    static final ColumnType TIME = new ColumnType(SqlTypeName.TIME, 3, RelDataType.SCALE_NOT_SPECIFIED);
    static final ColumnType TIMESTAMP = new ColumnType(SqlTypeName.TIMESTAMP, 3, RelDataType.SCALE_NOT_SPECIFIED);
    static final ColumnType TIMESTAMP_LTZ =
            new ColumnType(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, 3, RelDataType.SCALE_NOT_SPECIFIED);

    /** 2024-01-31 12:34:56.789123456 */
    static final LocalDateTime MOMENT = LocalDateTime.of(2024, 1, 31, 12, 34, 56, 789_123_456);
    static final long MOMENT_MILLIS = MOMENT.toInstant(ZoneOffset.UTC).toEpochMilli();
    static final long MOMENT_MICROS = MOMENT_MILLIS * 1000 + 123;
    static final long MOMENT_NANOS = MOMENT_MICROS * 1000 + 456;
    static final int DAY = (int) MOMENT.toLocalDate().toEpochDay();
    static final int MILLIS_OF_DAY = (int) (MOMENT.toLocalTime().toNanoOfDay() / 1_000_000);
    static final String MOMENT_JSON = "\"2024-01-31 12:34:56.789\"";
    static final String UUID_TEXT = "123e4567-e89b-12d3-a456-426614174000";

    /** Every case, in column order. */
    static final List<AllTypes> ALL = List.of(
            new AllTypes("bool", "boolean %s", ColumnType.BOOLEAN, true, true, "true"),
            new AllTypes("int32", "int32 %s", ColumnType.INTEGER, -7, -7, "-7"),
            new AllTypes("int64", "int64 %s", ColumnType.BIGINT, 1L << 40, 1L << 40, "1099511627776"),
            new AllTypes("int96", "int96 %s", TIMESTAMP,
                    new NanoTime(DAY + 2_440_588, MOMENT.toLocalTime().toNanoOfDay()), MOMENT_MILLIS, MOMENT_JSON),
            new AllTypes("float", "float %s", ColumnType.REAL, 1.5f, 1.5f, "1.5"),
            new AllTypes("double", "double %s", ColumnType.DOUBLE, -2.25, -2.25, "-2.25"),
            new AllTypes("binary", "binary %s", ColumnType.VARBINARY, binary(0, 1, 0xff),
                    new ByteString(new byte[] {0, 1, (byte) 0xff}), "\"0001ff\""),
            new AllTypes("fixed", "fixed_len_byte_array(3) %s", ColumnType.VARBINARY, binary(0xca, 0xfe, 0x01),
                    new ByteString(new byte[] {(byte) 0xca, (byte) 0xfe, 1}), "\"cafe01\""),
            new AllTypes("string", "binary %s (STRING)", ColumnType.VARCHAR, "h\u00e9llo \"w\"\n",
                    "h\u00e9llo \"w\"\n", "\"h\u00e9llo \\\"w\\\"\\n\""),
            new AllTypes("enum", "binary %s (ENUM)", ColumnType.VARCHAR, "RED", "RED", "\"RED\""),
            new AllTypes("json", "binary %s (JSON)", ColumnType.VARCHAR, "{\"k\":[1,2]}", "{\"k\":[1,2]}",
                    "\"{\\\"k\\\":[1,2]}\""),
            new AllTypes("uuid", "fixed_len_byte_array(16) %s (UUID)", ColumnType.VARCHAR, uuid(UUID_TEXT), UUID_TEXT,
                    "\"" + UUID_TEXT + "\""),
            new AllTypes("int8", "int32 %s (INTEGER(8,true))", ColumnType.TINYINT, -128, (byte) -128, "-128"),
            new AllTypes("int16", "int32 %s (INTEGER(16,true))", ColumnType.SMALLINT, -32768, (short) -32768,
                    "-32768"),
            new AllTypes("int32s", "int32 %s (INTEGER(32,true))", ColumnType.INTEGER, Integer.MIN_VALUE,
                    Integer.MIN_VALUE, "-2147483648"),
            new AllTypes("int64s", "int64 %s (INTEGER(64,true))", ColumnType.BIGINT, Long.MIN_VALUE, Long.MIN_VALUE,
                    "-9223372036854775808"),
            new AllTypes("uint8", "int32 %s (INTEGER(8,false))", ColumnType.SMALLINT, 255, (short) 255, "255"),
            new AllTypes("uint16", "int32 %s (INTEGER(16,false))", ColumnType.INTEGER, 65535, 65535, "65535"),
            new AllTypes("uint32", "int32 %s (INTEGER(32,false))", ColumnType.BIGINT, -1, 4294967295L, "4294967295"),
            new AllTypes("uint64", "int64 %s (INTEGER(64,false))", ColumnType.decimal(20, 0), -1L,
                    new BigDecimal("18446744073709551615"), "18446744073709551615"),
            new AllTypes("dec_int32", "int32 %s (DECIMAL(9,2))", ColumnType.decimal(9, 2), 12345,
                    new BigDecimal("123.45"), "123.45"),
            new AllTypes("dec_int64", "int64 %s (DECIMAL(18,3))", ColumnType.decimal(18, 3), -1234567890123L,
                    new BigDecimal("-1234567890.123"), "-1234567890.123"),
            new AllTypes("dec_fixed", "fixed_len_byte_array(9) %s (DECIMAL(20,4))", ColumnType.decimal(20, 4),
                    twosComplement(new BigInteger("-12345678901234567890"), 9),
                    new BigDecimal("-1234567890123456.7890"), "-1234567890123456.7890"),
            new AllTypes("dec_binary", "binary %s (DECIMAL(30,5))", ColumnType.decimal(30, 5),
                    Binary.fromConstantByteArray(new BigInteger("1234567890123456789012345678").toByteArray()),
                    new BigDecimal("12345678901234567890123.45678"), "12345678901234567890123.45678"),
            new AllTypes("date", "int32 %s (DATE)", ColumnType.DATE, DAY, DAY, "\"2024-01-31\""),
            new AllTypes("time_millis", "int32 %s (TIME(MILLIS,true))", TIME, MILLIS_OF_DAY, MILLIS_OF_DAY,
                    "\"12:34:56.789\""),
            new AllTypes("time_micros", "int64 %s (TIME(MICROS,false))", TIME, MILLIS_OF_DAY * 1000L + 123,
                    MILLIS_OF_DAY, "\"12:34:56.789\""),
            new AllTypes("time_nanos", "int64 %s (TIME(NANOS,true))", TIME, MOMENT.toLocalTime().toNanoOfDay(),
                    MILLIS_OF_DAY, "\"12:34:56.789\""),
            new AllTypes("ts_millis_utc", "int64 %s (TIMESTAMP(MILLIS,true))", TIMESTAMP_LTZ, MOMENT_MILLIS,
                    MOMENT_MILLIS, MOMENT_JSON),
            new AllTypes("ts_millis_local", "int64 %s (TIMESTAMP(MILLIS,false))", TIMESTAMP, MOMENT_MILLIS,
                    MOMENT_MILLIS, MOMENT_JSON),
            new AllTypes("ts_micros_utc", "int64 %s (TIMESTAMP(MICROS,true))", TIMESTAMP_LTZ, MOMENT_MICROS,
                    MOMENT_MILLIS, MOMENT_JSON),
            new AllTypes("ts_micros_local", "int64 %s (TIMESTAMP(MICROS,false))", TIMESTAMP, MOMENT_MICROS,
                    MOMENT_MILLIS, MOMENT_JSON),
            new AllTypes("ts_nanos_utc", "int64 %s (TIMESTAMP(NANOS,true))", TIMESTAMP_LTZ, MOMENT_NANOS,
                    MOMENT_MILLIS, MOMENT_JSON),
            new AllTypes("ts_nanos_local", "int64 %s (TIMESTAMP(NANOS,false))", TIMESTAMP, MOMENT_NANOS,
                    MOMENT_MILLIS, MOMENT_JSON),
            new AllTypes("float16", "fixed_len_byte_array(2) %s (FLOAT16)", ColumnType.REAL, binary(0x00, 0x3e),
                    1.5f, "1.5"),
            new AllTypes("bson", "binary %s (BSON)", ColumnType.VARBINARY, binary(5, 0, 0, 0, 0),
                    new ByteString(new byte[] {5, 0, 0, 0, 0}), "\"0500000000\""));

    /** Returns the message type with every case, each {@code repetition} ({@code required} or {@code optional}). */
    static String schema(String repetition) {
        StringBuilder text = new StringBuilder("message all_types {\n");
        for (AllTypes column : ALL) {
            text.append("  ").append(repetition).append(' ').append(column.declaration().formatted(column.name()))
                    .append(";\n");
        }
        return text.append("}").toString();
    }

    /** Adds this case's stored value to {@code row}. */
    void append(Group row) {
        if (stored instanceof Boolean b) {
            row.append(name, b);
        } else if (stored instanceof Integer i) {
            row.append(name, i);
        } else if (stored instanceof Long l) {
            row.append(name, l);
        } else if (stored instanceof Float f) {
            row.append(name, f);
        } else if (stored instanceof Double d) {
            row.append(name, d);
        } else if (stored instanceof String s) {
            row.append(name, s);
        } else if (stored instanceof NanoTime t) {
            row.append(name, t);
        } else {
            row.append(name, (Binary) stored);
        }
    }

    /** Returns the expected values of the fixture row, in column order. */
    static List<Object> values() {
        List<Object> values = new ArrayList<>();
        for (AllTypes column : ALL) {
            values.add(column.value());
        }
        return values;
    }

    static Binary binary(int... bytes) {
        byte[] data = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            data[i] = (byte) bytes[i];
        }
        return Binary.fromConstantByteArray(data);
    }

    static Binary uuid(String text) {
        UUID uuid = UUID.fromString(text);
        return Binary.fromConstantByteArray(ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits()).array());
    }

    /** Returns {@code value} as big-endian two's complement of exactly {@code length} bytes. */
    static Binary twosComplement(BigInteger value, int length) {
        byte[] minimal = value.toByteArray();
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, 0, length - minimal.length, (byte) (value.signum() < 0 ? 0xff : 0));
        System.arraycopy(minimal, 0, bytes, length - minimal.length, minimal.length);
        return Binary.fromConstantByteArray(bytes);
    }
}
