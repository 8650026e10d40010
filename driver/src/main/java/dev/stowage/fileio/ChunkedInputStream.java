package dev.stowage.fileio;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a file of known size sequentially in bounded chunks, each one a ranged read of its own (with its own
 * deadline), so a large file never has to fit in memory and a stalled read fails instead of hanging.
 */
public final class ChunkedInputStream extends InputStream {
    /** The bytes one chunk holds at most. */
    public static final int CHUNK_SIZE = 4 * 1024 * 1024;

    private final FileIO io;
    private final String path;
    private final long size;
    private long position;
    private byte[] chunk = new byte[0];
    private int chunkOffset;

    /** Creates a stream over {@code path} of {@code io}, which is {@code size} bytes long. */
    public ChunkedInputStream(FileIO io, String path, long size) {
        this.io = io;
        this.path = path;
        this.size = size;
    }

    @Override
    public int read() throws IOException {
        if (!fill()) {
            return -1;
        }
        return chunk[chunkOffset++] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int count = Math.min(length, chunk.length - chunkOffset);
        System.arraycopy(chunk, chunkOffset, buffer, offset, count);
        chunkOffset += count;
        return count;
    }

    private boolean fill() throws IOException {
        if (chunkOffset < chunk.length) {
            return true;
        }
        if (position >= size) {
            return false;
        }
        int length = (int) Math.min(CHUNK_SIZE, size - position);
        chunk = io.read(path, position, length);
        chunkOffset = 0;
        position += chunk.length;
        return chunk.length > 0;
    }
}
