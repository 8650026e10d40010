package dev.stowage.format.text;

import java.io.IOException;

/**
 * Walks the lines of an NDJSON block: CR, LF and CRLF end a line, and lines of spaces and tabs only are skipped, as
 * {@link LineRecordScanner} counts them.
 */
final class JsonLines {
    private JsonLines() {
    }

    /** Takes the non-blank lines of a block. */
    @FunctionalInterface
    interface LineVisitor {
        /**
         * Takes the line {@code bytes[start, end)}, without its line end.
         *
         * @param line the line's number in the file
         * @return false to stop
         */
        boolean line(byte[] bytes, int start, int end, long line) throws IOException;
    }

    /**
     * Hands the non-blank lines of {@code block} to {@code visitor}, in order.
     *
     * @return false when the visitor stopped
     */
    static boolean forEach(TextBlock block, LineVisitor visitor) throws IOException {
        byte[] bytes = block.bytes();
        int length = block.length();
        long line = block.firstLine();
        int i = 0;
        while (i < length) {
            int start = i;
            boolean blank = true;
            while (i < length && bytes[i] != '\n' && bytes[i] != '\r') {
                blank &= bytes[i] == ' ' || bytes[i] == '\t';
                i++;
            }
            if (!blank && !visitor.line(bytes, start, i, line)) {
                return false;
            }
            if (i < length) {
                i += bytes[i] == '\r' && i + 1 < length && bytes[i + 1] == '\n' ? 2 : 1;
            }
            line++;
        }
        return true;
    }
}
