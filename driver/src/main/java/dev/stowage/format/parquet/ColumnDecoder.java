package dev.stowage.format.parquet;

import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.io.api.PrimitiveConverter;

/**
 * Decodes one flat (top-level, not repeated) column of a row group, a batch of rows at a time, into one slot of the
 * row arrays. Values are the file type's internal representation. One instance per row group read.
 */
abstract class ColumnDecoder {
    /** A converter for columns whose reader needs none. */
    static final PrimitiveConverter NO_CONVERTER = new PrimitiveConverter() {
    };

    final int slot;
    ColumnReader reader;
    int maxDefinition;

    private ColumnDecoder(int slot) {
        this.slot = slot;
    }

    /** Returns a decoder of {@code leaf} values into {@code slot}; call {@link #bind} before {@link #fill}. */
    static ColumnDecoder create(LeafType leaf, int slot) {
        return switch (leaf.kind()) {
            case INT32 -> new Ints(slot);
            case INT64, TIMESTAMP_MILLIS -> new Longs(slot);
            case DOUBLE -> new Doubles(slot);
            case FLOAT -> new Floats(slot);
            case BOOLEAN -> new Booleans(slot);
            case STRING -> new Strings(slot);
            default -> new Generic(leaf, slot);
        };
    }

    /** Returns the converter the column's reader must be created with. */
    PrimitiveConverter converter() {
        return NO_CONVERTER;
    }

    /** Attaches the reader of the column. */
    void bind(ColumnReader columnReader) {
        this.reader = columnReader;
        this.maxDefinition = columnReader.getDescriptor().getMaxDefinitionLevel();
    }

    /** Decodes the next {@code count} values into {@code rows[0..count)[slot]}. */
    abstract void fill(Object[][] rows, int count);

    private static final class Ints extends ColumnDecoder {
        Ints(int slot) {
            super(slot);
        }

        @Override
        void fill(Object[][] rows, int count) {
            for (int i = 0; i < count; i++) {
                if (reader.getCurrentDefinitionLevel() == maxDefinition) {
                    rows[i][slot] = Integer.valueOf(reader.getInteger());
                }
                reader.consume();
            }
        }
    }

    private static final class Longs extends ColumnDecoder {
        Longs(int slot) {
            super(slot);
        }

        @Override
        void fill(Object[][] rows, int count) {
            for (int i = 0; i < count; i++) {
                if (reader.getCurrentDefinitionLevel() == maxDefinition) {
                    rows[i][slot] = Long.valueOf(reader.getLong());
                }
                reader.consume();
            }
        }
    }

    private static final class Doubles extends ColumnDecoder {
        Doubles(int slot) {
            super(slot);
        }

        @Override
        void fill(Object[][] rows, int count) {
            for (int i = 0; i < count; i++) {
                if (reader.getCurrentDefinitionLevel() == maxDefinition) {
                    rows[i][slot] = Double.valueOf(reader.getDouble());
                }
                reader.consume();
            }
        }
    }

    private static final class Floats extends ColumnDecoder {
        Floats(int slot) {
            super(slot);
        }

        @Override
        void fill(Object[][] rows, int count) {
            for (int i = 0; i < count; i++) {
                if (reader.getCurrentDefinitionLevel() == maxDefinition) {
                    rows[i][slot] = Float.valueOf(reader.getFloat());
                }
                reader.consume();
            }
        }
    }

    private static final class Booleans extends ColumnDecoder {
        Booleans(int slot) {
            super(slot);
        }

        @Override
        void fill(Object[][] rows, int count) {
            for (int i = 0; i < count; i++) {
                if (reader.getCurrentDefinitionLevel() == maxDefinition) {
                    rows[i][slot] = Boolean.valueOf(reader.getBoolean());
                }
                reader.consume();
            }
        }
    }

    /** UTF-8 text; a dictionary-encoded column decodes each dictionary entry once. */
    private static final class Strings extends ColumnDecoder {
        private final DictionaryStrings strings = new DictionaryStrings();

        Strings(int slot) {
            super(slot);
        }

        @Override
        PrimitiveConverter converter() {
            return strings;
        }

        @Override
        void fill(Object[][] rows, int count) {
            for (int i = 0; i < count; i++) {
                if (reader.getCurrentDefinitionLevel() == maxDefinition) {
                    reader.writeCurrentValueToConverter();
                    rows[i][slot] = strings.value;
                }
                reader.consume();
            }
        }
    }

    /** Receives string values from the column reader, from the dictionary where the page has one. */
    private static final class DictionaryStrings extends PrimitiveConverter {
        private Dictionary dictionary;
        private String[] decoded;
        String value;

        @Override
        public boolean hasDictionarySupport() {
            return true;
        }

        @Override
        public void setDictionary(Dictionary newDictionary) {
            dictionary = newDictionary;
            decoded = new String[newDictionary.getMaxId() + 1];
        }

        @Override
        public void addValueFromDictionary(int dictionaryId) {
            String text = decoded[dictionaryId];
            if (text == null) {
                text = dictionary.decodeToBinary(dictionaryId).toStringUsingUTF8();
                decoded[dictionaryId] = text;
            }
            value = text;
        }

        @Override
        public void addBinary(org.apache.parquet.io.api.Binary binary) {
            value = binary.toStringUsingUTF8();
        }
    }

    /** Any other type, through {@link LeafType#read}. */
    private static final class Generic extends ColumnDecoder {
        private final LeafType leaf;

        Generic(LeafType leaf, int slot) {
            super(slot);
            this.leaf = leaf;
        }

        @Override
        void fill(Object[][] rows, int count) {
            for (int i = 0; i < count; i++) {
                if (reader.getCurrentDefinitionLevel() == maxDefinition) {
                    rows[i][slot] = leaf.read(reader);
                }
                reader.consume();
            }
        }
    }
}
