package dev.stowage.format.parquet;

import org.apache.parquet.column.Dictionary;

/**
 * The entries of a column chunk's dictionary as values of the column's type, each decoded the first time a page
 * refers to it and shared by every row that holds it. Not thread-safe.
 */
final class DictionaryValues {
    private final Dictionary dictionary;
    private final LeafType leaf;
    private final Object[] decoded;
    private long[] longs;
    private double[] doubles;

    DictionaryValues(Dictionary dictionary, LeafType leaf) {
        this.dictionary = dictionary;
        this.leaf = leaf;
        this.decoded = new Object[dictionary.getMaxId() + 1];
    }

    /**
     * Returns entry {@code id}.
     *
     * @throws ArrayIndexOutOfBoundsException when the dictionary has no such entry
     */
    Object get(int id) {
        Object value = decoded[id];
        if (value == null) {
            value = decode(id);
            decoded[id] = value;
        }
        return value;
    }

    /** Returns every entry as a {@code long}, when the leaf {@link LeafType#decodesToLong()}. */
    long[] longs() {
        if (longs == null) {
            long[] all = new long[decoded.length];
            for (int id = 0; id < all.length; id++) {
                all[id] = leaf.kind().physical() == ValueKind.Physical.INT
                        ? leaf.longOfInt(dictionary.decodeToInt(id)) : leaf.longOfLong(dictionary.decodeToLong(id));
            }
            longs = all;
        }
        return longs;
    }

    /** Returns every entry as a {@code double}, when the leaf {@link LeafType#decodesToDouble()}. */
    double[] doubles() {
        if (doubles == null) {
            double[] all = new double[decoded.length];
            for (int id = 0; id < all.length; id++) {
                all[id] = leaf.kind().physical() == ValueKind.Physical.FLOAT
                        ? dictionary.decodeToFloat(id) : dictionary.decodeToDouble(id);
            }
            doubles = all;
        }
        return doubles;
    }

    private Object decode(int id) {
        return switch (leaf.kind().physical()) {
            case BOOLEAN -> leaf.ofBoolean(dictionary.decodeToBoolean(id));
            case INT -> leaf.ofInt(dictionary.decodeToInt(id));
            case LONG -> leaf.ofLong(dictionary.decodeToLong(id));
            case FLOAT -> leaf.ofFloat(dictionary.decodeToFloat(id));
            case DOUBLE -> leaf.ofDouble(dictionary.decodeToDouble(id));
            case BINARY -> leaf.ofBinary(dictionary.decodeToBinary(id));
        };
    }
}
