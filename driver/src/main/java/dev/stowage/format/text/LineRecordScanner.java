package dev.stowage.format.text;

/**
 * Finds record ends in line-based formats (TSV and NDJSON), where no quoting exists. A record ends at the record
 * delimiter (CR, LF or CRLF for a newline delimiter, each one line); with a backslash escape, a backslash takes the
 * next byte literally, so an escaped delimiter does not end the record (an escaped LF still counts as a line). A
 * record with no bytes (or, for NDJSON, only spaces and tabs) is no record.
 */
final class LineRecordScanner extends RecordScanner {
    private static final int NORMAL = 0;
    private static final int ESCAPE = 1;
    private static final int AFTER_CR = 2;

    private final boolean escapes;
    private final boolean newlines;
    private final boolean whitespaceIsBlank;
    private final byte[] stops;

    private int state;
    private int recordStart;
    private int scanned;
    /** Whether the open record has a byte that makes it not blank, before {@link #checkedTo}. */
    private boolean data;
    private int checkedTo;

    /**
     * Creates a scanner.
     *
     * @param escapes whether a backslash escapes the next byte
     * @param recordDelimiter the delimiter byte, or {@link DelimitedOptions#NEWLINE} for CR, LF or CRLF
     * @param whitespaceIsBlank whether a record of spaces and tabs only is blank (NDJSON)
     */
    LineRecordScanner(boolean escapes, char recordDelimiter, boolean whitespaceIsBlank) {
        this.escapes = escapes;
        this.newlines = recordDelimiter == DelimitedOptions.NEWLINE;
        this.whitespaceIsBlank = whitespaceIsBlank;
        byte end = (byte) recordDelimiter;
        byte backslash = escapes ? (byte) '\\' : end;
        this.stops = newlines ? new byte[] {'\n', '\r', backslash} : new byte[] {end, end, backslash};
    }

    @Override
    protected void resetState() {
        state = NORMAL;
        recordStart = 0;
        scanned = 0;
        data = false;
        checkedTo = 0;
    }

    @Override
    int scan(byte[] bytes, int from, int to, int min) {
        int i = from;
        while (i < to) {
            if (state == AFTER_CR) {
                state = NORMAL;
                if (bytes[i] == '\n') {
                    recordStart = ++i;
                    checkedTo = i;
                }
                if (i >= min) {
                    return i;
                }
                continue;
            }
            if (state == ESCAPE) {
                state = NORMAL;
                data = true;
                if (newlines && bytes[i] == '\n') {
                    lines++;
                }
                i++;
                continue;
            }
            i = ByteSearch.find(bytes, i, to, stops[0], stops[1], stops[2], stops[2]);
            if (i == to) {
                break;
            }
            byte b = bytes[i];
            if (escapes && b == '\\') {
                state = ESCAPE;
                i++;
                continue;
            }
            if (hasData(bytes, i)) {
                records++;
            }
            lines++;
            openRecordLines = lines;
            recordStart = ++i;
            checkedTo = i;
            data = false;
            if (newlines && b == '\r') {
                state = AFTER_CR;
            } else if (i >= min) {
                return i;
            }
        }
        if (whitespaceIsBlank) {
            hasData(bytes, to);
        }
        scanned = to;
        return -1;
    }

    /** Returns whether the open record, which ends before {@code end}, is not blank. */
    private boolean hasData(byte[] bytes, int end) {
        if (!whitespaceIsBlank) {
            return data || end > recordStart;
        }
        for (int i = checkedTo; !data && i < end; i++) {
            data = bytes[i] != ' ' && bytes[i] != '\t';
        }
        checkedTo = end;
        return data;
    }

    @Override
    void finish() {
        if (state == ESCAPE || data || !whitespaceIsBlank && scanned > recordStart) {
            records++;
        }
        recordStart = scanned;
        data = false;
    }
}
