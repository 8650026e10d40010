package dev.stowage.copy;

import dev.stowage.error.ErrorCode;
import dev.stowage.error.StowageException;
import java.util.Locale;

/**
 * COPY INTO's {@code ON_ERROR}: what a bad value or file does to the load.
 *
 * @param mode what happens once {@code limit} errors were seen in one file
 * @param limit the number of errors in one file that triggers {@code mode} (unused for CONTINUE)
 */
record OnError(Mode mode, long limit) {
    /** The reactions. */
    enum Mode {
        /** Bad rows are skipped; the rest of the file loads. */
        CONTINUE,
        /** The statement fails and loads nothing. */
        ABORT,
        /** The file loads nothing; other files still load. */
        SKIP_FILE
    }

    /** Databend's default: the first error aborts. */
    static final OnError DEFAULT = new OnError(Mode.ABORT, 1);

    /**
     * Parses {@code CONTINUE}, {@code ABORT}, {@code ABORT_<n>}, {@code SKIP_FILE} or {@code SKIP_FILE_<n>} (any case);
     * null gives the default.
     */
    static OnError parse(String text) {
        if (text == null) {
            return DEFAULT;
        }
        String upper = text.strip().toUpperCase(Locale.ROOT);
        if (upper.equals("CONTINUE")) {
            return new OnError(Mode.CONTINUE, Long.MAX_VALUE);
        }
        for (Mode mode : new Mode[] {Mode.ABORT, Mode.SKIP_FILE}) {
            if (upper.equals(mode.name())) {
                return new OnError(mode, 1);
            }
            if (upper.startsWith(mode.name() + "_")) {
                try {
                    long limit = Long.parseLong(upper.substring(mode.name().length() + 1));
                    if (limit > 0) {
                        return new OnError(mode, limit);
                    }
                } catch (NumberFormatException ignored) {
                    // reported below
                }
            }
        }
        throw new StowageException(ErrorCode.BAD_ARGUMENTS,
                "Invalid ON_ERROR '%s': use CONTINUE, ABORT, ABORT_<n>, SKIP_FILE or SKIP_FILE_<n>.", text);
    }

    /** Returns whether {@code errors} errors in one file trigger the mode. */
    boolean reached(long errors) {
        return mode != Mode.CONTINUE && errors >= limit;
    }
}
