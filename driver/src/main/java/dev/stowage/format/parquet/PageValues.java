package dev.stowage.format.parquet;

import dev.stowage.scan.ColumnVector;
import dev.stowage.scan.DoubleVector;
import dev.stowage.scan.LongVector;
import dev.stowage.scan.ObjectVector;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.apache.parquet.column.values.ValuesReader;
import org.apache.parquet.io.ParquetDecodingException;
import org.apache.parquet.io.api.Binary;

/**
 * The values of one data page of a flat column, written into a {@link ColumnVector}: as objects of the file type's
 * internal representation, or as primitives ({@link LongVector}, {@link DoubleVector}) where the leaf decodes to
 * them ({@link LeafType#decodesToLong()}, {@link LeafType#decodesToDouble()}). PLAIN values are read straight from
 * the page and dictionary ids decoded in bulk; any other encoding goes through a parquet-java values reader. Each
 * kind has its own loops, so that the per-value work is a direct call the JIT can inline.
 */
abstract class PageValues {
    /**
     * Writes the page's next values into rows {@code from + i} of {@code out} for each {@code i < count} whose
     * definition level {@code levels[i]} is {@code maxDefinition} (every {@code i} when {@code levels} is null); the
     * other rows are set NULL, and a primitive vector then told it {@linkplain LongVector#hasNulls() has NULLs}.
     */
    abstract void decode(ColumnVector out, int from, int count, int[] levels, int maxDefinition);

    /**
     * Returns the PLAIN values of {@code leaf}'s physical type in {@code data}, from its position on.
     *
     * @param fixedLength the length of each value of a FIXED_LEN_BYTE_ARRAY or INT96 column, otherwise 0
     */
    static PageValues plain(ByteBuffer data, LeafType leaf, int fixedLength) {
        Bytes bytes = Bytes.of(data);
        return switch (leaf.kind().physical()) {
            case BOOLEAN -> new PlainBooleans(bytes);
            case INT -> new PlainInts(bytes, leaf);
            case LONG -> new PlainLongs(bytes, leaf);
            case FLOAT -> new PlainFloats(bytes);
            case DOUBLE -> new PlainDoubles(bytes);
            case BINARY -> fixedLength > 0 ? new PlainFixed(bytes, leaf, fixedLength) : new PlainBinaries(bytes, leaf);
        };
    }

    /** Returns dictionary-encoded values: {@code data} holds the ids' bit width, then the ids. */
    static PageValues dictionary(ByteBuffer data, DictionaryValues dictionary) {
        int bitWidth = data.get(data.position()) & 0xFF;
        data.position(data.position() + 1);
        return new DictionaryIds(new RleHybridDecoder(data, bitWidth), dictionary);
    }

    /** Returns the values {@code reader}, initialised with the page, reads. */
    static PageValues generic(ValuesReader reader, LeafType leaf) {
        return new Generic(reader, leaf);
    }

    static boolean defined(int[] levels, int i, int maxDefinition) {
        return levels == null || levels[i] == maxDefinition;
    }

    /** Returns how many of {@code levels[0..count)} are {@code maxDefinition}: the values the page holds for them. */
    static int present(int[] levels, int count, int maxDefinition) {
        if (levels == null) {
            return count;
        }
        int present = 0;
        for (int i = 0; i < count; i++) {
            if (levels[i] == maxDefinition) {
                present++;
            }
        }
        return present;
    }

    /**
     * Sets {@code nulls[from + i]} for each {@code i < count} whose level is not {@code maxDefinition}, clears the
     * others, and returns whether any was set; does nothing when {@code levels} is null.
     */
    static boolean markNulls(boolean[] nulls, int from, int count, int[] levels, int maxDefinition) {
        if (levels == null) {
            return false;
        }
        boolean any = false;
        for (int i = 0; i < count; i++) {
            boolean isNull = levels[i] != maxDefinition;
            nulls[from + i] = isNull;
            any |= isNull;
        }
        return any;
    }

    /**
     * The bytes of a page's values: {@code array[start..end)}. Little-endian numbers are read through array views,
     * which the JIT compiles to plain loads.
     */
    private record Bytes(byte[] array, int start, int end) {
        static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
        static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
        static final VarHandle FLOAT = MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.LITTLE_ENDIAN);
        static final VarHandle DOUBLE = MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.LITTLE_ENDIAN);

        static Bytes of(ByteBuffer data) {
            if (data.hasArray()) {
                int start = data.arrayOffset() + data.position();
                return new Bytes(data.array(), start, start + data.remaining());
            }
            byte[] copy = new byte[data.remaining()];
            data.duplicate().get(copy);
            return new Bytes(copy, 0, copy.length);
        }

        /** Returns where a value of {@code length} bytes at {@code position} ends, failing past the page's end. */
        int checkedEnd(int position, int length) {
            if (length < 0 || length > end - position) {
                throw new ParquetDecodingException("a value of " + length + " bytes exceeds its page");
            }
            return position + length;
        }
    }

    /** PLAIN values read one after another from the page's bytes. */
    private abstract static class Plain extends PageValues {
        final Bytes bytes;
        private int position;

        Plain(Bytes bytes) {
            this.bytes = bytes;
            this.position = bytes.start();
        }

        /** Moves past the next {@code length} bytes and returns where they start; fails past the page's end. */
        final int advance(int length) {
            int start = position;
            position = bytes.checkedEnd(start, length);
            return start;
        }
    }

    private static final class PlainInts extends Plain {
        private final LeafType leaf;
        private final boolean integer;

        PlainInts(Bytes bytes, LeafType leaf) {
            super(bytes);
            this.leaf = leaf;
            this.integer = leaf.kind() == ValueKind.INT32;
        }

        @Override
        void decode(ColumnVector out, int from, int count, int[] levels, int maxDefinition) {
            byte[] array = bytes.array();
            int at = advance(4 * present(levels, count, maxDefinition));
            if (out instanceof LongVector longs) {
                long[] values = longs.values();
                if (markNulls(longs.nulls(), from, count, levels, maxDefinition)) {
                    longs.hasNulls(true);
                }
                for (int i = 0; i < count; i++) {
                    if (defined(levels, i, maxDefinition)) {
                        int value = (int) Bytes.INT.get(array, at);
                        at += 4;
                        values[from + i] = integer ? value : leaf.longOfInt(value);
                    }
                }
                return;
            }
            Object[] values = ((ObjectVector) out).values();
            for (int i = 0; i < count; i++) {
                if (defined(levels, i, maxDefinition)) {
                    int value = (int) Bytes.INT.get(array, at);
                    at += 4;
                    values[from + i] = integer ? Integer.valueOf(value) : leaf.ofInt(value);
                } else {
                    values[from + i] = null;
                }
            }
        }
    }

    private static final class PlainLongs extends Plain {
        private final LeafType leaf;
        private final boolean bigint;

        PlainLongs(Bytes bytes, LeafType leaf) {
            super(bytes);
            this.leaf = leaf;
            this.bigint = leaf.kind() == ValueKind.INT64;
        }

        @Override
        void decode(ColumnVector out, int from, int count, int[] levels, int maxDefinition) {
            byte[] array = bytes.array();
            int at = advance(8 * present(levels, count, maxDefinition));
            if (out instanceof LongVector longs) {
                long[] values = longs.values();
                if (markNulls(longs.nulls(), from, count, levels, maxDefinition)) {
                    longs.hasNulls(true);
                }
                for (int i = 0; i < count; i++) {
                    if (defined(levels, i, maxDefinition)) {
                        long value = (long) Bytes.LONG.get(array, at);
                        at += 8;
                        values[from + i] = bigint ? value : leaf.longOfLong(value);
                    }
                }
                return;
            }
            Object[] values = ((ObjectVector) out).values();
            for (int i = 0; i < count; i++) {
                if (defined(levels, i, maxDefinition)) {
                    long value = (long) Bytes.LONG.get(array, at);
                    at += 8;
                    values[from + i] = bigint ? Long.valueOf(value) : leaf.ofLong(value);
                } else {
                    values[from + i] = null;
                }
            }
        }
    }

    private static final class PlainFloats extends Plain {
        PlainFloats(Bytes bytes) {
            super(bytes);
        }

        @Override
        void decode(ColumnVector out, int from, int count, int[] levels, int maxDefinition) {
            byte[] array = bytes.array();
            int at = advance(4 * present(levels, count, maxDefinition));
            if (out instanceof DoubleVector doubles) {
                double[] values = doubles.values();
                if (markNulls(doubles.nulls(), from, count, levels, maxDefinition)) {
                    doubles.hasNulls(true);
                }
                for (int i = 0; i < count; i++) {
                    if (defined(levels, i, maxDefinition)) {
                        values[from + i] = (float) Bytes.FLOAT.get(array, at);
                        at += 4;
                    }
                }
                return;
            }
            Object[] values = ((ObjectVector) out).values();
            for (int i = 0; i < count; i++) {
                if (defined(levels, i, maxDefinition)) {
                    values[from + i] = Float.valueOf((float) Bytes.FLOAT.get(array, at));
                    at += 4;
                } else {
                    values[from + i] = null;
                }
            }
        }
    }

    private static final class PlainDoubles extends Plain {
        PlainDoubles(Bytes bytes) {
            super(bytes);
        }

        @Override
        void decode(ColumnVector out, int from, int count, int[] levels, int maxDefinition) {
            byte[] array = bytes.array();
            int at = advance(8 * present(levels, count, maxDefinition));
            if (out instanceof DoubleVector doubles) {
                double[] values = doubles.values();
                if (markNulls(doubles.nulls(), from, count, levels, maxDefinition)) {
                    doubles.hasNulls(true);
                }
                for (int i = 0; i < count; i++) {
                    if (defined(levels, i, maxDefinition)) {
                        values[from + i] = (double) Bytes.DOUBLE.get(array, at);
                        at += 8;
                    }
                }
                return;
            }
            Object[] values = ((ObjectVector) out).values();
            for (int i = 0; i < count; i++) {
                if (defined(levels, i, maxDefinition)) {
                    values[from + i] = Double.valueOf((double) Bytes.DOUBLE.get(array, at));
                    at += 8;
                } else {
                    values[from + i] = null;
                }
            }
        }
    }

    /** Booleans, one bit each, least significant bit first. */
    private static final class PlainBooleans extends PageValues {
        private final Bytes bytes;
        private int index;

        PlainBooleans(Bytes bytes) {
            this.bytes = bytes;
        }

        @Override
        void decode(ColumnVector out, int from, int count, int[] levels, int maxDefinition) {
            byte[] array = bytes.array();
            Object[] values = ((ObjectVector) out).values();
            for (int i = 0; i < count; i++) {
                if (defined(levels, i, maxDefinition)) {
                    int at = bytes.checkedEnd(bytes.start() + (index >>> 3), 1) - 1;
                    values[from + i] = Boolean.valueOf((array[at] >>> (index & 7) & 1) != 0);
                    index++;
                } else {
                    values[from + i] = null;
                }
            }
        }
    }

    /** Byte arrays, each after its 4-byte length. */
    private static final class PlainBinaries extends Plain {
        private final LeafType leaf;
        private final boolean string;

        PlainBinaries(Bytes bytes, LeafType leaf) {
            super(bytes);
            this.leaf = leaf;
            this.string = leaf.kind() == ValueKind.STRING;
        }

        @Override
        void decode(ColumnVector out, int from, int count, int[] levels, int maxDefinition) {
            byte[] array = bytes.array();
            Object[] values = ((ObjectVector) out).values();
            for (int i = 0; i < count; i++) {
                if (defined(levels, i, maxDefinition)) {
                    int length = (int) Bytes.INT.get(array, advance(4));
                    int start = advance(length);
                    values[from + i] = string ? new String(array, start, length, StandardCharsets.UTF_8)
                            : leaf.ofBinary(Binary.fromConstantByteArray(array, start, length));
                } else {
                    values[from + i] = null;
                }
            }
        }
    }

    /** Byte arrays of one length (FIXED_LEN_BYTE_ARRAY, INT96). */
    private static final class PlainFixed extends Plain {
        private final LeafType leaf;
        private final int length;

        PlainFixed(Bytes bytes, LeafType leaf, int length) {
            super(bytes);
            this.leaf = leaf;
            this.length = length;
        }

        @Override
        void decode(ColumnVector out, int from, int count, int[] levels, int maxDefinition) {
            byte[] array = bytes.array();
            Object[] values = ((ObjectVector) out).values();
            for (int i = 0; i < count; i++) {
                values[from + i] = defined(levels, i, maxDefinition)
                        ? leaf.ofBinary(Binary.fromConstantByteArray(array, advance(length), length)) : null;
            }
        }
    }

    private static final class DictionaryIds extends PageValues {
        private final RleHybridDecoder ids;
        private final DictionaryValues dictionary;
        private int[] buffer = new int[0];

        DictionaryIds(RleHybridDecoder ids, DictionaryValues dictionary) {
            this.ids = ids;
            this.dictionary = dictionary;
        }

        @Override
        void decode(ColumnVector out, int from, int count, int[] levels, int maxDefinition) {
            int present = present(levels, count, maxDefinition);
            if (buffer.length < present) {
                buffer = new int[Math.max(present, 2 * buffer.length)];
            }
            ids.read(buffer, present);
            int next = 0;
            if (out instanceof LongVector longs) {
                long[] entries = dictionary.longs();
                long[] values = longs.values();
                if (markNulls(longs.nulls(), from, count, levels, maxDefinition)) {
                    longs.hasNulls(true);
                }
                for (int i = 0; i < count; i++) {
                    if (defined(levels, i, maxDefinition)) {
                        values[from + i] = entries[buffer[next++]];
                    }
                }
            } else if (out instanceof DoubleVector doubles) {
                double[] entries = dictionary.doubles();
                double[] values = doubles.values();
                if (markNulls(doubles.nulls(), from, count, levels, maxDefinition)) {
                    doubles.hasNulls(true);
                }
                for (int i = 0; i < count; i++) {
                    if (defined(levels, i, maxDefinition)) {
                        values[from + i] = entries[buffer[next++]];
                    }
                }
            } else {
                Object[] values = ((ObjectVector) out).values();
                for (int i = 0; i < count; i++) {
                    values[from + i] = defined(levels, i, maxDefinition) ? dictionary.get(buffer[next++]) : null;
                }
            }
        }
    }

    private static final class Generic extends PageValues {
        private final ValuesReader reader;
        private final LeafType leaf;

        Generic(ValuesReader reader, LeafType leaf) {
            this.reader = reader;
            this.leaf = leaf;
        }

        @Override
        void decode(ColumnVector out, int from, int count, int[] levels, int maxDefinition) {
            if (out instanceof LongVector longs) {
                long[] values = longs.values();
                if (markNulls(longs.nulls(), from, count, levels, maxDefinition)) {
                    longs.hasNulls(true);
                }
                boolean ints = leaf.kind().physical() == ValueKind.Physical.INT;
                for (int i = 0; i < count; i++) {
                    if (defined(levels, i, maxDefinition)) {
                        values[from + i] = ints ? leaf.longOfInt(reader.readInteger())
                                : leaf.longOfLong(reader.readLong());
                    }
                }
            } else if (out instanceof DoubleVector doubles) {
                double[] values = doubles.values();
                if (markNulls(doubles.nulls(), from, count, levels, maxDefinition)) {
                    doubles.hasNulls(true);
                }
                boolean floats = leaf.kind().physical() == ValueKind.Physical.FLOAT;
                for (int i = 0; i < count; i++) {
                    if (defined(levels, i, maxDefinition)) {
                        values[from + i] = floats ? reader.readFloat() : reader.readDouble();
                    }
                }
            } else {
                Object[] values = ((ObjectVector) out).values();
                for (int i = 0; i < count; i++) {
                    values[from + i] = defined(levels, i, maxDefinition) ? read() : null;
                }
            }
        }

        private Object read() {
            return switch (leaf.kind().physical()) {
                case BOOLEAN -> leaf.ofBoolean(reader.readBoolean());
                case INT -> leaf.ofInt(reader.readInteger());
                case LONG -> leaf.ofLong(reader.readLong());
                case FLOAT -> leaf.ofFloat(reader.readFloat());
                case DOUBLE -> leaf.ofDouble(reader.readDouble());
                case BINARY -> leaf.ofBinary(reader.readBytes());
            };
        }
    }
}
