package dev.stowage.format.text;

import dev.stowage.error.ErrorCode;
import dev.stowage.error.StowageException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * Cuts a (decompressed) file into {@link TextBlock}s of whole records, reading it sequentially: each block ends at
 * the first record end at or after {@code blockSize} bytes, so only the blocks handed out and the one being cut are
 * in memory. A UTF-8 byte order mark at the start of the file is dropped.
 *
 * <p>Not thread-safe: the blocks are cut in order by one thread, and each block is then owned by its reader.
 */
final class RecordBlocks implements Closeable {
    /** The longest record a file may hold; a longer one is most likely an unclosed quote. */
    static final int MAX_RECORD_BYTES = 64 << 20;
    /** How far beyond the block size a read goes, so most blocks end without growing the buffer. */
    private static final int SLACK = 64 << 10;

    private final InputStream in;
    private final RecordScanner scanner;
    private final int blockSize;
    private final String fileName;
    private byte[] buffer;
    private int length;
    private boolean started;
    private boolean eof;
    private long nextRecord;
    private long nextLine = 1;

    /**
     * Creates the blocks of {@code in}; closing them closes {@code in}.
     *
     * @param scanner finds the record ends of the file's format
     * @param blockSize the size a block reaches before it is cut at the next record end
     * @param fileName the file's name, for messages
     */
    RecordBlocks(InputStream in, RecordScanner scanner, int blockSize, String fileName) {
        this.in = in;
        this.scanner = scanner;
        this.blockSize = blockSize;
        this.fileName = fileName;
    }

    /**
     * Returns the next block, or null at the end of the file.
     *
     * @throws StowageException {@link ErrorCode#BAD_DATA} naming the file and line when a quote is never closed or
     *     a record is longer than {@value #MAX_RECORD_BYTES} bytes
     */
    TextBlock next() throws IOException {
        if (!started) {
            started = true;
            buffer = new byte[blockSize + SLACK];
            fill();
            dropByteOrderMark();
        }
        scanner.reset();
        int scanned = 0;
        while (true) {
            int cut = scanner.scan(buffer, scanned, length, blockSize);
            scanned = length;
            if (cut >= 0) {
                return take(cut);
            }
            if (eof) {
                if (length == 0) {
                    return null;
                }
                scanner.finish();
                if (scanner.insideQuotes()) {
                    throw new StowageException(ErrorCode.BAD_DATA,
                            "Unclosed quote in the record starting at line %d of file %s",
                            nextLine + scanner.openRecordLines(), fileName);
                }
                return take(length);
            }
            if (length == buffer.length) {
                grow();
            }
            fill();
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private void fill() throws IOException {
        while (length < buffer.length) {
            int read = in.read(buffer, length, buffer.length - length);
            if (read < 0) {
                eof = true;
                return;
            }
            length += read;
        }
    }

    private void grow() {
        if (buffer.length >= blockSize + MAX_RECORD_BYTES) {
            throw new StowageException(ErrorCode.BAD_DATA,
                    "The record starting at line %d of file %s is longer than %d MiB; is a quote not closed?",
                    nextLine + scanner.openRecordLines(), fileName, MAX_RECORD_BYTES >> 20);
        }
        byte[] larger = new byte[(int) Math.min((long) buffer.length * 2, (long) blockSize + MAX_RECORD_BYTES)];
        System.arraycopy(buffer, 0, larger, 0, length);
        buffer = larger;
    }

    private void dropByteOrderMark() {
        if (length >= 3 && buffer[0] == (byte) 0xEF && buffer[1] == (byte) 0xBB && buffer[2] == (byte) 0xBF) {
            System.arraycopy(buffer, 3, buffer, 0, length - 3);
            length -= 3;
        }
    }

    private TextBlock take(int cut) {
        TextBlock block = new TextBlock(buffer, cut, nextRecord, nextLine);
        nextRecord += scanner.records();
        nextLine += scanner.lines();
        byte[] rest = eof && cut == length ? new byte[0] : new byte[Math.max(blockSize + SLACK, length - cut)];
        System.arraycopy(buffer, cut, rest, 0, length - cut);
        buffer = rest;
        length -= cut;
        return block;
    }
}
