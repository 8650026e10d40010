package dev.stowage.scan;

import java.io.IOException;

/** The units of one file, produced in file order; producing one may read from storage (CSV record blocks). */
public interface ScanUnits extends AutoCloseable {
    /** Returns the next unit, or null when there are no more. Called from one thread at a time. */
    ScanUnit next() throws IOException;

    /** Releases what the units hold open; units already returned may still be read until they finish. */
    @Override
    void close();
}
