package dev.stowage.format.parquet;

import java.util.Map;
import java.util.WeakHashMap;

/**
 * The arrays pages are decompressed into, reused: a decoder that is done with a page gives its array back, so a scan
 * does not allocate (and the memory system zero and fault in) a fresh array for every page. Arrays handed out but
 * never given back (dictionary pages, pages of assembled columns) are simply collected. Thread-safe.
 */
final class PageBuffers {
    private static final PageBuffers SHARED = new PageBuffers();

    private final ArrayPool pool = new ArrayPool(16, 32L << 20);
    // arrays hash and compare by identity, so this is a weak identity set of the arrays handed out
    private final Map<byte[], Boolean> lent = new WeakHashMap<>();

    private PageBuffers() {
    }

    /** Returns the pool of the process. */
    static PageBuffers shared() {
        return SHARED;
    }

    /** Returns an array of at least {@code size} bytes, reused when one is free. */
    byte[] take(int size) {
        byte[] array = pool.take(size);
        if (array == null) {
            array = new byte[size];
        }
        synchronized (lent) {
            lent.put(array, Boolean.TRUE);
        }
        return array;
    }

    /**
     * Takes back {@code array}, which nothing reads any more, if this pool handed it out; any other array (a slice
     * of an uncompressed chunk) is ignored.
     */
    void giveBack(byte[] array) {
        synchronized (lent) {
            if (lent.remove(array) == null) {
                return;
            }
        }
        pool.give(array);
    }
}
