package dev.stowage.format.parquet;

import java.nio.ByteBuffer;
import org.apache.parquet.io.ParquetDecodingException;

/**
 * Decodes Parquet's RLE / bit-packing hybrid encoding (definition levels, dictionary ids) in bulk. Runs are read
 * lazily, so a decoder may be handed the rest of a page and stop where its values end. Not thread-safe.
 */
final class RleHybridDecoder {
    private final ByteBuffer data;
    private final int end;
    private final int bitWidth;
    private final int byteWidth;
    private final long mask;
    private final int[] group = new int[8];
    private int position;
    private int runRemaining;
    private boolean packed;
    private int runValue;
    private int groupIndex = 8;

    /** Decodes values of {@code bitWidth} bits from {@code data}'s position to its limit. */
    RleHybridDecoder(ByteBuffer data, int bitWidth) {
        if (bitWidth < 0 || bitWidth > 32) {
            throw new ParquetDecodingException("invalid bit width " + bitWidth);
        }
        this.data = data;
        this.position = data.position();
        this.end = data.limit();
        this.bitWidth = bitWidth;
        this.byteWidth = (bitWidth + 7) / 8;
        this.mask = (1L << bitWidth) - 1;
    }

    /** Decodes the next {@code count} values into {@code out[0..count)}. */
    void read(int[] out, int count) {
        int done = 0;
        while (done < count) {
            if (runRemaining == 0) {
                nextRun();
                continue;
            }
            int n = Math.min(count - done, runRemaining);
            if (packed) {
                for (int i = done; i < done + n; i++) {
                    if (groupIndex == 8) {
                        unpackGroup();
                    }
                    out[i] = group[groupIndex++];
                }
            } else {
                java.util.Arrays.fill(out, done, done + n, runValue);
            }
            done += n;
            runRemaining -= n;
        }
    }

    /**
     * Skips the next {@code count} values and returns true when they all are {@code value} within one run of
     * repeats; otherwise consumes no value and returns false. Lets a caller skip decoding definition levels of a stretch
     * without NULLs.
     */
    boolean skipRepeated(int value, int count) {
        if (runRemaining == 0 && position < end) {
            nextRun();
        }
        if (packed || runRemaining < count || runValue != value) {
            return false;
        }
        runRemaining -= count;
        return true;
    }

    private void nextRun() {
        int header = readVarInt();
        if ((header & 1) == 0) {
            packed = false;
            runRemaining = header >>> 1;
            int value = 0;
            for (int i = 0; i < byteWidth; i++) {
                value |= (readByte() & 0xFF) << (8 * i);
            }
            runValue = value;
        } else {
            packed = true;
            runRemaining = (header >>> 1) * 8;
            groupIndex = 8;
        }
    }

    /** Unpacks the next 8 values, least significant bits first; a group cut short by the page's end reads zeros. */
    private void unpackGroup() {
        long bits = 0;
        int available = 0;
        for (int i = 0; i < 8; i++) {
            while (available < bitWidth) {
                int next = position < end ? data.get(position) & 0xFF : 0;
                position++;
                bits |= (long) next << available;
                available += 8;
            }
            group[i] = (int) (bits & mask);
            bits >>>= bitWidth;
            available -= bitWidth;
        }
        groupIndex = 0;
    }

    private int readVarInt() {
        int value = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            int b = readByte();
            value |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new ParquetDecodingException("invalid run header in RLE / bit-packed data");
    }

    private int readByte() {
        if (position >= end) {
            throw new ParquetDecodingException("RLE / bit-packed data ends before its values");
        }
        return data.get(position++);
    }
}
