package dev.stowage.format.text;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Finds the first of a few byte values in a byte range, eight bytes at a time. */
final class ByteSearch {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private ByteSearch() {
    }

    /**
     * Returns the position of the first byte of {@code bytes[from, to)} equal to {@code a}, {@code b}, {@code c} or
     * {@code d}, or {@code to} when there is none. Repeat a value to look for fewer.
     */
    static int find(byte[] bytes, int from, int to, byte a, byte b, byte c, byte d) {
        int i = from;
        if (to - i >= 8) {
            long pa = (a & 0xFFL) * ONES;
            long pb = (b & 0xFFL) * ONES;
            long pc = (c & 0xFFL) * ONES;
            long pd = (d & 0xFFL) * ONES;
            for (; i + 8 <= to; i += 8) {
                long word = (long) LONGS.get(bytes, i);
                long found = zeroBytes(word ^ pa) | zeroBytes(word ^ pb) | zeroBytes(word ^ pc) | zeroBytes(word ^ pd);
                if (found != 0) {
                    // the lowest flagged byte is always a true match; flags above it may be false ones
                    return i + (Long.numberOfTrailingZeros(found) >>> 3);
                }
            }
        }
        for (; i < to; i++) {
            byte x = bytes[i];
            if (x == a || x == b || x == c || x == d) {
                return i;
            }
        }
        return to;
    }

    /** Flags the high bit of each zero byte of {@code x} (and possibly of bytes above the lowest zero byte). */
    private static long zeroBytes(long x) {
        return (x - ONES) & ~x & HIGHS;
    }
}
