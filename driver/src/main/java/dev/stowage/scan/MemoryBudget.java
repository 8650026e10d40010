package dev.stowage.scan;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The heap the scans of the process may fill with units being read: units reserve their
 * {@link ScanUnit#memoryEstimate()} before they start and release it when they end, so large units, and the units of
 * many concurrent scans, run fewer at a time. Each scan reserves through its own {@link Account}; a scan with no unit
 * under way never waits, so that scans whose consumers wait for one another (the two sides of a join) cannot block
 * each other forever: memory stays within the budget plus one unit per running scan.
 */
public final class MemoryBudget {
    /** A quarter of the maximum heap: the rest is for the rows in flight and the queries' operators. */
    private static final int HEAP_SHARE = 4;
    private static final long UNIT = 1024;
    private static final MemoryBudget PROCESS = new MemoryBudget(Runtime.getRuntime().maxMemory() / HEAP_SHARE);

    private final Semaphore permits;
    private final int total;

    MemoryBudget(long bytes) {
        this.total = (int) Math.max(1, Math.min(Integer.MAX_VALUE, bytes / UNIT));
        this.permits = new Semaphore(total, true);
    }

    /** Returns the budget of the scans of this JVM. */
    public static MemoryBudget ofProcess() {
        return PROCESS;
    }

    /** Opens the account of one scan. */
    public Account account() {
        return new Account();
    }

    /**
     * The reservations of one scan. Closing it gives back whatever its units still hold: units a closed scan never
     * started, or whose end was never reached, must not keep the budget of the process. Thread-safe.
     */
    public final class Account implements AutoCloseable {
        private static final long WAIT_MILLIS = 20;

        private final AtomicInteger underWay = new AtomicInteger();
        private long held;
        private boolean closed;

        private Account() {
        }

        /**
         * Takes {@code bytes} (at most the whole budget) of the budget, waiting until they are free, unless this
         * scan has no unit under way: then the unit runs at once, over the budget if it must.
         *
         * @return the reservation, to hand to {@link #release}
         * @throws InterruptedException when the waiting thread is interrupted or the account is closed
         */
        public long reserve(long bytes) throws InterruptedException {
            int count = (int) Math.min(total, (bytes + UNIT - 1) / UNIT);
            while (true) {
                if (underWay.get() == 0) {
                    if (!permits.tryAcquire(count)) {
                        count = 0;
                    }
                    break;
                }
                // this scan's own units end and release meanwhile: look again at whether it still has one
                if (permits.tryAcquire(count, WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                    break;
                }
            }
            synchronized (this) {
                if (closed) {
                    permits.release(count);
                    throw new InterruptedException("the scan is closed");
                }
                held += count;
            }
            underWay.incrementAndGet();
            return count;
        }

        /** Ends a unit's reservation made by {@link #reserve}; after {@link #close()} it has nothing left to give. */
        public void release(long reservation) {
            underWay.decrementAndGet();
            synchronized (this) {
                if (closed || reservation == 0) {
                    return;
                }
                held -= reservation;
            }
            permits.release((int) reservation);
        }

        /** Gives back everything the scan still holds; later reservations fail. */
        @Override
        public void close() {
            long rest;
            synchronized (this) {
                if (closed) {
                    return;
                }
                closed = true;
                rest = held;
                held = 0;
            }
            permits.release((int) rest);
        }
    }

    /** Returns how much of the budget is free, in its units of {@value #UNIT} bytes. */
    int available() {
        return permits.availablePermits();
    }
}
