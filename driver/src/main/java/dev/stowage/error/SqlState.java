package dev.stowage.error;

/**
 * The SQLSTATE values the driver reports, named after the SQL-standard conditions.
 *
 * <p>Class {@code 08} (connection exception) and {@code 0A000} make connection pools such as HikariCP evict the
 * connection, so they are used only when the JDBC connection itself is unusable or the call can never work.
 */
public enum SqlState {
    /** The JDBC URL or connection properties cannot open a connection. */
    CONNECTION_REJECTED("08004"),
    /** The JDBC connection is closed. */
    CONNECTION_DOES_NOT_EXIST("08003"),
    /** A JDBC API feature the driver does not implement. */
    FEATURE_NOT_SUPPORTED("0A000"),
    /** A statement that returns no rows was asked for a result set. */
    NO_DATA("02000"),
    /** A data exception: a value, file or row that cannot be read or converted. */
    DATA_EXCEPTION("22000"),
    /** A text value that does not convert to the type asked for. */
    INVALID_CHARACTER_VALUE_FOR_CAST("22018"),
    /** A statement option or parameter holds a value that is not allowed. */
    INVALID_PARAMETER_VALUE("22023"),
    /** A syntax error or access rule violation found while checking a statement. */
    SYNTAX_ERROR_OR_ACCESS_RULE_VIOLATION("42000"),
    /** The statement text is not valid SQL. */
    SYNTAX_ERROR("42601"),
    /** The storage refused the credentials or the operation. */
    INSUFFICIENT_PRIVILEGE("42501"),
    /** The statement names an object that does not exist. */
    UNDEFINED_OBJECT("42704"),
    /** The statement creates an object whose name is taken. */
    DUPLICATE_OBJECT("42710"),
    /** The statement names a table that does not exist. */
    UNDEFINED_TABLE("42P01"),
    /** The statement creates a table whose name is taken. */
    DUPLICATE_TABLE("42P07"),
    /** The statement names a schema (Databend: database) that does not exist. */
    INVALID_SCHEMA_NAME("3F000"),
    /** A NULL was written into a column declared NOT NULL. */
    NOT_NULL_VIOLATION("23502"),
    /** The statement, result set or other object was used after it was closed. */
    OBJECT_NOT_IN_STATE("55000"),
    /** The statement was cancelled. */
    QUERY_CANCELED("57014"),
    /** The statement ran past its query timeout. */
    TIMEOUT("HYT00"),
    /** Reading or writing the catalog or other local files failed. */
    IO_ERROR("58030"),
    /** The catalog on disk cannot be read with this driver or this master key. */
    SYSTEM_ERROR("58000"),
    /** An unexpected failure inside the driver. */
    INTERNAL_ERROR("XX000");

    private final String code;

    SqlState(String code) {
        this.code = code;
    }

    /** Returns the five-character SQLSTATE. */
    public String code() {
        return code;
    }

    /** Returns whether this state belongs to SQLSTATE class {@code clazz} (its first two characters). */
    public boolean isClass(String clazz) {
        return code.startsWith(clazz);
    }
}
