package dev.stowage.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stowage.error.ErrorCode;
import dev.stowage.error.StowageException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A validated file format: its type and every option with defaults filled in (keys lower-case, values as text).
 *
 * @param type the format type
 * @param options all options of the type, sorted by key
 */
public record FileFormat(FileFormatType type, SortedMap<String, String> options) {
    /** Databend's default when no format is given anywhere: Parquet with its defaults. */
    public static final FileFormat DEFAULT = FileFormatParser.defaults(FileFormatType.PARQUET);

    private static final ObjectMapper JSON = new ObjectMapper();

    public FileFormat {
        Objects.requireNonNull(type, "type is null");
        options = Collections.unmodifiableSortedMap(new TreeMap<>(options));
    }

    /** Returns the option {@code key}. */
    public String option(String key) {
        return options.get(key);
    }

    /** Returns the option {@code key}, or {@code otherwise} when it is not set. */
    public String option(String key, String otherwise) {
        String value = options.get(key);
        return value == null ? otherwise : value;
    }

    /**
     * Returns the option {@code key} (or {@code otherwise}) as the one ASCII character it must be: a delimiter,
     * quote or escape.
     *
     * @throws StowageException {@link ErrorCode#ILLEGAL_FILE_FORMAT} naming the option otherwise
     */
    public char asciiOption(String key, String otherwise) {
        String value = option(key, otherwise);
        if (value.length() != 1 || value.charAt(0) >= 0x80) {
            throw new StowageException(ErrorCode.ILLEGAL_FILE_FORMAT,
                    "Invalid %s format: %s must be one ASCII character, not '%s'", type,
                    key.toUpperCase(Locale.ROOT), value);
        }
        return value.charAt(0);
    }

    /**
     * Returns how many records at the start of each file are a header ({@code SKIP_HEADER}; empty means none). The
     * parser accepts only whole numbers.
     */
    public long skipHeader() {
        String skip = option("skip_header", "0");
        return skip.isEmpty() ? 0 : Long.parseLong(skip);
    }

    /**
     * Returns the format as Databend's SHOW FILE FORMATS shows it (the {@code Display} text of its file format
     * parameters, 2025-11), e.g. {@code TYPE = CSV COMPRESSION = None FIELD_DELIMITER = '\t' ...}. String values are
     * escaped as Databend escapes them: {@code \t \r \n \' \" \\} and {@code \xHH} for other control characters.
     */
    public String toDisplayText() {
        return switch (type) {
            case CSV -> "TYPE = CSV COMPRESSION = " + compression()
                    + " FIELD_DELIMITER = '" + escaped("field_delimiter") + "'"
                    + " RECORD_DELIMITER = '" + escaped("record_delimiter") + "'"
                    + " QUOTE = '" + escaped("quote") + "'"
                    + " ESCAPE = '" + escaped("escape") + "'"
                    + " SKIP_HEADER= " + shown("skip_header")
                    + " OUTPUT_HEADER= " + shown("output_header")
                    + " NULL_DISPLAY = '" + escaped("null_display") + "'"
                    + " NAN_DISPLAY = '" + escaped("nan_display") + "'"
                    + " EMPTY_FIELD_AS = " + upper("empty_field_as")
                    + " BINARY_FORMAT = " + shown("binary_format").toLowerCase(Locale.ROOT)
                    + " ERROR_ON_COLUMN_COUNT_MISMATCH = " + shown("error_on_column_count_mismatch");
            case TSV -> "TYPE = TSV COMPRESSION = " + compression()
                    + " FIELD_DELIMITER = '" + escaped("field_delimiter") + "'"
                    + " RECORD_DELIMITER = '" + escaped("record_delimiter") + "'"
                    + " ESCAPE = '" + escaped("escape") + "'"
                    + " QUOTE = '" + escaped("quote") + "'"
                    + " SKIP_HEADER = " + shown("skip_header")
                    + " NAN_DISPLAY = '" + escaped("nan_display") + "'";
            case NDJSON -> "TYPE = NDJSON, COMPRESSION = " + compression()
                    + " MISSING_FIELD_AS = " + upper("missing_field_as")
                    + " NULL_FIELDS_AS = " + upper("null_field_as");
            case PARQUET -> "TYPE = PARQUET MISSING_FIELD_AS = " + upper("missing_field_as");
            case ORC -> "TYPE = ORC MISSING_FIELD_AS = " + upper("missing_field_as");
            // Databend prints the (always None) compression of an Avro format under this label
            case AVRO -> "TYPE = AVRO, NULL_FIELDS_AS = None";
            case JSON -> "TYPE = JSON COMPRESSION = " + compression();
        };
    }

    /** The compression as Databend's {@code Debug} text names it: {@code None}, {@code Gzip}, {@code RawDeflate}. */
    private String compression() {
        String value = upper("compression");
        return switch (value) {
            case "RAW_DEFLATE", "RAWDEFLATE" -> "RawDeflate";
            case "" -> "None";
            default -> value.charAt(0) + value.substring(1).toLowerCase(Locale.ROOT);
        };
    }

    /** Returns option {@code key}, or its default when this format was stored before the option existed. */
    private String shown(String key) {
        String value = options.get(key);
        return value != null ? value : FileFormatParser.defaults(type).options().getOrDefault(key, "");
    }

    private String upper(String key) {
        return shown(key).toUpperCase(Locale.ROOT);
    }

    private String escaped(String key) {
        String value = shown(key);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                case '\n' -> out.append("\\n");
                case '\'' -> out.append("\\'");
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\x%02X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** Returns the format as a JSON object with {@code type} first, as {@code system.stages} shows it. */
    public String toJson() {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("type", type.displayName());
        all.putAll(options);
        try {
            return JSON.writeValueAsString(all);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("file format cannot be written as JSON", e);
        }
    }
}
