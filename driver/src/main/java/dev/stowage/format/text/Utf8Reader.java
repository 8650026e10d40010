package dev.stowage.format.text;

import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * Reads the UTF-8 text of a block as characters, decoding only as much as each read asks for, so the text goes
 * straight into the reader's buffer. A malformed byte sequence fails the read with
 * {@link dev.stowage.error.ErrorCode#BAD_DATA} naming the file and line. Not thread-safe.
 */
final class Utf8Reader extends Reader {
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
    private final TextBlock block;
    private final ByteBuffer in;
    private final String fileName;
    private final Supplier<RecordScanner> scanners;
    /** The second half of a surrogate pair that did not fit the last read, or 0. */
    private char pending;
    private boolean flushed;

    Utf8Reader(TextBlock block, String fileName, Supplier<RecordScanner> scanners) {
        this.block = block;
        this.in = ByteBuffer.wrap(block.bytes(), 0, block.length());
        this.fileName = fileName;
        this.scanners = scanners;
    }

    @Override
    public int read(char[] buffer, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        if (pending != 0) {
            buffer[offset] = pending;
            pending = 0;
            return 1;
        }
        if (flushed) {
            return -1;
        }
        CharBuffer out = CharBuffer.wrap(buffer, offset, length);
        decode(out);
        int read = out.position() - offset;
        if (read == 0 && in.hasRemaining()) {
            // a supplementary character needs two chars and only one was asked for
            CharBuffer pair = CharBuffer.allocate(2);
            decode(pair);
            buffer[offset] = pair.get(0);
            pending = pair.get(1);
            return 1;
        }
        return read == 0 ? -1 : read;
    }

    private void decode(CharBuffer out) {
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw Utf8Text.malformed(block, in.position(), fileName, scanners);
        }
        if (!in.hasRemaining() && !flushed) {
            flushed = decoder.flush(out).isUnderflow();
        }
    }

    @Override
    public void close() {
        // nothing is held
    }
}
