package dev.stowage.format.text;

/**
 * Finds record ends in CSV: a record delimiter ends a record unless it is inside a quoted field. It follows the
 * state machine of both CSV parsers ({@link FastCsvBlockParser}'s FastCSV and {@link DelimitedTextParser}): a quote
 * opens a quoted field only at the start of a field, two quotes inside quotes are one quote, and with a backslash
 * escape a backslash inside quotes takes the next byte literally. With a newline record delimiter CR, LF and CRLF
 * each end a record and a line; inside quotes CR counts a line and LF counts one unless a CR came before it since
 * the last quote, as FastCSV counts. With another record delimiter each delimiter is one line.
 *
 * <p>Outside quotes only quotes and record delimiters are looked at: whether a quote starts a field is told by the
 * byte before it, so the scan skips through fields eight bytes at a time.
 */
final class CsvRecordScanner extends RecordScanner {
    private static final int OUTSIDE = 0;
    private static final int QUOTED = 1;
    private static final int QUOTED_ESCAPE = 2;
    /** A quote inside quotes: closing, or the first of two. */
    private static final int QUOTE_IN_QUOTES = 3;
    private static final int AFTER_CR = 4;

    private final byte fieldDelimiter;
    private final byte quote;
    private final boolean escapes;
    private final boolean newlines;
    /** The bytes that end the run of plain bytes outside quotes. */
    private final byte[] outsideStops;
    /** The bytes that end the run of plain bytes inside quotes. */
    private final byte[] insideStops;

    private int state;
    private int recordStart;
    private int scanned;
    private boolean quotedCr;

    CsvRecordScanner(DelimitedOptions options) {
        this.fieldDelimiter = (byte) options.fieldDelimiter();
        this.quote = (byte) options.quote();
        this.escapes = options.escape();
        this.newlines = options.newlineRecords();
        this.outsideStops = newlines ? new byte[] {quote, '\n', '\r'}
                : new byte[] {quote, (byte) options.recordDelimiter()};
        byte backslash = escapes ? (byte) '\\' : quote;
        this.insideStops = newlines ? new byte[] {quote, backslash, '\n', '\r'} : new byte[] {quote, backslash};
    }

    @Override
    protected void resetState() {
        state = OUTSIDE;
        recordStart = 0;
        scanned = 0;
        quotedCr = false;
    }

    @Override
    int scan(byte[] bytes, int from, int to, int min) {
        int i = from;
        while (i < to) {
            switch (state) {
                case OUTSIDE -> {
                    i = find(bytes, i, to, outsideStops);
                    if (i == to) {
                        break;
                    }
                    byte b = bytes[i];
                    if (b == quote) {
                        if (i == recordStart || bytes[i - 1] == fieldDelimiter) {
                            state = QUOTED;
                        }
                        i++;
                        break;
                    }
                    if (i > recordStart) {
                        records++;
                    }
                    lines++;
                    openRecordLines = lines;
                    recordStart = ++i;
                    if (newlines && b == '\r') {
                        state = AFTER_CR;
                    } else if (i >= min) {
                        return i;
                    }
                }
                case AFTER_CR -> {
                    state = OUTSIDE;
                    if (bytes[i] == '\n') {
                        recordStart = ++i;
                    }
                    if (i >= min) {
                        return i;
                    }
                }
                case QUOTED -> {
                    i = find(bytes, i, to, insideStops);
                    if (i == to) {
                        break;
                    }
                    byte b = bytes[i++];
                    if (b == quote) {
                        quotedCr = false;
                        state = QUOTE_IN_QUOTES;
                    } else if (escapes && b == '\\') {
                        state = QUOTED_ESCAPE;
                    } else {
                        countQuotedLine(b);
                    }
                }
                case QUOTED_ESCAPE -> {
                    state = QUOTED;
                    if (newlines) {
                        countQuotedLine(bytes[i]);
                    }
                    i++;
                }
                default -> {
                    // QUOTE_IN_QUOTES: a second quote stays inside, anything else follows a closing quote
                    if (bytes[i] == quote) {
                        state = QUOTED;
                        i++;
                    } else {
                        state = OUTSIDE;
                    }
                }
            }
        }
        scanned = to;
        return -1;
    }

    private static int find(byte[] bytes, int from, int to, byte[] stops) {
        return stops.length == 2 ? ByteSearch.find(bytes, from, to, stops[0], stops[1], stops[1], stops[1])
                : ByteSearch.find(bytes, from, to, stops[0], stops[1], stops[2], stops[stops.length - 1]);
    }

    private void countQuotedLine(byte b) {
        if (b == '\r') {
            lines++;
            quotedCr = true;
        } else if (b == '\n') {
            if (!quotedCr) {
                lines++;
            }
            quotedCr = false;
        }
    }

    @Override
    void finish() {
        if (scanned > recordStart) {
            records++;
        }
        recordStart = scanned;
    }

    @Override
    boolean insideQuotes() {
        return state == QUOTED || state == QUOTED_ESCAPE;
    }
}
