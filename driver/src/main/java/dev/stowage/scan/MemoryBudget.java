package dev.stowage.scan;

import java.util.concurrent.Semaphore;

/**
 * The heap one scan may fill with units being read: units reserve their {@link ScanUnit#memoryEstimate()} before they
 * start and release it when they end, so large units run fewer at a time. A unit larger than the whole budget runs
 * alone.
 */
final class MemoryBudget {
    /** A quarter of the maximum heap: the rest is for the rows in flight, the query's operators and other scans. */
    private static final int HEAP_SHARE = 4;
    private static final long UNIT = 1024;

    private final Semaphore permits;
    private final int total;

    private MemoryBudget(long bytes) {
        this.total = (int) Math.max(1, Math.min(Integer.MAX_VALUE, bytes / UNIT));
        this.permits = new Semaphore(total);
    }

    /** Returns the budget for a scan in this JVM. */
    static MemoryBudget ofHeap() {
        return new MemoryBudget(Runtime.getRuntime().maxMemory() / HEAP_SHARE);
    }

    /**
     * Waits until {@code bytes} (at most the whole budget) are free and takes them.
     *
     * @return the reservation, to hand to {@link #release}
     */
    long reserve(long bytes) throws InterruptedException {
        int count = (int) Math.min(total, (bytes + UNIT - 1) / UNIT);
        if (count > 0) {
            permits.acquire(count);
        }
        return count;
    }

    /** Returns a reservation made by {@link #reserve}. */
    void release(long reservation) {
        if (reservation > 0) {
            permits.release((int) reservation);
        }
    }
}
