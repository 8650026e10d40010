package dev.stowage.format.text;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.stowage.error.ErrorCode;
import dev.stowage.error.StowageException;
import dev.stowage.scan.Column;
import dev.stowage.scan.ColumnType;
import dev.stowage.scan.SchemaMerge;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Infers the columns of an NDJSON file from its objects' keys, as {@link NdjsonFormatReader#schema} describes.
 * Not thread-safe.
 */
final class NdjsonSchemaInference implements JsonLines.LineVisitor {
    private final JsonFactory factory;
    private final String fileName;
    private final long maxRecords;
    private final Map<String, Key> keys = new LinkedHashMap<>();
    private long records;

    NdjsonSchemaInference(JsonFactory factory, String fileName, long maxRecords) {
        this.factory = factory;
        this.fileName = fileName;
        this.maxRecords = maxRecords;
    }

    /** What the records read so far hold under one key. */
    private static final class Key {
        ColumnType type;
        boolean nullable;
        long lastRecord;
    }

    @Override
    public boolean line(byte[] bytes, int start, int end, long line) throws IOException {
        long record = records++;
        try (JsonParser parser = factory.createParser(bytes, start, end - start)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new StowageException(ErrorCode.BAD_DATA, "Invalid JSON at line %d of file %s: expected an"
                        + " object", line, fileName);
            }
            String name;
            while ((name = parser.nextFieldName()) != null) {
                JsonToken token = parser.nextToken();
                Key key = keys.get(name);
                if (key == null) {
                    key = new Key();
                    key.nullable = record > 0;
                    keys.put(name, key);
                }
                key.lastRecord = record;
                ColumnType type = type(parser, token);
                if (type == null) {
                    key.nullable = true;
                } else {
                    key.type = key.type == null ? type : SchemaMerge.merge(key.type, type);
                }
            }
            if (parser.nextToken() != null) {
                throw new StowageException(ErrorCode.BAD_DATA, "Invalid JSON at line %d of file %s: more than one"
                        + " value on the line", line, fileName);
            }
        } catch (JsonProcessingException e) {
            throw new StowageException(ErrorCode.BAD_DATA, e, "Invalid JSON at line %d of file %s: %s", line,
                    fileName, e.getOriginalMessage());
        }
        for (Key key : keys.values()) {
            if (key.lastRecord != record) {
                key.nullable = true;
            }
        }
        return records < maxRecords;
    }

    /** Returns the type of the value at {@code token}, or null for a JSON null; skips nested values. */
    private static ColumnType type(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case VALUE_NULL -> null;
            case VALUE_TRUE, VALUE_FALSE -> ColumnType.BOOLEAN;
            case VALUE_NUMBER_INT -> parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? ColumnType.DOUBLE
                    : ColumnType.BIGINT;
            case VALUE_NUMBER_FLOAT -> ColumnType.DOUBLE;
            case START_OBJECT, START_ARRAY -> {
                parser.skipChildren();
                yield ColumnType.VARCHAR;
            }
            default -> ColumnType.VARCHAR;
        };
    }

    /** Returns the columns inferred from the records read, in the order their keys first appeared. */
    List<Column> columns() {
        List<Column> columns = new ArrayList<>();
        keys.forEach((name, key) -> columns.add(new Column(name,
                key.type == null ? ColumnType.VARCHAR : key.type, key.nullable || key.type == null)));
        return columns;
    }
}
