package dev.stowage.copy;

import dev.stowage.error.ErrorCode;
import dev.stowage.error.StowageException;
import dev.stowage.format.OptionValue;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads the scalar options of a COPY INTO statement (keys lower-case), rejecting options it does not know. */
final class CopyOptions {
    private final Map<String, OptionValue> options;

    /**
     * Creates the reader.
     *
     * @param known the options the statement takes; others are rejected
     * @param statement {@code COPY INTO <table>} or {@code COPY INTO <location>}, for messages
     */
    CopyOptions(Map<String, OptionValue> options, Set<String> known, String statement) {
        for (String key : options.keySet()) {
            if (!known.contains(key)) {
                throw new StowageException(ErrorCode.BAD_ARGUMENTS, "Unknown option %s for %s.",
                        key.toUpperCase(Locale.ROOT), statement);
            }
        }
        this.options = options;
    }

    /** Returns the text of option {@code key}, or null when it is absent. */
    String text(String key) {
        OptionValue value = options.get(key);
        return value == null ? null : value.text();
    }

    /** Returns boolean option {@code key} (TRUE/FALSE, quoted or not), or {@code absent}. */
    boolean bool(String key, boolean absent) {
        String text = text(key);
        if (text == null) {
            return absent;
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new StowageException(ErrorCode.BAD_ARGUMENTS, "Option %s takes TRUE or FALSE, not '%s'.",
                    key.toUpperCase(Locale.ROOT), text);
        };
    }

    /** Returns non-negative integer option {@code key}, or {@code absent}. */
    long number(String key, long absent) {
        String text = text(key);
        if (text == null) {
            return absent;
        }
        try {
            long value = Long.parseLong(text.strip());
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new StowageException(ErrorCode.BAD_ARGUMENTS, "Option %s takes a non-negative integer, not '%s'.",
                key.toUpperCase(Locale.ROOT), text);
    }
}
