package dev.stowage.write;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;

/**
 * Encodes rows as NDJSON the way Databend unloads them: one object per line, keyed by the column names in order.
 * Numbers and booleans are JSON numbers and booleans (decimals exact, NaN and infinities {@code null}); strings,
 * dates, times and timestamps are strings, binary an upper-case hex string, NULL {@code null}.
 */
final class NdjsonEncoder implements TextRowEncoder {
    private static final JsonFactory JSON = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private final RowCoercion coercion;
    private final JsonGenerator json;

    private NdjsonEncoder(RowCoercion coercion, JsonGenerator json) {
        this.coercion = coercion;
        this.json = json;
    }

    /** Opens an encoder on {@code out}. */
    static NdjsonEncoder open(RowCoercion coercion, Writer out) throws IOException {
        JsonGenerator json = JSON.createGenerator(out);
        json.setCharacterEscapes(new DatabendJsonEscapes());
        // each object ends its own line, so no separator goes between them
        json.setRootValueSeparator(null);
        return new NdjsonEncoder(coercion, json);
    }

    @Override
    public void writeRow(Object[] values) throws IOException {
        json.writeStartObject();
        for (int i = 0; i < values.length; i++) {
            json.writeFieldName(coercion.columns().get(i).name());
            writeValue(coercion.type(i), values[i]);
        }
        json.writeEndObject();
        json.writeRaw('\n');
    }

    @Override
    public void flush() throws IOException {
        json.flush();
    }

    private void writeValue(WriteType type, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
            return;
        }
        switch (type) {
            case STRING -> json.writeString((String) value);
            case BOOLEAN -> json.writeBoolean((Boolean) value);
            case TINYINT, SMALLINT, INTEGER, BIGINT -> json.writeNumber((Long) value);
            case REAL -> writeFloating((Float) value, true);
            case DOUBLE -> writeFloating((Double) value, false);
            case DECIMAL -> json.writeNumber(DatabendText.decimal((BigDecimal) value));
            case DATE -> json.writeString(DatabendText.date((Integer) value));
            case TIME -> json.writeString(DatabendText.time((Integer) value));
            case TIMESTAMP, TIMESTAMP_LTZ -> json.writeString(DatabendText.timestamp((Long) value));
            case BINARY -> json.writeString(DatabendText.hex((byte[]) value));
        }
    }

    private void writeFloating(double value, boolean single) throws IOException {
        if (Double.isFinite(value)) {
            json.writeNumber(DatabendText.floating(value, single));
        } else {
            json.writeNull();
        }
    }
}
