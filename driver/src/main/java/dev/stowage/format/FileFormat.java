package dev.stowage.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collections;
import java.util.LinkedHashMap;
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
