package dev.stowage.format.text;

import dev.stowage.scan.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;

/**
 * A staged text file as its readers see it: how it is compressed and how its records end.
 *
 * @param file the file
 * @param compression its compression, resolved from the format's option and the file name
 * @param scanners new scanners of its record ends
 * @param blockSize the size a block reaches before it is cut at the next record end
 */
record TextFile(SourceFile file, Compression compression, Supplier<RecordScanner> scanners, int blockSize) {
    /** Returns whether the file holds no bytes at all, so it has no records whatever its compression. */
    boolean isEmpty() {
        return file.entry().size() == 0;
    }

    /** Opens the blocks of the file from its start, decompressed; the caller closes them. */
    RecordBlocks openBlocks() throws IOException {
        InputStream in = file.io().open(file.entry().path());
        try {
            return new RecordBlocks(compression.decompress(in, file.name()), scanners.get(), blockSize, file.name());
        } catch (RuntimeException e) {
            in.close();
            throw e;
        }
    }
}
