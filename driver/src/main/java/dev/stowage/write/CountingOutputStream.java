package dev.stowage.write;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The caller's stream as a writer sees it: it counts the bytes written through it, and closing it only flushes,
 * because the stream belongs to the caller.
 */
final class CountingOutputStream extends OutputStream {
    private final OutputStream out;
    private long count;

    CountingOutputStream(OutputStream out) {
        this.out = out;
    }

    /** Returns how many bytes were written through this stream. */
    long count() {
        return count;
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        count++;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        out.write(bytes, offset, length);
        count += length;
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }
}
