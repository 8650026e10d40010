package dev.stowage.format.text;

import dev.stowage.scan.RowSink;
import java.io.IOException;

/** Turns blocks of one file into rows. One decoder serves one thread, block after block. */
interface BlockDecoder {
    /**
     * Produces the rows of {@code block} in order.
     *
     * @return false when {@code sink} declined a row
     */
    boolean decode(TextBlock block, RowSink sink) throws IOException;
}
