package dev.stowage.write;

import dev.stowage.error.ErrorCode;
import dev.stowage.error.StowageException;
import dev.stowage.scan.Column;

/**
 * How the values of a column are written: the SQL types writers know, with CHAR written as VARCHAR, FLOAT as DOUBLE
 * and BINARY as VARBINARY.
 */
enum WriteType {
    STRING, BOOLEAN, TINYINT, SMALLINT, INTEGER, BIGINT, REAL, DOUBLE, DECIMAL, DATE, TIME, TIMESTAMP, TIMESTAMP_LTZ,
    BINARY;

    /**
     * Returns how {@code column} is written.
     *
     * @throws StowageException {@link ErrorCode#UNSUPPORTED_STATEMENT} naming the column for a type no file format
     *     holds (intervals, symbols, ...)
     */
    static WriteType of(Column column) {
        return switch (column.type().typeName()) {
            case CHAR, VARCHAR -> STRING;
            case BOOLEAN -> BOOLEAN;
            case TINYINT -> TINYINT;
            case SMALLINT -> SMALLINT;
            case INTEGER -> INTEGER;
            case BIGINT -> BIGINT;
            case REAL -> REAL;
            case FLOAT, DOUBLE -> DOUBLE;
            case DECIMAL -> DECIMAL;
            case DATE -> DATE;
            case TIME -> TIME;
            case TIMESTAMP -> TIMESTAMP;
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE -> TIMESTAMP_LTZ;
            case BINARY, VARBINARY -> BINARY;
            default -> throw new StowageException(ErrorCode.UNSUPPORTED_STATEMENT,
                    "Column %s of type %s cannot be written to a file", column.name(), column.type());
        };
    }

    /** Returns whether values are whole numbers held as {@link Long} once coerced. */
    boolean integral() {
        return this == TINYINT || this == SMALLINT || this == INTEGER || this == BIGINT;
    }
}
