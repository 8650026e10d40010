package dev.stowage.format.text;

import dev.stowage.error.ErrorCode;
import dev.stowage.error.StowageException;
import java.io.IOException;
import java.util.Arrays;

/**
 * Parses what FastCSV cannot: TSV (no quoting; a backslash escapes the next character: {@code \b \f \r \n \t \0}
 * stand for control characters, any other character for itself, and a field of exactly {@code \N} is NULL) and CSV
 * with backslash escapes inside quotes or a record delimiter other than a newline. CSV follows the same rules as
 * {@link FastCsvBlockParser}; both agree with {@link CsvRecordScanner} and {@link LineRecordScanner} on record ends
 * and line numbers.
 */
final class DelimitedTextParser implements BlockParser {
    private final boolean tsv;
    private final char fieldDelimiter;
    private final char recordDelimiter;
    private final boolean newlines;
    private final char quote;
    private final boolean escape;
    private final Utf8Text utf8;
    private char[] scratch = new char[64];
    private int scratchLength;

    DelimitedTextParser(DelimitedOptions options) {
        this.utf8 = new Utf8Text(options::newScanner);
        this.tsv = options.tsv();
        this.fieldDelimiter = options.fieldDelimiter();
        this.recordDelimiter = options.recordDelimiter();
        this.newlines = options.newlineRecords();
        this.quote = options.quote();
        this.escape = options.escape();
    }

    @Override
    public boolean parse(TextBlock block, FieldReceiver receiver) throws IOException {
        utf8.decode(block, receiver.fileName());
        char[] chars = utf8.chars();
        int length = utf8.length();
        Cursor cursor = new Cursor(chars, length, block.firstLine());
        while (cursor.position < length) {
            if (isRecordEnd(chars[cursor.position])) {
                endRecord(cursor);
                continue;
            }
            receiver.beginRecord(cursor.line);
            int index = 0;
            while (true) {
                if (tsv) {
                    tsvField(cursor, receiver, index++);
                } else {
                    csvField(cursor, receiver, index++);
                }
                if (cursor.position >= length) {
                    break;
                }
                if (chars[cursor.position] == fieldDelimiter) {
                    cursor.position++;
                    if (cursor.position == length) {
                        receiver.field(index, chars, length, 0, false);
                        break;
                    }
                    continue;
                }
                endRecord(cursor);
                break;
            }
            if (!receiver.endRecord()) {
                return false;
            }
        }
        return true;
    }

    private boolean isRecordEnd(char c) {
        return newlines ? c == '\n' || c == '\r' : c == recordDelimiter;
    }

    /** Steps over the record end at the cursor: one line, CRLF included. */
    private void endRecord(Cursor cursor) {
        char c = cursor.chars[cursor.position++];
        if (newlines && c == '\r' && cursor.position < cursor.length && cursor.chars[cursor.position] == '\n') {
            cursor.position++;
        }
        cursor.line++;
    }

    private void tsvField(Cursor cursor, FieldReceiver receiver, int index) {
        char[] chars = cursor.chars;
        int start = cursor.position;
        int i = start;
        boolean escaped = false;
        while (i < cursor.length) {
            char c = chars[i];
            if (c == fieldDelimiter || isRecordEnd(c)) {
                break;
            }
            if (escape && c == '\\') {
                if (!escaped) {
                    escaped = true;
                    scratchLength = 0;
                    append(chars, start, i - start);
                }
                if (++i == cursor.length) {
                    append('\\');
                    break;
                }
                char next = chars[i++];
                if (newlines && next == '\n') {
                    cursor.line++;
                }
                append(unescape(next));
                continue;
            }
            if (escaped) {
                append(c);
            }
            i++;
        }
        cursor.position = i;
        if (!escaped) {
            receiver.field(index, chars, start, i - start, false);
        } else if (i - start == 2 && chars[start + 1] == 'N') {
            // \N is NULL: handed over as written, for the receiver to match it against NULL_DISPLAY
            receiver.field(index, chars, start, 2, false);
        } else {
            receiver.field(index, scratch, 0, scratchLength, true);
        }
    }

    private static char unescape(char c) {
        return switch (c) {
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'r' -> '\r';
            case 'n' -> '\n';
            case 't' -> '\t';
            case '0' -> '\0';
            default -> c;
        };
    }

    private void csvField(Cursor cursor, FieldReceiver receiver, int index) {
        char[] chars = cursor.chars;
        int i = cursor.position;
        if (i >= cursor.length || chars[i] != quote) {
            int start = i;
            while (i < cursor.length && chars[i] != fieldDelimiter && !isRecordEnd(chars[i])) {
                i++;
            }
            cursor.position = i;
            receiver.field(index, chars, start, i - start, false);
            return;
        }
        i++;
        scratchLength = 0;
        boolean afterCr = false;
        while (true) {
            if (i >= cursor.length) {
                throw new StowageException(ErrorCode.BAD_DATA, "Unclosed quote in the record starting at line %d"
                        + " of file %s", receiver.line(), receiver.fileName());
            }
            char c = chars[i++];
            if (c == quote) {
                if (i < cursor.length && chars[i] == quote) {
                    append(quote);
                    i++;
                    afterCr = false;
                    continue;
                }
                break;
            }
            if (escape && c == '\\') {
                if (i >= cursor.length) {
                    continue;
                }
                c = chars[i++];
            }
            if (newlines) {
                // lines inside quotes are counted as FastCSV counts them, see CsvRecordScanner
                if (c == '\r') {
                    cursor.line++;
                    afterCr = true;
                } else if (c == '\n') {
                    if (!afterCr) {
                        cursor.line++;
                    }
                    afterCr = false;
                }
            }
            append(c);
        }
        if (i < cursor.length && chars[i] != fieldDelimiter && !isRecordEnd(chars[i])) {
            throw new StowageException(ErrorCode.BAD_DATA, "Invalid CSV in the record starting at line %d of file"
                    + " %s: Unexpected character after closing quote: '%c'", receiver.line(), receiver.fileName(),
                    chars[i]);
        }
        cursor.position = i;
        receiver.field(index, scratch, 0, scratchLength, true);
    }

    private void append(char c) {
        if (scratchLength == scratch.length) {
            scratch = Arrays.copyOf(scratch, scratch.length * 2);
        }
        scratch[scratchLength++] = c;
    }

    private void append(char[] chars, int offset, int count) {
        if (scratchLength + count > scratch.length) {
            scratch = Arrays.copyOf(scratch, Math.max(scratch.length * 2, scratchLength + count));
        }
        System.arraycopy(chars, offset, scratch, scratchLength, count);
        scratchLength += count;
    }

    /** Where parsing is in a block: the position and the line it is on. */
    private static final class Cursor {
        final char[] chars;
        final int length;
        int position;
        long line;

        Cursor(char[] chars, int length, long line) {
            this.chars = chars;
            this.length = length;
            this.line = line;
        }
    }
}
