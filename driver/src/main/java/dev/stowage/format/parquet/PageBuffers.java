package dev.stowage.format.parquet;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The arrays pages are decompressed into, reused on the thread that decompresses them: a decoder that is done with
 * a page gives its array back, so a scan does not allocate (and the memory system zero and fault in) a fresh array
 * for every page. Arrays handed out but never given back (dictionary pages, pages of assembled columns) are simply
 * collected. Each thread has its own pool; scan threads end with their scan, and the pool keeps a few arrays at
 * most.
 */
final class PageBuffers {
    private static final ThreadLocal<PageBuffers> OF_THREAD = ThreadLocal.withInitial(PageBuffers::new);
    /** The most arrays kept for reuse. */
    private static final int KEPT = 8;
    /** Larger arrays are not kept. */
    private static final int MAX_KEPT_BYTES = 16 << 20;

    // arrays hash and compare by identity, so this is a weak identity set of the arrays handed out
    private final Map<byte[], Boolean> lent = new WeakHashMap<>();
    private final List<byte[]> free = new ArrayList<>(KEPT);

    private PageBuffers() {
    }

    /** Returns the current thread's pool. */
    static PageBuffers ofThread() {
        return OF_THREAD.get();
    }

    /** Returns an array of at least {@code size} bytes, reused when one is free: the smallest that fits. */
    byte[] take(int size) {
        int best = -1;
        for (int i = 0; i < free.size(); i++) {
            int length = free.get(i).length;
            if (length >= size && (best < 0 || length < free.get(best).length)) {
                best = i;
            }
        }
        byte[] array = best >= 0 ? free.remove(best) : new byte[size];
        lent.put(array, Boolean.TRUE);
        return array;
    }

    /**
     * Takes back {@code array}, which nothing reads any more, if this pool handed it out; any other array (a slice
     * of an uncompressed chunk, another thread's) is ignored.
     */
    void giveBack(byte[] array) {
        if (lent.remove(array) == null || array.length > MAX_KEPT_BYTES) {
            return;
        }
        if (free.size() == KEPT) {
            int smallest = 0;
            for (int i = 1; i < free.size(); i++) {
                if (free.get(i).length < free.get(smallest).length) {
                    smallest = i;
                }
            }
            if (free.get(smallest).length >= array.length) {
                return;
            }
            free.remove(smallest);
        }
        free.add(array);
    }
}
