package dev.stowage.fileio;

import java.io.IOException;

/** A storage call that failed; the message names the operation and the location, never a credential. */
public class StorageException extends IOException {
    private static final long serialVersionUID = 1L;

    /** What went wrong, as far as the caller can act on it. */
    public enum Kind {
        /** The file, bucket or container does not exist. */
        NOT_FOUND,
        /** The storage refused the credentials or the operation. */
        PERMISSION_DENIED,
        /** The storage could not be reached. */
        UNREACHABLE,
        /** The storage did not answer within the deadline. */
        TIMEOUT,
        /** The connection parameters cannot work (for example a missing bucket name or an invalid key). */
        INVALID_CONFIGURATION,
        /** The storage type does not support the operation. */
        UNSUPPORTED,
        /** Any other failure. */
        OTHER
    }

    private final Kind kind;

    /** Creates an exception of {@code kind}. */
    public StorageException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    /** Returns what went wrong. */
    public Kind kind() {
        return kind;
    }
}
