package dev.stowage.copy;

/**
 * One row of COPY INTO &lt;table&gt;'s output: what happened to one file.
 *
 * @param file the file's path, relative to the location it was listed from
 * @param rowsLoaded the rows it added
 * @param errorsSeen the bad rows (or 1 for a file that cannot be read)
 * @param firstError the first error's message, or null
 * @param firstErrorLine the line of the first error, or null when it has none
 */
record LoadResult(String file, long rowsLoaded, long errorsSeen, String firstError, Long firstErrorLine) {
    Object[] row() {
        return new Object[] {file, (int) rowsLoaded, (int) errorsSeen, firstError,
            firstErrorLine == null ? null : (int) (long) firstErrorLine};
    }

    boolean failed() {
        return errorsSeen > 0;
    }
}
