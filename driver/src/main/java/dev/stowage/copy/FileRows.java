package dev.stowage.copy;

import dev.stowage.scan.ScanUnit;
import dev.stowage.scan.ScanUnits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The rows of one file, pulled unit by unit (a Parquet row group, a block of text records): at most one unit's rows
 * are held at a time.
 */
final class FileRows implements Iterator<Object[]> {
    private final ScanUnits units;
    private final ArrayDeque<Object[]> buffered = new ArrayDeque<>();
    private boolean exhausted;

    FileRows(ScanUnits units) {
        this.units = units;
    }

    @Override
    public boolean hasNext() {
        while (buffered.isEmpty() && !exhausted) {
            try {
                ScanUnit unit = units.next();
                if (unit == null) {
                    exhausted = true;
                } else {
                    unit.read(row -> buffered.add(row));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return !buffered.isEmpty();
    }

    @Override
    public Object[] next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return buffered.poll();
    }
}
