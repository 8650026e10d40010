package dev.stowage.scan;

import dev.stowage.error.ErrorCode;
import dev.stowage.error.StowageException;
import java.util.Iterator;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * When a running statement must stop: its cancel flag is set ({@code Statement.cancel()}) or its query timeout has
 * passed.
 *
 * @param cancelled the statement's cancel flag, or null
 * @param deadline the {@link System#nanoTime()} after which the statement times out
 * @param timeoutMillis the query timeout, for the message, or null for none
 */
public record StopCondition(AtomicBoolean cancelled, long deadline, Long timeoutMillis) {
    /** How many rows {@link #guard} lets pass between two checks. */
    static final int CHECK_EVERY = 1024;
    /** How long {@link #take} waits between two checks. */
    private static final long WAIT_MILLIS = 50;

    /** Returns the condition for a statement with {@code cancelled} and a timeout of {@code timeoutMillis} from now. */
    public static StopCondition of(AtomicBoolean cancelled, Long timeoutMillis) {
        long deadline = timeoutMillis == null || timeoutMillis <= 0 ? Long.MAX_VALUE
                : System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        return new StopCondition(cancelled, deadline, timeoutMillis);
    }

    /**
     * Throws if the statement must stop.
     *
     * @throws StowageException {@link ErrorCode#CANCELED} or {@link ErrorCode#TIMEOUT}
     */
    public void check() {
        if (cancelled != null && cancelled.get()) {
            throw new StowageException(ErrorCode.CANCELED, "The statement was cancelled.");
        }
        if (System.nanoTime() > deadline) {
            throw new StowageException(ErrorCode.TIMEOUT, "The statement ran past its query timeout of %d s.",
                    timeoutMillis / 1000);
        }
    }

    /** Returns {@code rows}, checking this condition before the first row and every {@value #CHECK_EVERY} rows. */
    public <T> Iterator<T> guard(Iterator<T> rows) {
        return new Iterator<>() {
            private long seen;

            @Override
            public boolean hasNext() {
                if (seen++ % CHECK_EVERY == 0) {
                    check();
                }
                return rows.hasNext();
            }

            @Override
            public T next() {
                return rows.next();
            }
        };
    }

    /**
     * Waits for the next element of {@code queue}, checking this condition between waits.
     *
     * @throws StowageException {@link ErrorCode#CANCELED} also when the waiting thread is interrupted
     */
    public <T> T take(BlockingQueue<T> queue) {
        try {
            while (true) {
                T element = queue.poll(WAIT_MILLIS, TimeUnit.MILLISECONDS);
                if (element != null) {
                    return element;
                }
                check();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StowageException(ErrorCode.CANCELED, "The statement was cancelled.");
        }
    }
}
