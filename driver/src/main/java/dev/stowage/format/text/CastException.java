package dev.stowage.format.text;

/** A text value does not convert to the type asked for. Cheap: it has no stack trace, the caller adds context. */
final class CastException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Creates the exception; {@code reason} (may be null) says why beyond "does not convert". */
    CastException(String reason) {
        super(reason, null, false, false);
    }
}
