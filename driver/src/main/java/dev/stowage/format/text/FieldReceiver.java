package dev.stowage.format.text;

import java.io.IOException;

/** Takes the fields of a block's records from a parser, record by record. */
interface FieldReceiver {
    /** Starts a record that begins on {@code line} (1-based, of the file). */
    void beginRecord(long line);

    /**
     * Takes field {@code index} (0-based) of the current record: {@code chars[offset, offset + length)}, valid only
     * during the call.
     *
     * @param literal whether the text was quoted or escaped, so it is never NULL or an empty field
     */
    void field(int index, char[] chars, int offset, int length, boolean literal);

    /**
     * Ends the current record.
     *
     * @return false when no more records are wanted
     */
    boolean endRecord() throws IOException;

    /** Returns the line the current record begins on, for messages. */
    long line();

    /** Returns the name of the file, for messages. */
    String fileName();
}
