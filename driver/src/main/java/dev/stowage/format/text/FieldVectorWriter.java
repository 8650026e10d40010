package dev.stowage.format.text;

import dev.stowage.scan.ColumnType;
import dev.stowage.scan.ColumnVector;
import dev.stowage.scan.DoubleVector;
import dev.stowage.scan.LongVector;
import dev.stowage.scan.ObjectVector;

/**
 * Converts the text of one field into its row of an output column's vector, as SQL CAST converts it
 * ({@link TextConverters}): integers, dates, times and timestamps are parsed into a {@link LongVector}, REAL and
 * DOUBLE into a {@link DoubleVector}, with no object per value; other types go through a {@link TextConverter} into
 * an {@link ObjectVector}. Not thread-safe.
 */
abstract class FieldVectorWriter {
    /** Parses field text into a {@code long}. */
    @FunctionalInterface
    interface LongParser {
        long parse(char[] chars, int offset, int length) throws CastException;
    }

    /** Parses field text into a {@code double}. */
    @FunctionalInterface
    interface DoubleParser {
        double parse(char[] chars, int offset, int length) throws CastException;
    }

    /** Returns the writer of values of {@code type} into a new vector of {@code capacity} rows. */
    static FieldVectorWriter of(ColumnType type, DelimitedOptions options, int capacity) {
        LongParser longs = TextConverters.longParser(type);
        if (longs != null) {
            return new Longs(type, capacity, longs);
        }
        DoubleParser doubles = TextConverters.doubleParser(type, options.nanDisplay());
        if (doubles != null) {
            return new Doubles(type, capacity, doubles);
        }
        return new Objects(type, capacity, TextConverters.of(type, options.nanDisplay(), options.base64()));
    }

    /** Returns the vector written. */
    abstract ColumnVector vector();

    /** Makes {@code row} NULL, which it stays unless a value is written. */
    abstract void setNull(int row);

    /**
     * Writes the value of {@code chars[offset, offset + length)} into {@code row}.
     *
     * @throws CastException when the text is no value of the type
     */
    abstract void write(char[] chars, int offset, int length, int row) throws CastException;

    /** Completes the vector's first {@code size} rows before they are handed on. */
    void finish(int size) {
    }

    private static boolean anyTrue(boolean[] flags, int size) {
        for (int i = 0; i < size; i++) {
            if (flags[i]) {
                return true;
            }
        }
        return false;
    }

    private static final class Longs extends FieldVectorWriter {
        private final LongVector vector;
        private final LongParser parser;

        Longs(ColumnType type, int capacity, LongParser parser) {
            this.vector = new LongVector(type, capacity);
            this.parser = parser;
        }

        @Override
        ColumnVector vector() {
            return vector;
        }

        @Override
        void setNull(int row) {
            vector.nulls()[row] = true;
        }

        @Override
        void write(char[] chars, int offset, int length, int row) throws CastException {
            vector.values()[row] = parser.parse(chars, offset, length);
            vector.nulls()[row] = false;
        }

        @Override
        void finish(int size) {
            vector.hasNulls(anyTrue(vector.nulls(), size));
        }
    }

    private static final class Doubles extends FieldVectorWriter {
        private final DoubleVector vector;
        private final DoubleParser parser;

        Doubles(ColumnType type, int capacity, DoubleParser parser) {
            this.vector = new DoubleVector(type, capacity);
            this.parser = parser;
        }

        @Override
        ColumnVector vector() {
            return vector;
        }

        @Override
        void setNull(int row) {
            vector.nulls()[row] = true;
        }

        @Override
        void write(char[] chars, int offset, int length, int row) throws CastException {
            vector.values()[row] = parser.parse(chars, offset, length);
            vector.nulls()[row] = false;
        }

        @Override
        void finish(int size) {
            vector.hasNulls(anyTrue(vector.nulls(), size));
        }
    }

    private static final class Objects extends FieldVectorWriter {
        private final ObjectVector vector;
        private final TextConverter converter;

        Objects(ColumnType type, int capacity, TextConverter converter) {
            this.vector = new ObjectVector(type, capacity);
            this.converter = converter;
        }

        @Override
        ColumnVector vector() {
            return vector;
        }

        @Override
        void setNull(int row) {
            vector.values()[row] = null;
        }

        @Override
        void write(char[] chars, int offset, int length, int row) throws CastException {
            vector.values()[row] = converter.convert(chars, offset, length);
        }
    }
}
