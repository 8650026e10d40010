package dev.stowage.fileio;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link FileIO} talks to its storage.
 *
 * @param timeout the deadline of every single storage call (one request, one listing page, one read chunk)
 * @param retries how many times a call that failed transiently (5xx, 429, reset connection) is retried
 */
public record StorageSettings(Duration timeout, int retries) {
    /** Thirty seconds per call and three retries. */
    public static final StorageSettings DEFAULT = new StorageSettings(Duration.ofSeconds(30), 3);

    public StorageSettings {
        Objects.requireNonNull(timeout, "timeout is null");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        if (retries < 0) {
            throw new IllegalArgumentException("retries must not be negative: " + retries);
        }
    }
}
