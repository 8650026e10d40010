package dev.stowage.format.text;

import dev.stowage.error.ErrorCode;
import dev.stowage.error.StowageException;
import dev.stowage.scan.ColumnType;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Arrays;
import java.util.function.Supplier;

/** The failures of reading text formats, each naming the file and line. */
final class TextFailures {
    /** How much of a value a message quotes. */
    private static final int QUOTED_CHARS = 64;

    private TextFailures() {
    }

    /**
     * Returns the {@link ErrorCode#BAD_VALUE_FOR_CAST} failure of the value {@code chars[offset, offset + length)}
     * of {@code column} ({@code $3}, a field name), which does not convert to {@code type}.
     */
    static StowageException cast(char[] chars, int offset, int length, ColumnType type, String column, long line,
                                  String fileName, CastException cause) {
        String text = length <= QUOTED_CHARS ? new String(chars, offset, length)
                : new String(chars, offset, QUOTED_CHARS) + "...";
        String reason = cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")";
        return new StowageException(ErrorCode.BAD_VALUE_FOR_CAST,
                "Cannot cast '%s' of %s to %s%s at line %d of file %s", text, column, type.sqlName(), reason, line,
                fileName);
    }

    /**
     * Returns what makes the failure {@link #cast} would return, for a value whose failure is raised later, if at
     * all: it keeps only the characters the message quotes, since the parser reuses {@code chars}.
     */
    static Supplier<StowageException> deferredCast(char[] chars, int offset, int length, ColumnType type,
                                                   String column, long line, String fileName, CastException cause) {
        char[] quoted = Arrays.copyOfRange(chars, offset, offset + Math.min(length, QUOTED_CHARS + 1));
        return () -> cast(quoted, 0, quoted.length, type, column, line, fileName, cause);
    }

    /** Throws when the reading thread was interrupted: the scan was cancelled or closed. */
    static void checkInterrupted() throws IOException {
        if (Thread.interrupted()) {
            throw new InterruptedIOException("the scan was cancelled");
        }
    }
}
