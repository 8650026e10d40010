package dev.stowage.error;

/**
 * The failures the driver reports, each with its SQLSTATE and, where Databend has one, Databend's numeric error
 * code (reported by {@link java.sql.SQLException#getErrorCode()}; {@code 0} where Databend has none).
 */
public enum ErrorCode {
    SYNTAX(1005, SqlState.SYNTAX_ERROR),
    SEMANTIC(1065, SqlState.SYNTAX_ERROR_OR_ACCESS_RULE_VIOLATION),
    UNSUPPORTED_STATEMENT(1002, SqlState.SYNTAX_ERROR_OR_ACCESS_RULE_VIOLATION),
    BAD_ARGUMENTS(1006, SqlState.INVALID_PARAMETER_VALUE),
    INVALID_STORAGE_CONFIG(2002, SqlState.INVALID_PARAMETER_VALUE),
    INVALID_STAGE_NAME(2004, SqlState.INVALID_PARAMETER_VALUE),
    UNKNOWN_STAGE(2501, SqlState.UNDEFINED_OBJECT),
    STAGE_ALREADY_EXISTS(2502, SqlState.DUPLICATE_OBJECT),
    ILLEGAL_STAGE_FILE_FORMAT(2505, SqlState.INVALID_PARAMETER_VALUE),
    UNKNOWN_FILE_FORMAT(2507, SqlState.UNDEFINED_OBJECT),
    ILLEGAL_FILE_FORMAT(2508, SqlState.INVALID_PARAMETER_VALUE),
    FILE_FORMAT_ALREADY_EXISTS(2509, SqlState.DUPLICATE_OBJECT),
    UNKNOWN_CONNECTION(2510, SqlState.UNDEFINED_OBJECT),
    CONNECTION_ALREADY_EXISTS(2512, SqlState.DUPLICATE_OBJECT),
    INVALID_PARAMETER(4000, SqlState.INVALID_PARAMETER_VALUE),
    UNKNOWN_DATABASE(1003, SqlState.INVALID_SCHEMA_NAME),
    UNKNOWN_TABLE(1025, SqlState.UNDEFINED_TABLE),
    TABLE_ALREADY_EXISTS(2302, SqlState.DUPLICATE_TABLE),
    /** The table cannot take the change asked for (ALTER … CONNECTION on an internal table). */
    TABLE_NOT_ALTERABLE(1302, SqlState.OBJECT_NOT_IN_STATE),
    /** Creating or altering an external table: the storage refused one of the permission checks. */
    PERMISSION_CHECK_FAILED(4000, SqlState.INSUFFICIENT_PRIVILEGE),
    /** A NULL value for a column declared NOT NULL. */
    NOT_NULL_VIOLATION(1006, SqlState.NOT_NULL_VIOLATION),
    INVALID_URL(0, SqlState.CONNECTION_REJECTED),
    INVALID_PROPERTY(0, SqlState.INVALID_PARAMETER_VALUE),
    DATA(0, SqlState.DATA_EXCEPTION),
    /** A staged file's data cannot be decoded (malformed CSV, JSON or Parquet); the message names file and row. */
    BAD_DATA(1046, SqlState.DATA_EXCEPTION),
    /** A staged value does not convert to the type the query asks for; the message names file and row. */
    BAD_VALUE_FOR_CAST(1046, SqlState.INVALID_CHARACTER_VALUE_FOR_CAST),
    /** The files of one query disagree on the schema of a column it reads; the message names the file. */
    SCHEMA_MISMATCH(1303, SqlState.DATA_EXCEPTION),
    CANCELED(0, SqlState.QUERY_CANCELED),
    TIMEOUT(0, SqlState.TIMEOUT),
    CATALOG_IO(0, SqlState.IO_ERROR),
    STORAGE_PERMISSION_DENIED(0, SqlState.INSUFFICIENT_PRIVILEGE),
    STORAGE_INVALID_CONFIGURATION(0, SqlState.INVALID_PARAMETER_VALUE),
    STORAGE_UNSUPPORTED(0, SqlState.SYNTAX_ERROR_OR_ACCESS_RULE_VIOLATION),
    STORAGE_IO(0, SqlState.IO_ERROR),
    CATALOG_UNREADABLE(0, SqlState.SYSTEM_ERROR),
    INTERNAL(0, SqlState.INTERNAL_ERROR);

    private final int databendCode;
    private final SqlState sqlState;

    ErrorCode(int databendCode, SqlState sqlState) {
        this.databendCode = databendCode;
        this.sqlState = sqlState;
    }

    /** Returns Databend's numeric code for this failure, or 0 when Databend has none. */
    public int databendCode() {
        return databendCode;
    }

    /** Returns the SQLSTATE reported for this failure. */
    public SqlState sqlState() {
        return sqlState;
    }
}
