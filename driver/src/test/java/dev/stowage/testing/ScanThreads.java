package dev.stowage.testing;

import java.util.Arrays;
import java.util.List;

/** The threads staged-file scans decode on, which must all end when their statement ends. */
public final class ScanThreads {
    private ScanThreads() {
    }

    /** Waits up to 5 s for every scan thread to end; returns those still running, with their stacks. */
    public static List<String> running() throws InterruptedException {
        List<String> running = List.of();
        for (int i = 0; i < 100; i++) {
            running = Thread.getAllStackTraces().entrySet().stream()
                    .filter(thread -> thread.getKey().getName().startsWith("stowage-scan-"))
                    .map(thread -> thread.getKey().getName() + " " + Arrays.toString(thread.getValue()))
                    .toList();
            if (running.isEmpty()) {
                break;
            }
            Thread.sleep(50);
        }
        return running;
    }
}
