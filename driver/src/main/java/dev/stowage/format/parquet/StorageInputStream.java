package dev.stowage.format.parquet;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.parquet.io.SeekableInputStream;

/**
 * A seekable stream over a {@link StorageInputFile}. Reads within the last {@value #WINDOW} bytes of the file are
 * served from one ranged read of that tail, so the Parquet footer (and all of a small file) usually arrives with the
 * first read. Other reads (column chunks) fetch exactly the bytes asked for, in ranged reads of at most
 * {@value #PIECE} bytes.
 */
final class StorageInputStream extends SeekableInputStream {
    static final int WINDOW = 64 * 1024;
    /** The largest ranged read: large enough for few requests, small next to the chunk it is copied into. */
    static final int PIECE = 4 * 1024 * 1024;
    private static final byte[] EMPTY = new byte[0];

    private final StorageInputFile file;
    private final long length;
    private long position;
    private byte[] window = EMPTY;
    private long windowStart;

    StorageInputStream(StorageInputFile file) {
        this.file = file;
        this.length = file.getLength();
    }

    @Override
    public long getPos() {
        return position;
    }

    @Override
    public void seek(long newPosition) throws IOException {
        if (newPosition < 0 || newPosition > length) {
            throw new EOFException("cannot seek to " + newPosition + " in " + file + " of " + length + " bytes");
        }
        position = newPosition;
    }

    @Override
    public int read() throws IOException {
        if (position >= length) {
            return -1;
        }
        if (!inWindow(position)) {
            fill();
        }
        return window[(int) (position++ - windowStart)] & 0xff;
    }

    @Override
    public int read(byte[] bytes, int start, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (position >= length) {
            return -1;
        }
        int count = (int) Math.min(len, length - position);
        readFully(bytes, start, count);
        return count;
    }

    @Override
    public long skip(long n) {
        long skipped = Math.max(0, Math.min(n, length - position));
        position += skipped;
        return skipped;
    }

    @Override
    public int available() {
        return (int) Math.min(Integer.MAX_VALUE, length - position);
    }

    @Override
    public void readFully(byte[] bytes) throws IOException {
        readFully(bytes, 0, bytes.length);
    }

    @Override
    public void readFully(byte[] bytes, int start, int len) throws IOException {
        requireAvailable(len);
        int copied = copyFromWindow(bytes, start, len);
        int rest = len - copied;
        if (rest == 0) {
            return;
        }
        if (position < length - WINDOW) {
            // in pieces, straight into the caller's array where the storage can: a chunk is not held twice
            for (int done = 0; done < rest; ) {
                int piece = Math.min(PIECE, rest - done);
                if (file.read(position, bytes, start + copied + done, piece) < piece) {
                    throw truncated();
                }
                position += piece;
                done += piece;
            }
        } else {
            fill();
            if (copyFromWindow(bytes, start + copied, rest) < rest) {
                throw truncated();
            }
        }
    }

    @Override
    public int read(ByteBuffer buffer) throws IOException {
        if (!buffer.hasRemaining()) {
            return 0;
        }
        if (position >= length) {
            return -1;
        }
        int count = (int) Math.min(buffer.remaining(), length - position);
        ByteBuffer part = buffer.slice();
        part.limit(count);
        readFully(part);
        buffer.position(buffer.position() + count);
        return count;
    }

    @Override
    public void readFully(ByteBuffer buffer) throws IOException {
        int len = buffer.remaining();
        requireAvailable(len);
        if (buffer.hasArray()) {
            readFully(buffer.array(), buffer.arrayOffset() + buffer.position(), len);
            buffer.position(buffer.position() + len);
            return;
        }
        if (inWindow(position) && position + len <= windowStart + window.length) {
            buffer.put(window, (int) (position - windowStart), len);
            position += len;
            return;
        }
        // a direct buffer: ranged reads in pieces
        for (int done = 0; done < len; ) {
            int piece = Math.min(PIECE, len - done);
            buffer.put(fetch(position, piece));
            position += piece;
            done += piece;
        }
    }

    @Override
    public void close() {
        window = EMPTY;
    }

    private boolean inWindow(long at) {
        return at >= windowStart && at < windowStart + window.length;
    }

    /** Copies what the window holds from the current position, up to {@code len} bytes; returns the count. */
    private int copyFromWindow(byte[] bytes, int start, int len) {
        if (!inWindow(position)) {
            return 0;
        }
        int offset = (int) (position - windowStart);
        int count = Math.min(len, window.length - offset);
        System.arraycopy(window, offset, bytes, start, count);
        position += count;
        return count;
    }

    /** Loads the window holding the current position. */
    private void fill() throws IOException {
        long start = Math.max(0, Math.min(position, length - WINDOW));
        byte[] data = file.read(start, (int) Math.min(WINDOW, length - start));
        window = data;
        windowStart = start;
        if (!inWindow(position)) {
            throw truncated();
        }
    }

    private byte[] fetch(long offset, int len) throws IOException {
        byte[] data = file.read(offset, len);
        if (data.length < len) {
            throw truncated();
        }
        return data;
    }

    private void requireAvailable(int len) throws EOFException {
        if (position + len > length) {
            throw new EOFException("cannot read " + len + " bytes at offset " + position + " of " + file
                    + ", which has " + length + " bytes");
        }
    }

    private EOFException truncated() {
        return new EOFException("file " + file + " ends before its listed size of " + length + " bytes");
    }
}
