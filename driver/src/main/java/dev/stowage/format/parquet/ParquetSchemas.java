package dev.stowage.format.parquet;

import dev.stowage.scan.Column;
import dev.stowage.scan.ColumnType;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/** Maps a Parquet schema's top-level fields to SQL columns. */
final class ParquetSchemas {
    private ParquetSchemas() {
    }

    /** Returns the columns of {@code schema}, one per top-level field, in file order. */
    static List<Column> columns(MessageType schema) {
        List<Column> columns = new ArrayList<>(schema.getFieldCount());
        for (Type field : schema.getFields()) {
            columns.add(column(field));
        }
        return columns;
    }

    /** Returns the column of a top-level field: nested and repeated fields are nullable VARCHAR holding JSON. */
    static Column column(Type field) {
        if (isFlat(field)) {
            return new Column(field.getName(), LeafType.of(field.asPrimitiveType()).type(),
                    field.isRepetition(Type.Repetition.OPTIONAL));
        }
        return new Column(field.getName(), ColumnType.VARCHAR, true);
    }

    /** Whether {@code field} is a primitive that is not repeated, decoded without record assembly. */
    static boolean isFlat(Type field) {
        return field.isPrimitive() && !field.isRepetition(Type.Repetition.REPEATED);
    }

    /**
     * Returns the index of the top-level field named {@code name}, matched exactly or else case-insensitively when
     * exactly one field matches that way, or -1.
     */
    static int fieldIndex(GroupType schema, String name) {
        if (schema.containsField(name)) {
            return schema.getFieldIndex(name);
        }
        int found = -1;
        for (int i = 0; i < schema.getFieldCount(); i++) {
            if (schema.getFieldName(i).equalsIgnoreCase(name)) {
                if (found >= 0) {
                    return -1;
                }
                found = i;
            }
        }
        return found;
    }
}
