package dev.stowage.scan;

import java.io.IOException;
import java.util.Iterator;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.calcite.linq4j.Enumerator;

/**
 * Reads files unit by unit on a small pool of threads and hands their rows out in file and unit order, so the
 * result is the same as a sequential read. Memory is bounded: at most {@code 2 × parallelism} units are under way,
 * each holding at most {@value #BATCHES_PER_UNIT} batches of {@value #BATCH_SIZE} rows, and units start only within
 * the {@linkplain MemoryBudget memory budget} the scans of the process share. Closing the enumerator (the
 * statement ended, LIMIT reached, cancel) stops every thread; the statement's cancel flag and deadline are checked
 * between batches and while waiting.
 */
public final class ParallelScan implements Enumerator<Object[]> {
    static final int BATCH_SIZE = 1024;
    static final int BATCHES_PER_UNIT = 16;
    private static final long WAIT_MILLIS = 50;
    private static final AtomicInteger SCANS = new AtomicInteger();

    private final FormatReader reader;
    private final ScanSpec spec;
    private final Iterator<SourceFile> files;
    private final Runnable onClose;
    private final StopCondition stop;
    private final ThreadPoolExecutor workers;
    private final ExecutorService producer;
    private final BlockingQueue<UnitOutput> pending;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final MemoryBudget.Account memory = MemoryBudget.ofProcess().account();
    private final PartialAggregate partial;

    private UnitOutput unit;
    private Object[][] batch;
    private int index;
    private Object[] current;
    private boolean finished;

    /**
     * Starts reading {@code files} (produced lazily, in order) with {@code reader}.
     *
     * @param onClose run once when the scan is closed, after the threads stopped (closes storage)
     * @param stop the statement's cancel flag and deadline
     */
    public ParallelScan(FormatReader reader, ScanSpec spec, Iterator<SourceFile> files, int parallelism,
                        StopCondition stop, Runnable onClose) {
        this(reader, spec, files, parallelism, stop, onClose, null);
    }

    /**
     * Starts reading {@code files} like {@link #ParallelScan(FormatReader, ScanSpec, Iterator, int, StopCondition,
     * Runnable)}, but each unit's rows are folded by {@code partial} on the thread that decodes them: the scan then
     * returns one state per unit, in unit order.
     */
    public ParallelScan(FormatReader reader, ScanSpec spec, Iterator<SourceFile> files, int parallelism,
                        StopCondition stop, Runnable onClose, PartialAggregate partial) {
        this.partial = partial;
        this.reader = reader;
        this.spec = spec;
        this.files = files;
        this.stop = stop;
        this.onClose = onClose;
        int threads = Math.max(1, parallelism);
        String name = "stowage-scan-" + SCANS.incrementAndGet();
        this.workers = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                DaemonThreads.named(name + "-worker"));
        this.producer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                DaemonThreads.named(name + "-files"));
        this.pending = new ArrayBlockingQueue<>(2 * threads);
        producer.execute(this::produce);
    }

    @Override
    public Object[] current() {
        return current;
    }

    @Override
    public boolean moveNext() {
        try {
            return advance();
        } catch (RuntimeException | Error e) {
            // a failed scan is over: not every consumer closes an enumerator that threw
            close();
            throw e;
        }
    }

    private boolean advance() {
        while (true) {
            if (batch != null && index < batch.length) {
                current = batch[index++];
                return true;
            }
            if (finished) {
                return false;
            }
            stop.check();
            if (unit == null) {
                unit = stop.take(pending);
                if (unit == UnitOutput.END) {
                    finished = true;
                    // release threads and storage now: not every consumer closes an enumerator it has exhausted
                    close();
                    return false;
                }
            }
            Object[][] next = stop.take(unit.batches);
            if (next == UnitOutput.DONE) {
                unit.rethrowFailure();
                unit = null;
                batch = null;
            } else {
                batch = next;
                index = 0;
            }
        }
    }

    @Override
    public void reset() {
        throw new UnsupportedOperationException("a scan cannot be reset");
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        producer.shutdownNow();
        workers.shutdownNow();
        try {
            producer.awaitTermination(5, TimeUnit.SECONDS);
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            // units the closing stopped before their end never released theirs
            memory.close();
            onClose.run();
        }
    }

    /** Lists the files and cuts them into units, in order; runs on the producer thread. */
    private void produce() {
        try {
            while (files.hasNext() && !closed.get()) {
                SourceFile file = files.next();
                try (ScanUnits units = reader.units(file, spec)) {
                    ScanUnit next;
                    while (!closed.get() && (next = units.next()) != null) {
                        UnitOutput output = new UnitOutput(closed);
                        // reserved in unit order, so a unit never waits for memory a later unit holds
                        long reserved = memory.reserve(next.memoryEstimate());
                        pending.put(output);
                        ScanUnit scanUnit = next;
                        workers.execute(() -> output.run(scanUnit, memory, reserved, partial));
                    }
                }
            }
            pending.put(UnitOutput.END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            UnitOutput failed = new UnitOutput(closed);
            failed.fail(t);
            try {
                pending.put(failed);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The rows of one unit, in batches, ended by {@link #DONE}; a failure is kept and rethrown to the reader. */
    private static final class UnitOutput {
        static final UnitOutput END = new UnitOutput(new AtomicBoolean());
        static final Object[][] DONE = new Object[0][];

        final BlockingQueue<Object[][]> batches = new ArrayBlockingQueue<>(BATCHES_PER_UNIT + 1);
        private final AtomicBoolean scanClosed;
        private volatile Throwable failure;

        UnitOutput(AtomicBoolean scanClosed) {
            this.scanClosed = scanClosed;
        }

        void run(ScanUnit unit, MemoryBudget.Account memory, long reserved, PartialAggregate partial) {
            try {
                if (partial != null) {
                    fold(unit, partial);
                    return;
                }
                RowChunks chunks = new RowChunks(BATCH_SIZE, this::put);
                unit.read(chunks);
                chunks.flush();
            } catch (Throwable t) {
                if (!(t instanceof InterruptedRead)) {
                    failure = t;
                }
            } finally {
                memory.release(reserved);
                end();
            }
        }

        /** Reads the unit into one state, batch by batch, checking before each whether the scan was closed. */
        private void fold(ScanUnit unit, PartialAggregate partial) throws IOException {
            Object[] state = partial.start();
            unit.readBatches(batch -> {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedRead();
                }
                partial.addBatch(state, batch);
                return true;
            });
            put(new Object[][] {state});
        }

        void fail(Throwable t) {
            failure = t;
            end();
        }

        /**
         * Marks the end of the batches; waits for room, since the consumer may still be taking full batches, but not
         * once the scan is closed (a reader may have swallowed the interrupt that closing sent).
         */
        private void end() {
            try {
                while (!batches.offer(DONE, WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                    if (scanClosed.get()) {
                        return;
                    }
                }
            } catch (InterruptedException e) {
                // the scan is closing: nobody reads the batches any more
                Thread.currentThread().interrupt();
            }
        }

        private void put(Object[][] batch) {
            try {
                batches.put(batch);
            } catch (InterruptedException e) {
                // keep the flag: end() must not wait for room either
                Thread.currentThread().interrupt();
                throw new InterruptedRead();
            }
        }

        void rethrowFailure() {
            if (failure != null) {
                throw CrossThreadFailures.unchecked(failure);
            }
        }
    }

    /** Thrown inside a unit when the scan is closed while the unit waits to hand out a batch. */
    private static final class InterruptedRead extends RuntimeException {
        InterruptedRead() {
            super(null, null, false, false);
        }
    }
}
