package dev.stowage.jdbc;

import dev.stowage.error.ErrorCode;
import dev.stowage.error.SqlState;
import dev.stowage.error.StowageException;
import dev.stowage.fileio.StorageException;
import dev.stowage.secret.LiteralScrubber;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.time.DateTimeException;
import java.util.IdentityHashMap;
import java.util.Map;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.validate.SqlValidatorException;

/**
 * Turns whatever a call into Calcite threw into the {@link SQLException} the user sees: one SQLSTATE from
 * {@link SqlState}, Databend's error code where there is one, and a message that names the problem without the
 * statement text or any of its literals. Calcite and Avatica drop SQLSTATE and quote the whole statement, so every
 * exception leaving the driver passes through here.
 */
final class SqlExceptions {
    private SqlExceptions() {
    }

    /** Translates {@code thrown}, raised while running {@code sql} (null when no statement was involved). */
    static SQLException translate(Throwable thrown, String sql) {
        LiteralScrubber scrubber = LiteralScrubber.of(sql);
        StowageException stowage = find(thrown, StowageException.class);
        if (stowage != null) {
            return create(stowage.errorCode().sqlState(), stowage.getMessage(), stowage.errorCode().databendCode(),
                    scrubbed(stowage, scrubber));
        }
        StorageException storage = find(thrown, StorageException.class);
        if (storage != null) {
            ErrorCode code = storageErrorCode(storage.kind());
            return create(code.sqlState(), storage.getMessage(), code.databendCode(), null);
        }
        SqlParseException parse = find(thrown, SqlParseException.class);
        if (parse != null) {
            return create(SqlState.SYNTAX_ERROR, "SQL syntax error: " + scrubber.scrub(parse.getMessage()),
                    ErrorCode.SYNTAX.databendCode(), null);
        }
        CalciteContextException context = find(thrown, CalciteContextException.class);
        if (context != null) {
            return create(SqlState.SYNTAX_ERROR_OR_ACCESS_RULE_VIOLATION, scrubber.scrub(context.getMessage()),
                    ErrorCode.SEMANTIC.databendCode(), null);
        }
        SqlValidatorException validator = find(thrown, SqlValidatorException.class);
        if (validator != null) {
            return create(SqlState.SYNTAX_ERROR_OR_ACCESS_RULE_VIOLATION, scrubber.scrub(validator.getMessage()),
                    ErrorCode.SEMANTIC.databendCode(), null);
        }
        if (thrown instanceof SQLException sqlException && sqlException.getSQLState() != null
                && find(thrown.getCause(), RuntimeException.class) == null) {
            return create(stateOf(sqlException.getSQLState()), scrubber.scrub(sqlException.getMessage()),
                    sqlException.getErrorCode(), null);
        }
        if (thrown instanceof SQLFeatureNotSupportedException) {
            return create(SqlState.FEATURE_NOT_SUPPORTED, scrubber.scrub(messageOf(thrown)), 0, null);
        }
        Throwable root = rootCause(thrown);
        if (root instanceof NumberFormatException || root instanceof ArithmeticException
                || root instanceof DateTimeException || root instanceof ClassCastException) {
            return create(SqlState.DATA_EXCEPTION, "Data exception: " + scrubber.scrub(messageOf(root)), 0, null);
        }
        return create(SqlState.INTERNAL_ERROR, "Internal error: " + scrubber.scrub(messageOf(root)), 0,
                scrubbed(root, scrubber));
    }

    /**
     * Storage failures never use class 08: the JDBC connection is fine when a bucket is not, and pools evict
     * connections that report 08.
     */
    static ErrorCode storageErrorCode(StorageException.Kind kind) {
        return switch (kind) {
            case PERMISSION_DENIED -> ErrorCode.STORAGE_PERMISSION_DENIED;
            case INVALID_CONFIGURATION -> ErrorCode.STORAGE_INVALID_CONFIGURATION;
            case UNSUPPORTED -> ErrorCode.STORAGE_UNSUPPORTED;
            case NOT_FOUND, UNREACHABLE, TIMEOUT, OTHER -> ErrorCode.STORAGE_IO;
        };
    }

    /** Returns an exception for a failure the driver detects itself. */
    static SQLException of(SqlState state, String message) {
        return create(state, message, 0, null);
    }

    private static SQLException create(SqlState state, String message, int vendorCode, Throwable cause) {
        String code = state.code();
        SQLException exception;
        if (state == SqlState.FEATURE_NOT_SUPPORTED) {
            exception = new SQLFeatureNotSupportedException(message, code, vendorCode);
        } else if (state.isClass("08")) {
            exception = new SQLNonTransientConnectionException(message, code, vendorCode);
        } else if (state.isClass("42")) {
            exception = new SQLSyntaxErrorException(message, code, vendorCode);
        } else if (state.isClass("22")) {
            exception = new SQLDataException(message, code, vendorCode);
        } else if (state == SqlState.TIMEOUT) {
            exception = new SQLTimeoutException(message, code, vendorCode);
        } else {
            exception = new SQLException(message, code, vendorCode);
        }
        if (cause != null) {
            exception.initCause(cause);
        }
        return exception;
    }

    private static SqlState stateOf(String code) {
        for (SqlState state : SqlState.values()) {
            if (state.code().equals(code)) {
                return state;
            }
        }
        return code.startsWith("08") ? SqlState.CONNECTION_DOES_NOT_EXIST : SqlState.INTERNAL_ERROR;
    }

    private static <T extends Throwable> T find(Throwable thrown, Class<T> type) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = thrown; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static Throwable rootCause(Throwable thrown) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        Throwable root = thrown;
        while (root.getCause() != null && seen.put(root, Boolean.TRUE) == null) {
            root = root.getCause();
        }
        return root;
    }

    private static String messageOf(Throwable thrown) {
        return thrown.getMessage() == null ? thrown.getClass().getSimpleName() : thrown.getMessage();
    }

    /**
     * Returns a copy of {@code thrown}'s chain for diagnosis: same classes (named in the message) and stack traces,
     * messages scrubbed of the statement's literals.
     */
    private static Throwable scrubbed(Throwable thrown, LiteralScrubber scrubber) {
        if (thrown == null) {
            return null;
        }
        ScrubbedThrowable copy = new ScrubbedThrowable(
                thrown.getClass().getName() + ": " + scrubber.scrub(thrown.getMessage()),
                thrown.getCause() == thrown ? null : scrubbed(thrown.getCause(), scrubber));
        copy.setStackTrace(thrown.getStackTrace());
        return copy;
    }

    /** A cause whose message has been scrubbed; it names the class of the exception it stands for. */
    static final class ScrubbedThrowable extends Exception {
        private static final long serialVersionUID = 1L;

        ScrubbedThrowable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
