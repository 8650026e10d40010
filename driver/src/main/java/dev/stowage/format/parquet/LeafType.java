package dev.stowage.format.parquet;

import dev.stowage.scan.ColumnType;
import dev.stowage.scan.LongVector;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.apache.calcite.avatica.util.ByteString;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;

/**
 * The SQL type of a primitive Parquet column and the decoding of its stored values into that type's internal
 * representation ({@link ColumnType}). Sub-millisecond parts of times and timestamps are truncated toward negative
 * infinity, because Calcite keeps milliseconds.
 *
 * @param kind how stored values decode
 * @param type the SQL type
 */
record LeafType(ValueKind kind, ColumnType type) {
    static final ColumnType TIME = new ColumnType(SqlTypeName.TIME, 3, RelDataType.SCALE_NOT_SPECIFIED);
    static final ColumnType TIMESTAMP = new ColumnType(SqlTypeName.TIMESTAMP, 3, RelDataType.SCALE_NOT_SPECIFIED);
    static final ColumnType TIMESTAMP_LTZ =
            new ColumnType(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, 3, RelDataType.SCALE_NOT_SPECIFIED);

    private static final long JULIAN_DAY_OF_EPOCH = 2_440_588;
    private static final long MILLIS_PER_DAY = 86_400_000;
    private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);

    /** Returns the type of {@code column} from its physical type and logical annotation. */
    static LeafType of(PrimitiveType column) {
        LogicalTypeAnnotation annotation = column.getLogicalTypeAnnotation();
        if (annotation instanceof DecimalLogicalTypeAnnotation decimal) {
            ValueKind kind = switch (column.getPrimitiveTypeName()) {
                case INT32 -> ValueKind.DECIMAL_INT32;
                case INT64 -> ValueKind.DECIMAL_INT64;
                default -> ValueKind.DECIMAL_BINARY;
            };
            return new LeafType(kind, ColumnType.decimal(decimal.getPrecision(), decimal.getScale()));
        }
        return switch (column.getPrimitiveTypeName()) {
            case BOOLEAN -> new LeafType(ValueKind.BOOLEAN, ColumnType.BOOLEAN);
            case INT32 -> int32(annotation);
            case INT64 -> int64(annotation);
            case INT96 -> new LeafType(ValueKind.INT96, TIMESTAMP);
            case FLOAT -> new LeafType(ValueKind.FLOAT, ColumnType.REAL);
            case DOUBLE -> new LeafType(ValueKind.DOUBLE, ColumnType.DOUBLE);
            case BINARY, FIXED_LEN_BYTE_ARRAY -> bytes(annotation);
        };
    }

    private static LeafType int32(LogicalTypeAnnotation annotation) {
        if (annotation instanceof IntLogicalTypeAnnotation integer) {
            int bits = integer.getBitWidth();
            if (integer.isSigned()) {
                return bits == 8 ? new LeafType(ValueKind.INT8, ColumnType.TINYINT)
                        : bits == 16 ? new LeafType(ValueKind.INT16, ColumnType.SMALLINT)
                        : new LeafType(ValueKind.INT32, ColumnType.INTEGER);
            }
            return bits == 8 ? new LeafType(ValueKind.UINT8, ColumnType.SMALLINT)
                    : bits == 16 ? new LeafType(ValueKind.UINT16, ColumnType.INTEGER)
                    : new LeafType(ValueKind.UINT32, ColumnType.BIGINT);
        }
        if (annotation instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
            return new LeafType(ValueKind.DATE, ColumnType.DATE);
        }
        if (annotation instanceof TimeLogicalTypeAnnotation) {
            return new LeafType(ValueKind.TIME_MILLIS, TIME);
        }
        return new LeafType(ValueKind.INT32, ColumnType.INTEGER);
    }

    private static LeafType int64(LogicalTypeAnnotation annotation) {
        if (annotation instanceof IntLogicalTypeAnnotation integer && !integer.isSigned()) {
            return new LeafType(ValueKind.UINT64, ColumnType.decimal(20, 0));
        }
        if (annotation instanceof TimeLogicalTypeAnnotation time) {
            return time.getUnit() == TimeUnit.NANOS ? new LeafType(ValueKind.TIME_NANOS, TIME)
                    : time.getUnit() == TimeUnit.MICROS ? new LeafType(ValueKind.TIME_MICROS, TIME)
                    : new LeafType(ValueKind.INT64, ColumnType.BIGINT);
        }
        if (annotation instanceof TimestampLogicalTypeAnnotation timestamp) {
            ColumnType type = timestamp.isAdjustedToUTC() ? TIMESTAMP_LTZ : TIMESTAMP;
            ValueKind kind = switch (timestamp.getUnit()) {
                case MILLIS -> ValueKind.TIMESTAMP_MILLIS;
                case MICROS -> ValueKind.TIMESTAMP_MICROS;
                case NANOS -> ValueKind.TIMESTAMP_NANOS;
            };
            return new LeafType(kind, type);
        }
        return new LeafType(ValueKind.INT64, ColumnType.BIGINT);
    }

    private static LeafType bytes(LogicalTypeAnnotation annotation) {
        if (annotation instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
                || annotation instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation
                || annotation instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation) {
            return new LeafType(ValueKind.STRING, ColumnType.VARCHAR);
        }
        if (annotation instanceof LogicalTypeAnnotation.UUIDLogicalTypeAnnotation) {
            return new LeafType(ValueKind.UUID, ColumnType.VARCHAR);
        }
        if (annotation instanceof LogicalTypeAnnotation.Float16LogicalTypeAnnotation) {
            return new LeafType(ValueKind.FLOAT16, ColumnType.REAL);
        }
        return new LeafType(ValueKind.BYTES, ColumnType.VARBINARY);
    }

    /** Decodes a stored INT32. */
    Object ofInt(int value) {
        return switch (kind) {
            case INT32, DATE, TIME_MILLIS -> Integer.valueOf(value);
            case INT8 -> Byte.valueOf((byte) value);
            case INT16 -> Short.valueOf((short) value);
            case UINT8 -> Short.valueOf((short) (value & 0xFF));
            case UINT16 -> Integer.valueOf(value & 0xFFFF);
            case UINT32 -> Long.valueOf(Integer.toUnsignedLong(value));
            case DECIMAL_INT32 -> BigDecimal.valueOf(value, type.scale());
            default -> throw unexpected("INT32");
        };
    }

    /** Decodes a stored INT64. */
    Object ofLong(long value) {
        return switch (kind) {
            case INT64, TIMESTAMP_MILLIS -> Long.valueOf(value);
            case UINT64 -> value >= 0 ? BigDecimal.valueOf(value)
                    : new BigDecimal(BigInteger.valueOf(value).add(TWO_TO_64));
            case DECIMAL_INT64 -> BigDecimal.valueOf(value, type.scale());
            case TIME_MICROS -> Integer.valueOf((int) Math.floorDiv(value, 1_000L));
            case TIME_NANOS -> Integer.valueOf((int) Math.floorDiv(value, 1_000_000L));
            case TIMESTAMP_MICROS -> Long.valueOf(Math.floorDiv(value, 1_000L));
            case TIMESTAMP_NANOS -> Long.valueOf(Math.floorDiv(value, 1_000_000L));
            default -> throw unexpected("INT64");
        };
    }

    /**
     * Returns whether stored values decode to integers held in a {@code long} ({@link #longOfInt}, {@link
     * #longOfLong}): INT32 and INT64 columns whose SQL type is an integer, date, time or timestamp.
     */
    boolean decodesToLong() {
        return (kind.physical() == ValueKind.Physical.INT || kind.physical() == ValueKind.Physical.LONG)
                && LongVector.holds(type);
    }

    /** Returns whether stored values are FLOAT or DOUBLE, decoded to a {@code double} as they are. */
    boolean decodesToDouble() {
        return kind.physical() == ValueKind.Physical.FLOAT || kind.physical() == ValueKind.Physical.DOUBLE;
    }

    /** Decodes a stored INT32 as the {@code long} of {@link #ofInt}'s value, when {@link #decodesToLong()}. */
    long longOfInt(int value) {
        return switch (kind) {
            case INT32, DATE, TIME_MILLIS -> value;
            case INT8 -> (byte) value;
            case INT16 -> (short) value;
            case UINT8 -> value & 0xFF;
            case UINT16 -> value & 0xFFFF;
            case UINT32 -> Integer.toUnsignedLong(value);
            default -> throw unexpected("INT32");
        };
    }

    /** Decodes a stored INT64 as the {@code long} of {@link #ofLong}'s value, when {@link #decodesToLong()}. */
    long longOfLong(long value) {
        return switch (kind) {
            case INT64, TIMESTAMP_MILLIS -> value;
            case TIME_MICROS -> (int) Math.floorDiv(value, 1_000L);
            case TIME_NANOS -> (int) Math.floorDiv(value, 1_000_000L);
            case TIMESTAMP_MICROS -> Math.floorDiv(value, 1_000L);
            case TIMESTAMP_NANOS -> Math.floorDiv(value, 1_000_000L);
            default -> throw unexpected("INT64");
        };
    }

    /** Decodes a stored BOOLEAN. */
    Object ofBoolean(boolean value) {
        return Boolean.valueOf(value);
    }

    /** Decodes a stored FLOAT. */
    Object ofFloat(float value) {
        return Float.valueOf(value);
    }

    /** Decodes a stored DOUBLE. */
    Object ofDouble(double value) {
        return Double.valueOf(value);
    }

    /** Decodes a stored BYTE_ARRAY, FIXED_LEN_BYTE_ARRAY or INT96. */
    Object ofBinary(Binary value) {
        return switch (kind) {
            case STRING -> value.toStringUsingUTF8();
            case BYTES -> new ByteString(value.getBytesUnsafe());
            case DECIMAL_BINARY -> new BigDecimal(new BigInteger(value.getBytesUnsafe()), type.scale());
            case UUID -> uuid(value);
            case INT96 -> int96(value);
            case FLOAT16 -> Float.valueOf(halfToFloat(value.get2BytesLittleEndian()));
            default -> throw unexpected("BYTE_ARRAY");
        };
    }

    private static String uuid(Binary value) {
        byte[] bytes = value.getBytesUnsafe();
        if (bytes.length != 16) {
            throw new IllegalArgumentException("a UUID has 16 bytes, not " + bytes.length);
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        return new java.util.UUID(buffer.getLong(0), buffer.getLong(8)).toString();
    }

    private static Long int96(Binary value) {
        byte[] bytes = value.getBytesUnsafe();
        if (bytes.length != 12) {
            throw new IllegalArgumentException("an INT96 timestamp has 12 bytes, not " + bytes.length);
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long nanosOfDay = buffer.getLong(0);
        long julianDay = buffer.getInt(8);
        return (julianDay - JULIAN_DAY_OF_EPOCH) * MILLIS_PER_DAY + Math.floorDiv(nanosOfDay, 1_000_000L);
    }

    /** Converts IEEE 754 half precision; {@code Float.float16ToFloat} needs Java 20. */
    static float halfToFloat(short bits) {
        int sign = (bits & 0x8000) << 16;
        int exponent = (bits >>> 10) & 0x1F;
        int mantissa = bits & 0x3FF;
        if (exponent == 0x1F) {
            return Float.intBitsToFloat(sign | 0x7F80_0000 | mantissa << 13);
        }
        if (exponent == 0) {
            float magnitude = mantissa * 0x1p-24f;
            return sign != 0 ? -magnitude : magnitude;
        }
        return Float.intBitsToFloat(sign | (exponent + 127 - 15) << 23 | mantissa << 13);
    }

    private IllegalStateException unexpected(String physical) {
        return new IllegalStateException(physical + " value for a column of kind " + kind);
    }
}
