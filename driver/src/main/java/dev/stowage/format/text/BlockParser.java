package dev.stowage.format.text;

import java.io.IOException;

/** Splits a block of whole CSV or TSV records into fields. One parser serves one thread. */
interface BlockParser {
    /**
     * Decodes the UTF-8 text of {@code block} and hands its records to {@code receiver}, skipping empty records.
     *
     * @return false when the receiver wanted no more records
     * @throws dev.stowage.error.StowageException {@link dev.stowage.error.ErrorCode#BAD_DATA} naming the file and
     *     line when the text is not UTF-8 or not valid in the format
     */
    boolean parse(TextBlock block, FieldReceiver receiver) throws IOException;
}
