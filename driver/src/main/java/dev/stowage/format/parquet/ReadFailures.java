package dev.stowage.format.parquet;

import dev.stowage.error.ErrorCode;
import dev.stowage.error.StowageException;
import java.io.IOException;
import java.io.InterruptedIOException;

/**
 * Tells a corrupt file from a failing storage. parquet-java reports both as exceptions of its own or as plain
 * {@link IOException}s, so the storage's failure is taken from the {@link StorageInputFile} that saw it.
 */
final class ReadFailures {
    private ReadFailures() {
    }

    /**
     * Returns the exception to throw for {@code failure} while reading {@code input}, or throws it when unchecked:
     * the storage's own exception when a ranged read failed, a cancellation or one of our exceptions as it is, and
     * otherwise a {@link ErrorCode#BAD_DATA} naming the file and {@code where} (footer, row group) it is corrupt.
     */
    static IOException failure(Exception failure, StorageInputFile input, String where) {
        if (failure instanceof InterruptedIOException interrupted) {
            return interrupted;
        }
        if (Thread.currentThread().isInterrupted()) {
            // an interrupted storage read fails with whatever its channel or client throws
            InterruptedIOException interrupted = new InterruptedIOException("the scan of " + input + " was cancelled");
            interrupted.initCause(failure);
            return interrupted;
        }
        if (failure instanceof StowageException stowage) {
            throw stowage;
        }
        if (input.storageFailure() != null) {
            return input.storageFailure();
        }
        throw new StowageException(ErrorCode.BAD_DATA, failure, "Cannot read Parquet file %s (%s): %s",
                input, where, detail(failure));
    }

    /** Returns the innermost message of the cause chain, the most specific one parquet-java gives. */
    private static String detail(Throwable failure) {
        String message = null;
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
                message = cause.getMessage();
            }
        }
        return message != null ? message : failure.getClass().getSimpleName();
    }
}
