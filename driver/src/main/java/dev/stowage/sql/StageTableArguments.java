package dev.stowage.sql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stowage.format.OptionValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The text form in which the structured arguments of a staged-file table reach the table function, which takes
 * only literals: {@code CONNECTION => (key = 'value', ...)} as a JSON object of {@link OptionValue}s and
 * {@code FILES => ('a', 'b')} as a JSON array.
 */
public final class StageTableArguments {
    /** Name of the hidden argument carrying the largest {@code $n} the statement uses (0 for none). */
    public static final String POSITIONS = "$POSITIONS";
    /** Name of the hidden argument carrying the {@code METADATA$} columns the statement uses, comma-separated. */
    public static final String METADATA = "$METADATA";

    private static final ObjectMapper JSON = new ObjectMapper();

    private StageTableArguments() {
    }

    /** Encodes connection options. */
    public static String encodeOptions(Map<String, OptionValue> options) {
        return write(options);
    }

    /** Decodes what {@link #encodeOptions} produced; null gives an empty map. */
    public static Map<String, OptionValue> decodeOptions(String text) {
        if (text == null) {
            return Map.of();
        }
        try {
            return JSON.readValue(text, new TypeReference<LinkedHashMap<String, OptionValue>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not encoded connection options", e);
        }
    }

    /** Encodes a list of file names. */
    public static String encodeFiles(List<String> files) {
        return write(files);
    }

    /** Decodes what {@link #encodeFiles} produced; null gives null (no FILES argument). */
    public static List<String> decodeFiles(String text) {
        if (text == null) {
            return null;
        }
        try {
            return JSON.readValue(text, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not an encoded file list", e);
        }
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
