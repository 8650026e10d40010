package dev.stowage.format.text;

/** Converts field text to one SQL type's internal value, as SQL {@code CAST(text AS type)} does. */
@FunctionalInterface
interface TextConverter {
    /**
     * Returns the value of {@code chars[offset, offset + length)}.
     *
     * @throws CastException when the text is no value of the type
     */
    Object convert(char[] chars, int offset, int length) throws CastException;
}
