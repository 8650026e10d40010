package dev.stowage.format.parquet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * Assembles each record of a schema into an array of its top-level values: a flat column's value in the internal
 * representation of its type ({@link LeafType}), anything nested as JSON text. Lists (including the legacy two-level
 * forms and bare repeated fields) become JSON arrays, maps JSON objects keyed by the key's text, and groups JSON
 * objects with every field, NULL ones included.
 */
final class JsonRecordMaterializer extends RecordMaterializer<Object[]> {
    private final Struct root;

    JsonRecordMaterializer(MessageType schema) {
        this.root = new Struct(schema, null);
    }

    @Override
    public Object[] getCurrentRecord() {
        return root.values;
    }

    @Override
    public GroupConverter getRootConverter() {
        return root;
    }

    /** Returns the converter of a value of {@code type}, its repetition aside, delivering JSON text to {@code out}. */
    private static Converter converter(Type type, Consumer<Object> out) {
        if (type.isPrimitive()) {
            return new Leaf(LeafType.of(type.asPrimitiveType()), out, true);
        }
        GroupType group = type.asGroupType();
        LogicalTypeAnnotation annotation = group.getLogicalTypeAnnotation();
        if (annotation instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation && isWrapper(group)) {
            return new ListOf(group, out);
        }
        if ((annotation instanceof LogicalTypeAnnotation.MapLogicalTypeAnnotation
                || annotation instanceof LogicalTypeAnnotation.MapKeyValueTypeAnnotation) && isWrapper(group)) {
            return new MapOf(group, out);
        }
        return new Struct(group, out);
    }

    /** Whether {@code group} holds exactly one repeated field, as LIST and MAP groups do. */
    private static boolean isWrapper(GroupType group) {
        return group.getFieldCount() == 1 && group.getType(0).isRepetition(Type.Repetition.REPEATED);
    }

    /** A primitive value. */
    private static final class Leaf extends PrimitiveConverter {
        private final LeafType leaf;
        private final Consumer<Object> out;
        private final boolean json;

        Leaf(LeafType leaf, Consumer<Object> out, boolean json) {
            this.leaf = leaf;
            this.out = out;
            this.json = json;
        }

        private void deliver(Object value) {
            out.accept(json ? JsonText.value(leaf.type(), value) : value);
        }

        @Override
        public void addBinary(Binary value) {
            deliver(leaf.ofBinary(value));
        }

        @Override
        public void addBoolean(boolean value) {
            deliver(leaf.ofBoolean(value));
        }

        @Override
        public void addDouble(double value) {
            deliver(leaf.ofDouble(value));
        }

        @Override
        public void addFloat(float value) {
            deliver(leaf.ofFloat(value));
        }

        @Override
        public void addInt(int value) {
            deliver(leaf.ofInt(value));
        }

        @Override
        public void addLong(long value) {
            deliver(leaf.ofLong(value));
        }
    }

    /**
     * A group as a JSON object; the root group instead keeps its field values for the caller. A repeated field is a
     * JSON array, empty when the record has no element.
     */
    private static final class Struct extends GroupConverter {
        private final Consumer<Object> out;
        private final String[] keys;
        private final Converter[] children;
        private final List<Object>[] repeated;
        Object[] values;

        @SuppressWarnings("unchecked")
        Struct(GroupType type, Consumer<Object> out) {
            this.out = out;
            int count = type.getFieldCount();
            this.keys = new String[count];
            this.children = new Converter[count];
            this.repeated = new List[count];
            this.values = new Object[count];
            for (int i = 0; i < count; i++) {
                Type field = type.getType(i);
                StringBuilder key = new StringBuilder();
                JsonText.appendString(key, field.getName());
                keys[i] = key.append(':').toString();
                int index = i;
                if (field.isRepetition(Type.Repetition.REPEATED)) {
                    List<Object> elements = new ArrayList<>();
                    repeated[i] = elements;
                    children[i] = converter(field, elements::add);
                } else if (out == null && field.isPrimitive()) {
                    children[i] = new Leaf(LeafType.of(field.asPrimitiveType()), value -> values[index] = value, false);
                } else {
                    children[i] = converter(field, value -> values[index] = value);
                }
            }
        }

        @Override
        public Converter getConverter(int fieldIndex) {
            return children[fieldIndex];
        }

        @Override
        public void start() {
            if (out == null) {
                // the root's array is the record handed to the caller
                values = new Object[children.length];
            } else {
                Arrays.fill(values, null);
            }
            for (List<Object> elements : repeated) {
                if (elements != null) {
                    elements.clear();
                }
            }
        }

        @Override
        public void end() {
            for (int i = 0; i < repeated.length; i++) {
                if (repeated[i] != null) {
                    values[i] = JsonText.array(repeated[i]);
                }
            }
            if (out != null) {
                StringBuilder json = new StringBuilder().append('{');
                for (int i = 0; i < values.length; i++) {
                    if (i > 0) {
                        json.append(',');
                    }
                    json.append(keys[i]).append(values[i] == null ? "null" : (String) values[i]);
                }
                out.accept(json.append('}').toString());
            }
        }
    }

    /**
     * A LIST group as a JSON array. Its repeated field is the element itself when it is primitive, has several fields
     * or is named {@code array} or {@code <list>_tuple} (the legacy two-level forms); otherwise it wraps the element.
     */
    private static final class ListOf extends GroupConverter {
        private final Consumer<Object> out;
        private final List<Object> elements = new ArrayList<>();
        private final Converter child;

        ListOf(GroupType list, Consumer<Object> out) {
            this.out = out;
            Type repeated = list.getType(0);
            boolean elementIsRepeated = repeated.isPrimitive()
                    || repeated.asGroupType().getFieldCount() != 1
                    || repeated.getName().equals("array")
                    || repeated.getName().equals(list.getName() + "_tuple");
            this.child = elementIsRepeated ? converter(repeated, elements::add)
                    : new Element(repeated.asGroupType().getType(0), elements);
        }

        @Override
        public Converter getConverter(int fieldIndex) {
            return child;
        }

        @Override
        public void start() {
            elements.clear();
        }

        @Override
        public void end() {
            out.accept(JsonText.array(elements));
        }
    }

    /** The repeated group of a three-level list, adding its element (NULL when absent) on each repetition. */
    private static final class Element extends GroupConverter {
        private final List<Object> elements;
        private final Converter child;
        private Object value;

        Element(Type element, List<Object> elements) {
            this.elements = elements;
            this.child = converter(element, v -> value = v);
        }

        @Override
        public Converter getConverter(int fieldIndex) {
            return child;
        }

        @Override
        public void start() {
            value = null;
        }

        @Override
        public void end() {
            elements.add(value);
        }
    }

    /** A MAP group as a JSON object whose keys are the keys' text. */
    private static final class MapOf extends GroupConverter {
        private final Consumer<Object> out;
        private final StringBuilder json = new StringBuilder();
        private final Converter entry;
        private Object key;
        private Object value;
        private int size;

        MapOf(GroupType map, Consumer<Object> out) {
            this.out = out;
            Type keyValue = map.getType(0);
            this.entry = keyValue.isPrimitive() ? converter(keyValue, k -> {
                key = k;
                addEntry();
            }) : new Entry(keyValue.asGroupType());
        }

        @Override
        public Converter getConverter(int fieldIndex) {
            return entry;
        }

        @Override
        public void start() {
            json.setLength(0);
            json.append('{');
            size = 0;
        }

        @Override
        public void end() {
            out.accept(json.append('}').toString());
        }

        private void addEntry() {
            if (size++ > 0) {
                json.append(',');
            }
            json.append(key == null ? "\"null\"" : JsonText.key((String) key)).append(':')
                    .append(value == null ? "null" : (String) value);
            key = null;
            value = null;
        }

        /** The repeated key-value group: its first field is the key, its second (if any) the value. */
        private final class Entry extends GroupConverter {
            private final Converter[] children;

            Entry(GroupType keyValue) {
                children = new Converter[keyValue.getFieldCount()];
                for (int i = 0; i < children.length; i++) {
                    children[i] = i == 0 ? converter(keyValue.getType(0), k -> key = k)
                            : i == 1 ? converter(keyValue.getType(1), v -> value = v)
                            : converter(keyValue.getType(i), ignored -> { });
                }
            }

            @Override
            public Converter getConverter(int fieldIndex) {
                return children[fieldIndex];
            }

            @Override
            public void start() {
                key = null;
                value = null;
            }

            @Override
            public void end() {
                addEntry();
            }
        }
    }
}
