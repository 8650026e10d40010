package dev.stowage.format.text;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.stowage.error.ErrorCode;
import dev.stowage.error.StowageException;
import dev.stowage.scan.RowSink;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Turns NDJSON lines into rows with Jackson's streaming parser, one object per non-blank line. Each key the plan
 * wants is converted as SQL CAST converts its text (nested values are VARCHAR holding compact JSON); a whole-row
 * output is the object as compact JSON. A JSON null is what {@code NULL_FIELD_AS} says and a wanted key the object
 * lacks what {@code MISSING_FIELD_AS} says. One decoder serves one thread.
 */
final class NdjsonBlockDecoder implements BlockDecoder {
    /** Records between checks for cancellation. */
    private static final int CHECK_INTERVAL = 1024;
    /** Distinct keys whose matches are remembered; beyond this they are looked up each time. */
    private static final int MATCH_CACHE_SIZE = 4096;

    private final JsonFactory factory;
    private final NdjsonPlan plan;
    private final ValueFallback missingField;
    private final ValueFallback nullField;
    private final String fileName;
    private final JsonTextWriter wholeRow;
    private final JsonTextWriter nested;
    private final Map<String, int[]> matches = new HashMap<>();
    private final boolean[] seen;
    private final boolean[] seenExactly;
    private long line;

    NdjsonBlockDecoder(JsonFactory factory, NdjsonPlan plan, ValueFallback missingField, ValueFallback nullField,
                       String fileName) throws IOException {
        this.factory = factory;
        this.plan = plan;
        this.missingField = missingField;
        this.nullField = nullField;
        this.fileName = fileName;
        this.wholeRow = plan.wholeRow() ? new JsonTextWriter(factory) : null;
        this.nested = new JsonTextWriter(factory);
        this.seen = new boolean[plan.wanted().size()];
        this.seenExactly = new boolean[plan.wanted().size()];
    }

    @Override
    public boolean decode(TextBlock block, RowSink sink) throws IOException {
        long[] record = {block.firstRecord()};
        return JsonLines.forEach(block, (bytes, start, end, lineNumber) -> {
            long number = record[0]++;
            if ((number & (CHECK_INTERVAL - 1)) == 0) {
                TextFailures.checkInterrupted();
            }
            line = lineNumber;
            Object[] row = new Object[plan.width()];
            try (JsonParser parser = factory.createParser(bytes, start, end - start)) {
                readObject(parser, row);
            } catch (JsonProcessingException e) {
                throw new StowageException(ErrorCode.BAD_DATA, e, "Invalid JSON at line %d of file %s: %s", line,
                        fileName, e.getOriginalMessage());
            }
            for (int slot : plan.fileNameSlots()) {
                row[slot] = fileName;
            }
            if (plan.rowNumberSlots().length > 0) {
                Long rowNumber = number;
                for (int slot : plan.rowNumberSlots()) {
                    row[slot] = rowNumber;
                }
            }
            return sink.accept(row);
        });
    }

    private void readObject(JsonParser parser, Object[] row) throws IOException {
        JsonToken first = parser.nextToken();
        if (first != JsonToken.START_OBJECT) {
            throw new StowageException(ErrorCode.BAD_DATA, "Invalid JSON at line %d of file %s: expected an object,"
                    + " found %s", line, fileName, describe(first));
        }
        Arrays.fill(seen, false);
        Arrays.fill(seenExactly, false);
        JsonGenerator whole = null;
        if (wholeRow != null) {
            wholeRow.clear();
            whole = wholeRow.generator();
            whole.writeStartObject();
        }
        String name;
        while ((name = parser.nextFieldName()) != null) {
            JsonToken token = parser.nextToken();
            if (whole != null) {
                whole.writeFieldName(name);
            }
            int[] keyMatches = matches(name);
            if (token.isStructStart()) {
                readNested(parser, row, keyMatches, whole);
            } else {
                for (int match : keyMatches) {
                    int index = take(match);
                    if (index >= 0) {
                        row[plan.wanted().get(index).slot()] = scalar(parser, token, index);
                    }
                }
                if (whole != null) {
                    whole.copyCurrentEventExact(parser);
                }
            }
        }
        if (parser.nextToken() != null) {
            throw new StowageException(ErrorCode.BAD_DATA, "Invalid JSON at line %d of file %s: more than one value"
                    + " on the line", line, fileName);
        }
        for (int index = 0; index < seen.length; index++) {
            if (!seen[index]) {
                NdjsonPlan.Wanted wanted = plan.wanted().get(index);
                row[wanted.slot()] = fallback(wanted, missingField, "missing", "MISSING_FIELD_AS");
            }
        }
        if (whole != null) {
            whole.writeEndObject();
            String text = wholeRow.since(0);
            for (int slot : plan.wholeRowSlots()) {
                row[slot] = text;
            }
        }
    }

    private void readNested(JsonParser parser, Object[] row, int[] keyMatches, JsonGenerator whole)
            throws IOException {
        String text = null;
        if (whole != null) {
            int mark = wholeRow.mark();
            whole.copyCurrentStructureExact(parser);
            if (keyMatches.length > 0) {
                text = wholeRow.valueSince(mark);
            }
        } else if (keyMatches.length > 0) {
            nested.clear();
            nested.generator().copyCurrentStructureExact(parser);
            text = nested.since(0);
        } else {
            parser.skipChildren();
        }
        for (int match : keyMatches) {
            int index = take(match);
            if (index < 0) {
                continue;
            }
            NdjsonPlan.Wanted wanted = plan.wanted().get(index);
            if (wanted.type().typeName() != SqlTypeName.VARCHAR && wanted.type().typeName() != SqlTypeName.CHAR) {
                char[] chars = text.toCharArray();
                throw TextFailures.cast(chars, 0, chars.length, wanted.type(), "field " + wanted.name(), line,
                        fileName, new CastException("a JSON " + (text.startsWith("[") ? "array" : "object")));
            }
            row[wanted.slot()] = text;
        }
    }

    private static String describe(JsonToken token) {
        if (token == null) {
            return "nothing";
        }
        return switch (token) {
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.asString() == null ? token.name() : token.asString();
        };
    }

    /** Marks the output a key match fills as seen and returns its index, or -1 when an exact match already won. */
    private int take(int match) {
        int index = match >> 1;
        boolean exactly = (match & 1) == 1;
        if (!exactly && seenExactly[index]) {
            return -1;
        }
        seen[index] = true;
        seenExactly[index] |= exactly;
        return index;
    }

    private Object scalar(JsonParser parser, JsonToken token, int index) throws IOException {
        NdjsonPlan.Wanted wanted = plan.wanted().get(index);
        if (token == JsonToken.VALUE_NULL) {
            return fallback(wanted, nullField, "null", "NULL_FIELD_AS");
        }
        if (token == JsonToken.VALUE_STRING && wanted.type().typeName() == SqlTypeName.VARCHAR) {
            return parser.getText();
        }
        char[] chars = parser.getTextCharacters();
        int offset = parser.getTextOffset();
        int length = parser.getTextLength();
        try {
            return wanted.converter().convert(chars, offset, length);
        } catch (CastException e) {
            throw TextFailures.cast(chars, offset, length, wanted.type(), "field " + wanted.name(), line, fileName,
                    e);
        }
    }

    /**
     * Returns what a null or missing value of {@code wanted} reads as under {@code fallback}: NULL, or the column's
     * default (NULL when it is nullable, its type's zero value otherwise).
     */
    private Object fallback(NdjsonPlan.Wanted wanted, ValueFallback fallback, String problem, String option) {
        if (fallback == ValueFallback.ERROR) {
            throw new StowageException(ErrorCode.BAD_DATA, "Field %s is missing at line %d of file %s (%s = ERROR)",
                    wanted.name(), line, fileName, option);
        }
        if (wanted.nullable()) {
            return null;
        }
        if (fallback == ValueFallback.FIELD_DEFAULT) {
            return TextConverters.fieldDefault(wanted.type());
        }
        throw new StowageException(ErrorCode.BAD_DATA, "Field %s is %s at line %d of file %s, but its column is NOT"
                + " NULL: the records the schema was inferred from all have a value (%s = FIELD_DEFAULT reads the"
                + " type's zero value)", wanted.name(), problem, line, fileName, option);
    }

    private int[] matches(String name) {
        int[] found = matches.get(name);
        if (found == null) {
            found = plan.matches(name);
            if (matches.size() < MATCH_CACHE_SIZE) {
                matches.put(name, found);
            }
        }
        return found;
    }
}
