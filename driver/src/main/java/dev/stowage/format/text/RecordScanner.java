package dev.stowage.format.text;

/**
 * Finds where records end in raw bytes, so a file can be cut into blocks of whole records before any of them is
 * parsed. The parsers cannot do this: they need a block to start on a record boundary, and that boundary is what is
 * being looked for. A scanner counts records exactly as its format's parser does (empty records are no records) and
 * lines as error messages number them. Delimiters are ASCII, so a UTF-8 continuation byte never matches one.
 *
 * <p>Not thread-safe: one scanner serves one file's blocks in order.
 */
abstract class RecordScanner {
    /** Non-empty records ended in the current block. */
    protected long records;
    /** Lines ended in the current block. */
    protected long lines;
    /** The lines ended in the current block before the record that is still open started. */
    protected long openRecordLines;

    /** Starts a new block, at a record boundary. */
    final void reset() {
        records = 0;
        lines = 0;
        openRecordLines = 0;
        resetState();
    }

    /** Resets the parse state to the start of a record. */
    protected abstract void resetState();

    /**
     * Scans {@code bytes[from, to)}, continuing where the previous call of this block stopped.
     *
     * @return the position just after the first record end at or after {@code min}, or -1 when none is in range
     */
    abstract int scan(byte[] bytes, int from, int to, int min);

    /** Ends the input, counting a last record that has no delimiter. */
    abstract void finish();

    /** Returns whether the input ended inside a quoted field; only {@link #finish()} makes this meaningful. */
    boolean insideQuotes() {
        return false;
    }

    /** Returns the non-empty records ended in the current block. */
    final long records() {
        return records;
    }

    /** Returns the lines ended in the current block. */
    final long lines() {
        return lines;
    }

    /** Returns how many lines into the current block the record that is still open started. */
    final long openRecordLines() {
        return openRecordLines;
    }

    /** Returns the lines ended in {@code bytes[0, position)}, a block's start; resets this scanner. */
    final long linesBefore(byte[] bytes, int position) {
        reset();
        scan(bytes, 0, position, Integer.MAX_VALUE);
        return lines;
    }
}
