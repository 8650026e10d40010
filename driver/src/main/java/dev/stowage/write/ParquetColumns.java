package dev.stowage.write;

import dev.stowage.scan.Column;
import java.math.BigInteger;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type.Repetition;
import org.apache.parquet.schema.Types;

/**
 * The Parquet schema of written columns: one top-level field each, named as the column, OPTIONAL when it is
 * nullable and REQUIRED otherwise, of the natural physical type with its logical annotation. TINYINT and SMALLINT
 * are annotated INT32s; DECIMAL is an INT32 up to 9 digits, an INT64 up to 18 and a fixed-length byte array of the
 * fewest bytes beyond; DATE, TIME (millis, local) and TIMESTAMP (millis, local; UTC-adjusted for TIMESTAMP WITH
 * LOCAL TIME ZONE) keep their internal representation.
 */
final class ParquetColumns {
    private static final int MAX_INT32_DIGITS = 9;
    private static final int MAX_INT64_DIGITS = 18;

    private ParquetColumns() {
    }

    /**
     * Returns the schema of the columns of {@code coercion}.
     *
     * @throws IllegalArgumentException for a DECIMAL column without a precision or a scale
     */
    static MessageType schema(RowCoercion coercion) {
        Types.MessageTypeBuilder message = Types.buildMessage();
        for (int i = 0; i < coercion.columns().size(); i++) {
            message.addField(field(coercion.columns().get(i), coercion.type(i)));
        }
        return message.named("schema");
    }

    private static PrimitiveType field(Column column, WriteType type) {
        Repetition repetition = column.nullable() ? Repetition.OPTIONAL : Repetition.REQUIRED;
        return switch (type) {
            case STRING -> Types.primitive(PrimitiveTypeName.BINARY, repetition)
                    .as(LogicalTypeAnnotation.stringType()).named(column.name());
            case BOOLEAN -> Types.primitive(PrimitiveTypeName.BOOLEAN, repetition).named(column.name());
            case TINYINT -> Types.primitive(PrimitiveTypeName.INT32, repetition)
                    .as(LogicalTypeAnnotation.intType(8, true)).named(column.name());
            case SMALLINT -> Types.primitive(PrimitiveTypeName.INT32, repetition)
                    .as(LogicalTypeAnnotation.intType(16, true)).named(column.name());
            case INTEGER -> Types.primitive(PrimitiveTypeName.INT32, repetition).named(column.name());
            case BIGINT -> Types.primitive(PrimitiveTypeName.INT64, repetition).named(column.name());
            case REAL -> Types.primitive(PrimitiveTypeName.FLOAT, repetition).named(column.name());
            case DOUBLE -> Types.primitive(PrimitiveTypeName.DOUBLE, repetition).named(column.name());
            case DECIMAL -> decimal(column, repetition);
            case DATE -> Types.primitive(PrimitiveTypeName.INT32, repetition)
                    .as(LogicalTypeAnnotation.dateType()).named(column.name());
            case TIME -> Types.primitive(PrimitiveTypeName.INT32, repetition)
                    .as(LogicalTypeAnnotation.timeType(false, TimeUnit.MILLIS)).named(column.name());
            case TIMESTAMP -> Types.primitive(PrimitiveTypeName.INT64, repetition)
                    .as(LogicalTypeAnnotation.timestampType(false, TimeUnit.MILLIS)).named(column.name());
            case TIMESTAMP_LTZ -> Types.primitive(PrimitiveTypeName.INT64, repetition)
                    .as(LogicalTypeAnnotation.timestampType(true, TimeUnit.MILLIS)).named(column.name());
            case BINARY -> Types.primitive(PrimitiveTypeName.BINARY, repetition).named(column.name());
        };
    }

    private static PrimitiveType decimal(Column column, Repetition repetition) {
        int precision = column.type().precision();
        int scale = column.type().scale();
        if (precision == RelDataType.PRECISION_NOT_SPECIFIED || scale == RelDataType.SCALE_NOT_SPECIFIED) {
            throw new IllegalArgumentException("DECIMAL column " + column.name() + " needs a precision and a scale");
        }
        LogicalTypeAnnotation annotation = LogicalTypeAnnotation.decimalType(scale, precision);
        if (precision <= MAX_INT32_DIGITS) {
            return Types.primitive(PrimitiveTypeName.INT32, repetition).as(annotation).named(column.name());
        }
        if (precision <= MAX_INT64_DIGITS) {
            return Types.primitive(PrimitiveTypeName.INT64, repetition).as(annotation).named(column.name());
        }
        return Types.primitive(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY, repetition).length(decimalBytes(precision))
                .as(annotation).named(column.name());
    }

    /** Returns the fewest bytes whose two's complement holds every integer of {@code precision} digits. */
    static int decimalBytes(int precision) {
        BigInteger largest = BigInteger.TEN.pow(precision).subtract(BigInteger.ONE);
        // the magnitude's bits plus a sign bit, rounded up to whole bytes
        return (largest.bitLength() + 1 + 7) / 8;
    }
}
