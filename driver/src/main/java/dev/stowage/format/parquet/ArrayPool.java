package dev.stowage.format.parquet;

import java.lang.ref.SoftReference;
import java.util.ArrayList;
import java.util.List;

/**
 * Byte arrays kept for reuse by every thread of the process: a scan's threads end with the scan, so a pool per thread
 * would start empty for every statement. An array is handed to one user at a time. The pool keeps at most
 * {@code maxArrays} arrays and {@code maxBytes} bytes, through soft references, so the collector may still take them
 * back when the heap runs short. Thread-safe.
 */
final class ArrayPool {
    private final int maxArrays;
    private final long maxBytes;
    private final List<SoftReference<byte[]>> free = new ArrayList<>();

    ArrayPool(int maxArrays, long maxBytes) {
        this.maxArrays = maxArrays;
        this.maxBytes = maxBytes;
    }

    /** Returns a kept array of at least {@code size} bytes, the smallest there is, or null when none fits. */
    synchronized byte[] take(int size) {
        free.removeIf(reference -> reference.get() == null);
        int best = -1;
        for (int i = 0; i < free.size(); i++) {
            long length = length(i);
            if (length >= size && (best < 0 || length < length(best))) {
                best = i;
            }
        }
        return best < 0 ? null : free.remove(best).get();
    }

    /**
     * Keeps {@code array}, which its user no longer reads or writes, unless the pool is full of arrays at least as
     * large: a full pool drops its smallest arrays for a larger one.
     */
    synchronized void give(byte[] array) {
        if (array.length > maxBytes) {
            return;
        }
        free.removeIf(reference -> reference.get() == null);
        if (free.stream().anyMatch(reference -> reference.get() == array)) {
            // given back twice: keeping it twice would hand one array to two users
            return;
        }
        while (!free.isEmpty() && (free.size() >= maxArrays || keptBytes() + array.length > maxBytes)) {
            int smallest = 0;
            for (int i = 1; i < free.size(); i++) {
                if (length(i) < length(smallest)) {
                    smallest = i;
                }
            }
            if (length(smallest) >= array.length) {
                return;
            }
            free.remove(smallest);
        }
        free.add(new SoftReference<>(array));
    }

    private long keptBytes() {
        long bytes = 0;
        for (int i = 0; i < free.size(); i++) {
            bytes += length(i);
        }
        return bytes;
    }

    private long length(int index) {
        byte[] array = free.get(index).get();
        return array == null ? 0 : array.length;
    }
}
