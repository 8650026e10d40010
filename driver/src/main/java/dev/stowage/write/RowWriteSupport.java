package dev.stowage.write;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;

/**
 * Hands rows coerced by {@link RowCoercion} to parquet-java, one record each, in the schema {@link ParquetColumns}
 * gives them. Coerced values always fit their field, so a record is never left half written; NULL values are left
 * out of the record.
 */
final class RowWriteSupport extends WriteSupport<Object[]> {
    private final RowCoercion coercion;
    private final MessageType schema;
    private RecordConsumer consumer;

    RowWriteSupport(RowCoercion coercion) {
        this.coercion = coercion;
        this.schema = ParquetColumns.schema(coercion);
    }

    @Override
    public WriteContext init(Configuration configuration) {
        return new WriteContext(schema, Map.of());
    }

    @Override
    public WriteContext init(ParquetConfiguration configuration) {
        return new WriteContext(schema, Map.of());
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
        this.consumer = recordConsumer;
    }

    @Override
    public void write(Object[] values) {
        consumer.startMessage();
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                continue;
            }
            String name = schema.getFieldName(i);
            consumer.startField(name, i);
            writeValue(i, values[i]);
            consumer.endField(name, i);
        }
        consumer.endMessage();
    }

    private void writeValue(int index, Object value) {
        switch (coercion.type(index)) {
            case STRING -> consumer.addBinary(Binary.fromString((String) value));
            case BOOLEAN -> consumer.addBoolean((Boolean) value);
            case TINYINT, SMALLINT, INTEGER -> consumer.addInteger((int) (long) (Long) value);
            case BIGINT, TIMESTAMP, TIMESTAMP_LTZ -> consumer.addLong((Long) value);
            case REAL -> consumer.addFloat((Float) value);
            case DOUBLE -> consumer.addDouble((Double) value);
            case DATE, TIME -> consumer.addInteger((Integer) value);
            case DECIMAL -> writeDecimal(schema.getType(index).asPrimitiveType(), (BigDecimal) value);
            case BINARY -> consumer.addBinary(Binary.fromConstantByteArray((byte[]) value));
        }
    }

    private void writeDecimal(PrimitiveType field, BigDecimal value) {
        BigInteger unscaled = value.unscaledValue();
        switch (field.getPrimitiveTypeName()) {
            case INT32 -> consumer.addInteger(unscaled.intValue());
            case INT64 -> consumer.addLong(unscaled.longValue());
            default -> consumer.addBinary(Binary.fromConstantByteArray(
                    signExtended(unscaled.toByteArray(), field.getTypeLength())));
        }
    }

    private static byte[] signExtended(byte[] bytes, int length) {
        byte[] extended = new byte[length];
        byte fill = bytes[0] < 0 ? (byte) -1 : 0;
        int padding = length - bytes.length;
        for (int i = 0; i < padding; i++) {
            extended[i] = fill;
        }
        System.arraycopy(bytes, 0, extended, padding, bytes.length);
        return extended;
    }
}
