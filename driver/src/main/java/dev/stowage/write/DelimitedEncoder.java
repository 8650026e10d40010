package dev.stowage.write;

import dev.stowage.scan.Column;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;

/**
 * Encodes rows as CSV or TSV records the way Databend unloads them. CSV quotes every string, date, time and timestamp
 * (Databend 2025-11 always does; its later {@code QUOTE_STYLE} defaults to the same), doubling the quote inside, and
 * writes numbers, booleans, binary and NULL bare. TSV quotes nothing and escapes {@code \0 \b \t \n \f \r \\} and the
 * delimiters with a backslash. A header record, when asked for, is the column names written as strings.
 */
final class DelimitedEncoder implements TextRowEncoder {
    private final DelimitedWriteOptions options;
    private final RowCoercion coercion;
    private final Writer out;
    private final StringBuilder line = new StringBuilder(256);

    private DelimitedEncoder(DelimitedWriteOptions options, RowCoercion coercion, Writer out) {
        this.options = options;
        this.coercion = coercion;
        this.out = out;
    }

    /** Opens an encoder on {@code out}, writing the header record if {@code options} ask for one. */
    static DelimitedEncoder open(DelimitedWriteOptions options, RowCoercion coercion, Writer out)
            throws IOException {
        DelimitedEncoder encoder = new DelimitedEncoder(options, coercion, out);
        if (options.outputHeader()) {
            encoder.writeHeader();
        }
        return encoder;
    }

    private void writeHeader() throws IOException {
        line.setLength(0);
        List<Column> columns = coercion.columns();
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                line.append(options.fieldDelimiter());
            }
            appendString(columns.get(i).name());
        }
        endRecord();
    }

    @Override
    public void writeRow(Object[] values) throws IOException {
        line.setLength(0);
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                line.append(options.fieldDelimiter());
            }
            appendValue(coercion.type(i), values[i]);
        }
        endRecord();
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    private void endRecord() throws IOException {
        line.append(options.recordDelimiter());
        out.append(line);
    }

    private void appendValue(WriteType type, Object value) {
        if (value == null) {
            line.append(options.nullDisplay());
            return;
        }
        switch (type) {
            case STRING -> appendString((String) value);
            case DATE -> appendString(DatabendText.date((Integer) value));
            case TIME -> appendString(DatabendText.time((Integer) value));
            case TIMESTAMP, TIMESTAMP_LTZ -> appendString(DatabendText.timestamp((Long) value));
            case BOOLEAN -> line.append(booleanText((Boolean) value));
            case TINYINT, SMALLINT, INTEGER, BIGINT -> line.append((long) (Long) value);
            case REAL -> line.append(floatingText((Float) value, true));
            case DOUBLE -> line.append(floatingText((Double) value, false));
            case DECIMAL -> line.append(DatabendText.decimal((BigDecimal) value));
            case BINARY -> line.append(options.base64() ? DatabendText.base64((byte[]) value)
                    : DatabendText.hex((byte[]) value));
        }
    }

    private String booleanText(boolean value) {
        if (options.tsv()) {
            return value ? "1" : "0";
        }
        return value ? "true" : "false";
    }

    private String floatingText(double value, boolean single) {
        if (Double.isNaN(value)) {
            return options.nanDisplay();
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        return DatabendText.floating(value, single);
    }

    private void appendString(String value) {
        if (options.tsv()) {
            appendEscaped(value);
        } else {
            appendQuoted(value);
        }
    }

    private void appendQuoted(String value) {
        char quote = options.quote();
        line.append(quote);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == quote) {
                line.append(quote);
            } else if (c == '\\' && options.escape()) {
                // a reader taking the backslash for an escape would drop a single one
                line.append('\\');
            }
            line.append(c);
        }
        line.append(quote);
    }

    private void appendEscaped(String value) {
        char field = options.fieldDelimiter();
        String recordDelimiter = options.recordDelimiter();
        // Databend escapes the field delimiter only; a record delimiter other than a newline needs it as well
        char recordEnd = recordDelimiter.length() == 1 ? recordDelimiter.charAt(0) : '\n';
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\0' -> line.append("\\0");
                case '\b' -> line.append("\\b");
                case '\t' -> line.append("\\t");
                case '\n' -> line.append("\\n");
                case '\f' -> line.append("\\f");
                case '\r' -> line.append("\\r");
                case '\\' -> line.append("\\\\");
                default -> {
                    if (c == field || c == recordEnd) {
                        line.append('\\');
                    }
                    line.append(c);
                }
            }
        }
    }
}
