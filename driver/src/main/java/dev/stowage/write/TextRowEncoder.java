package dev.stowage.write;

import java.io.IOException;
import java.io.Writer;

/** Writes the rows of a text format, one record each, to the {@link Writer} it was opened on. */
interface TextRowEncoder {
    /** Opens an encoder on {@code out}, writing what the file starts with (a header). */
    @FunctionalInterface
    interface Opener {
        TextRowEncoder open(Writer out) throws IOException;
    }

    /** Writes one row of values coerced by {@link RowCoercion}. */
    void writeRow(Object[] values) throws IOException;

    /** Writes out what the encoder still buffers. */
    void flush() throws IOException;
}
