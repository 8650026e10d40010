package dev.stowage.error;

/**
 * The unchecked exception every layer of the driver throws for a failure the user should see. It carries an
 * {@link ErrorCode}; the JDBC boundary turns it into a {@link java.sql.SQLException} with the same message.
 *
 * <p>Messages name the object and the problem and never contain a secret value.
 */
public class StowageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode errorCode;

    /** Creates an exception whose message is {@code String.format(format, args)}. */
    public StowageException(ErrorCode errorCode, String format, Object... args) {
        super(args.length == 0 ? format : String.format(format, args));
        this.errorCode = errorCode;
    }

    /** Creates an exception with a cause; the cause's message is not repeated. */
    public StowageException(ErrorCode errorCode, Throwable cause, String format, Object... args) {
        super(args.length == 0 ? format : String.format(format, args), cause);
        this.errorCode = errorCode;
    }

    /** Returns what failed. */
    public ErrorCode errorCode() {
        return errorCode;
    }
}
