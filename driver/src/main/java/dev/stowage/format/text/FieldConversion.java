package dev.stowage.format.text;

import dev.stowage.error.ErrorCode;
import dev.stowage.error.StowageException;
import dev.stowage.format.FileFormat;
import dev.stowage.scan.ColumnType;

/**
 * Converts a field of a CSV or TSV file to a column's value as a query's cast of the field does, one value at a
 * time, so that a load can count a bad value and go on (COPY INTO's {@code ON_ERROR = CONTINUE}).
 */
public final class FieldConversion {
    private final TextConverter converter;
    private final ColumnType type;

    private FieldConversion(TextConverter converter, ColumnType type) {
        this.converter = converter;
        this.type = type;
    }

    /** Returns the conversion to {@code type} under the options of {@code format} (NAN_DISPLAY, BINARY_FORMAT). */
    public static FieldConversion of(ColumnType type, FileFormat format) {
        DelimitedOptions options = DelimitedOptions.of(format);
        return new FieldConversion(TextConverters.of(type, options.nanDisplay(), options.base64()), type);
    }

    /**
     * Returns the value of {@code text}, a field of {@code column} at {@code line} of {@code file}.
     *
     * @throws StowageException {@link ErrorCode#BAD_VALUE_FOR_CAST} naming the value, column, line and file
     */
    public Object convert(String text, String column, long line, String file) {
        char[] chars = text.toCharArray();
        try {
            return converter.convert(chars, 0, chars.length);
        } catch (CastException e) {
            throw TextFailures.cast(chars, 0, chars.length, type, column, line, file, e);
        }
    }
}
