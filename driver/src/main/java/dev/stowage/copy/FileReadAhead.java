package dev.stowage.copy;

import dev.stowage.fileio.FileEntry;
import dev.stowage.scan.CrossThreadFailures;
import dev.stowage.scan.DaemonThreads;
import dev.stowage.scan.MemoryBudget;
import dev.stowage.scan.RowChunks;
import dev.stowage.scan.ScanUnit;
import dev.stowage.scan.ScanUnits;
import dev.stowage.scan.StopCondition;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The rows of the files a load reads, read ahead: while the load writes the rows of one file, the files after it are
 * opened and read on a few threads, so storage latency and decoding overlap with writing. Each file's rows go through
 * a bounded queue of chunks, so at most {@code threads} files of {@value #CHUNKS} chunks of {@value #CHUNK} rows are
 * held ahead, and units start within the {@linkplain MemoryBudget memory budget} of the process's scans. Rows are
 * handed out file by file, in order, on the caller's thread, which is the only one to call {@link #rows}; closing
 * stops every reading.
 */
final class FileReadAhead implements AutoCloseable {
    static final int CHUNK = 1024;
    static final int CHUNKS = 4;
    private static final long WAIT_MILLIS = 50;
    private static final AtomicInteger LOADS = new AtomicInteger();
    private static final Object END = new Object();

    /** Opens the units of a file; called on a reading thread. */
    @FunctionalInterface
    interface Opener {
        ScanUnits open(FileEntry file) throws IOException;
    }

    /** A reading's failure, handed to the caller in place of the rows that did not come. */
    private record Failure(Throwable cause) {
    }

    /** Thrown on a reading thread whose reading was stopped while it waited for room. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }

    private final List<FileEntry> files;
    private final Opener opener;
    private final StopCondition stop;
    private final int threads;
    private final ExecutorService pool;
    private final MemoryBudget.Account memory = MemoryBudget.ofProcess().account();
    private final List<Reading> started = new ArrayList<>();

    /**
     * Reads {@code files}, in this order, with {@code opener} on {@code threads} threads; the caller's waits check
     * {@code stop}.
     */
    FileReadAhead(List<FileEntry> files, Opener opener, int threads, StopCondition stop) {
        this.files = List.copyOf(files);
        this.opener = opener;
        this.stop = stop;
        this.threads = Math.max(1, threads);
        this.pool = Executors.newFixedThreadPool(this.threads,
                DaemonThreads.named("stowage-scan-copy-" + LOADS.incrementAndGet() + "-reader"));
    }

    /**
     * Returns the rows of file {@code index}, asked for in order 0, 1, 2 ...; the reading of the file before it
     * stops, whether or not its rows were all taken. A file that cannot be read fails while its rows are iterated,
     * with the failure reading it raised.
     */
    Iterator<Object[]> rows(int index) {
        if (index > 0) {
            started.get(index - 1).abandon();
        }
        while (started.size() < files.size() && started.size() < index + threads) {
            Reading reading = new Reading(files.get(started.size()));
            reading.task = pool.submit(reading::run);
            started.add(reading);
        }
        return started.get(index);
    }

    @Override
    public void close() {
        started.forEach(Reading::abandon);
        pool.shutdownNow();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            memory.close();
        }
    }

    /** One file's reading, and the iterator of its rows. */
    private final class Reading implements Iterator<Object[]> {
        private final FileEntry file;
        private final BlockingQueue<Object> chunks = new ArrayBlockingQueue<>(CHUNKS + 1);
        private volatile Future<?> task;
        private volatile boolean abandoned;
        private Object[][] chunk;
        private int at;
        private boolean ended;

        Reading(FileEntry file) {
            this.file = file;
        }

        /** Reads the file into the queue; runs on a reading thread. */
        void run() {
            Object last;
            try (ScanUnits units = opener.open(file)) {
                RowChunks chunks = new RowChunks(CHUNK, this::put);
                ScanUnit unit;
                while ((unit = units.next()) != null) {
                    long reserved = memory.reserve(unit.memoryEstimate());
                    try {
                        unit.read(chunks);
                    } finally {
                        memory.release(reserved);
                    }
                }
                chunks.flush();
                last = END;
            } catch (Stopped | InterruptedException stopped) {
                return;
            } catch (Throwable t) {
                last = new Failure(t);
            }
            try {
                put(last);
            } catch (Stopped stopped) {
                // nobody reads this file any more
            }
        }

        /**
         * Waits for room and queues {@code element}; gives up once the reading is abandoned, even when the storage
         * client swallowed the interrupt that abandoning sent.
         */
        private void put(Object element) {
            try {
                while (!chunks.offer(element, WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                    if (abandoned) {
                        throw new Stopped();
                    }
                }
            } catch (InterruptedException e) {
                throw new Stopped();
            }
        }

        /** Stops the reading, and drops what it read. */
        void abandon() {
            abandoned = true;
            Future<?> running = task;
            if (running != null) {
                running.cancel(true);
            }
            chunks.clear();
        }

        @Override
        public boolean hasNext() {
            while (chunk == null || at == chunk.length) {
                if (ended) {
                    return false;
                }
                Object next = stop.take(chunks);
                if (next == END) {
                    ended = true;
                    return false;
                }
                if (next instanceof Failure failure) {
                    ended = true;
                    throw CrossThreadFailures.unchecked(failure.cause());
                }
                chunk = (Object[][]) next;
                at = 0;
            }
            return true;
        }

        @Override
        public Object[] next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return chunk[at++];
        }
    }
}
