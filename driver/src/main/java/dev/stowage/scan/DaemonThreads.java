package dev.stowage.scan;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Threads of one statement's reading, which never keep the JVM alive. */
public final class DaemonThreads {
    private DaemonThreads() {
    }

    /** Returns a factory of daemon threads named {@code prefix-1}, {@code prefix-2} ... */
    public static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
