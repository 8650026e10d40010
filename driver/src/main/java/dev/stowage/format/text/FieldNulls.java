package dev.stowage.format.text;

import java.util.Arrays;

/**
 * Which CSV and TSV fields are NULL rather than text to convert: an unquoted field equal to {@code NULL_DISPLAY},
 * and an unquoted empty field unless {@code EMPTY_FIELD_AS} makes it the empty string.
 *
 * @param nullDisplay the {@code NULL_DISPLAY} text
 * @param emptyField the {@code EMPTY_FIELD_AS} option
 */
record FieldNulls(char[] nullDisplay, ValueFallback emptyField) {
    static FieldNulls of(DelimitedOptions options) {
        return new FieldNulls(options.nullDisplay().toCharArray(), options.emptyField());
    }

    /**
     * Returns whether the field {@code chars[offset, offset + length)} is NULL.
     *
     * @param literal whether the text was quoted or escaped
     */
    boolean isNull(char[] chars, int offset, int length, boolean literal) {
        if (literal) {
            return false;
        }
        if (length == 0) {
            // NULL, or FIELD_DEFAULT: the default of a nullable column without a DEFAULT clause is NULL
            return emptyField != ValueFallback.STRING;
        }
        return length == nullDisplay.length
                && Arrays.equals(chars, offset, offset + length, nullDisplay, 0, nullDisplay.length);
    }
}
