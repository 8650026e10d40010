package dev.stowage.format.parquet;

import dev.stowage.scan.ColumnType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.calcite.avatica.util.ByteString;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Writes values as JSON text, as nested columns and whole rows show them: numbers and booleans as JSON literals,
 * non-finite floats, dates ({@code 2024-01-31}), times ({@code 12:34:56.789}), timestamps
 * ({@code 2024-01-31 12:34:56.789}, UTC for those with a time zone) and binary values (hex) as strings.
 */
final class JsonText {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSS");
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonText() {
    }

    /** Returns {@code value}, in the internal representation of {@code type}, as JSON text. */
    static String value(ColumnType type, Object value) {
        if (value instanceof String text && type.typeName() == SqlTypeName.VARCHAR) {
            StringBuilder out = new StringBuilder(text.length() + 2);
            appendString(out, text);
            return out.toString();
        }
        StringBuilder out = new StringBuilder();
        appendValue(out, type, value);
        return out.toString();
    }

    /** Appends {@code value}, in the internal representation of {@code type}, as JSON. */
    static void appendValue(StringBuilder out, ColumnType type, Object value) {
        if (value == null) {
            out.append("null");
            return;
        }
        switch (type.typeName()) {
            case BOOLEAN, TINYINT, SMALLINT, INTEGER, BIGINT -> out.append(value);
            case DECIMAL -> out.append(((BigDecimal) value).toPlainString());
            case REAL, DOUBLE -> {
                double number = ((Number) value).doubleValue();
                if (Double.isFinite(number)) {
                    out.append(value);
                } else {
                    appendString(out, value.toString());
                }
            }
            case DATE -> appendString(out, LocalDate.ofEpochDay((Integer) value).toString());
            case TIME -> appendString(out, LocalTime.ofNanoOfDay((Integer) value * 1_000_000L).format(TIME));
            case TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE -> appendString(out, timestamp((Long) value));
            case VARBINARY -> appendString(out, ((ByteString) value).toString());
            default -> appendString(out, value.toString());
        }
    }

    private static String timestamp(long millis) {
        LocalDateTime time = LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000L),
                (int) Math.floorMod(millis, 1000L) * 1_000_000, ZoneOffset.UTC);
        return time.format(TIMESTAMP);
    }

    /** Appends {@code text} as a JSON string literal. */
    static void appendString(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** Returns JSON text as an object key: strings as they are, anything else as a string of its text. */
    static String key(String json) {
        if (json.startsWith("\"")) {
            return json;
        }
        StringBuilder out = new StringBuilder(json.length() + 2);
        appendString(out, json);
        return out.toString();
    }

    /** Returns the JSON array of {@code elements}, each JSON text or null. */
    static String array(List<Object> elements) {
        StringBuilder out = new StringBuilder().append('[');
        for (int i = 0; i < elements.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            Object element = elements.get(i);
            out.append(element == null ? "null" : (String) element);
        }
        return out.append(']').toString();
    }
}
