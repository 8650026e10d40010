package dev.stowage.format.text;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;

/**
 * Writes compact JSON text into a reusable buffer and hands out parts of it, so a whole record and the nested values
 * inside it can be captured in one pass over the parser. Not thread-safe.
 */
final class JsonTextWriter {
    private final StringBuilder text = new StringBuilder(256);
    private final JsonGenerator generator;

    JsonTextWriter(JsonFactory factory) throws IOException {
        this.generator = factory.createGenerator(new Writer() {
            @Override
            public void write(char[] buffer, int offset, int length) {
                text.append(buffer, offset, length);
            }

            @Override
            public void write(String string, int offset, int length) {
                text.append(string, offset, offset + length);
            }

            @Override
            public void flush() {
                // the text is the buffer
            }

            @Override
            public void close() {
                // nothing is held
            }
        });
        generator.setRootValueSeparator(null);
    }

    /** Returns the generator writing into the buffer. */
    JsonGenerator generator() {
        return generator;
    }

    /** Empties the buffer. */
    void clear() throws IOException {
        generator.flush();
        text.setLength(0);
    }

    /** Returns the position up to which text has been written. */
    int mark() throws IOException {
        generator.flush();
        return text.length();
    }

    /** Returns the text written since {@code mark}. */
    String since(int mark) throws IOException {
        generator.flush();
        return text.substring(mark);
    }

    /**
     * Returns the value written since {@code mark}, a position right after a key: the generator writes the
     * {@code :} that separates key and value with the value.
     */
    String valueSince(int mark) throws IOException {
        generator.flush();
        return text.substring(mark < text.length() && text.charAt(mark) == ':' ? mark + 1 : mark);
    }
}
