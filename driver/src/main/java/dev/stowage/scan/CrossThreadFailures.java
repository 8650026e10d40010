package dev.stowage.scan;

import dev.stowage.error.ErrorCode;
import dev.stowage.error.StowageException;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Failures of a reading thread, raised on the thread that takes what it read. */
public final class CrossThreadFailures {
    private CrossThreadFailures() {
    }

    /**
     * Returns {@code failure} as the exception to raise: runtime exceptions as they are, I/O failures unchecked,
     * anything else an internal error; an {@link Error} is thrown at once.
     */
    public static RuntimeException unchecked(Throwable failure) {
        if (failure instanceof RuntimeException runtime) {
            return runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        if (failure instanceof IOException io) {
            return new UncheckedIOException(io);
        }
        return new StowageException(ErrorCode.INTERNAL, failure, "Reading staged files failed: %s",
                failure.getMessage());
    }
}
