package dev.stowage.format.text;

import dev.stowage.error.ErrorCode;
import dev.stowage.error.StowageException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * Decodes the UTF-8 bytes of a block strictly: a malformed byte sequence is an error naming the file and line rather
 * than a replacement character. Not thread-safe; each reading thread has its own.
 */
final class Utf8Text {
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
    private final Supplier<RecordScanner> scanners;
    private char[] chars = new char[0];
    private int length;

    /** Creates a decoder; {@code scanners} count the lines before a malformed sequence for the message. */
    Utf8Text(Supplier<RecordScanner> scanners) {
        this.scanners = scanners;
    }

    /**
     * Decodes {@code block}; the text is {@link #chars()}{@code [0, }{@link #length()}{@code )} until the next call.
     *
     * @throws StowageException {@link ErrorCode#BAD_DATA} naming the file and line of a malformed sequence
     */
    void decode(TextBlock block, String fileName) {
        if (chars.length < block.length()) {
            chars = new char[block.length()];
        }
        ByteBuffer in = ByteBuffer.wrap(block.bytes(), 0, block.length());
        CharBuffer out = CharBuffer.wrap(chars);
        decoder.reset();
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw malformed(block, in.position(), fileName, scanners);
        }
        length = out.position();
    }

    /** Returns the failure of {@code block}, whose bytes are not UTF-8 at {@code position}. */
    static StowageException malformed(TextBlock block, int position, String fileName,
                                      Supplier<RecordScanner> scanners) {
        long line = block.firstLine() + scanners.get().linesBefore(block.bytes(), position);
        return new StowageException(ErrorCode.BAD_DATA, "Invalid UTF-8 at line %d of file %s", line, fileName);
    }

    /** Returns the decoded text's buffer. */
    char[] chars() {
        return chars;
    }

    /** Returns how many characters of {@link #chars()} the decoded text has. */
    int length() {
        return length;
    }
}
