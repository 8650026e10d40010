package dev.stowage.format.parquet;

import dev.stowage.fileio.FileIO;
import dev.stowage.scan.SourceFile;
import java.io.IOException;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;

/**
 * A staged file as parquet-java's {@link InputFile}: its length is the listed size and its streams read byte ranges
 * through {@link FileIO#read}. It remembers the last storage failure, so that a caller can tell a failed read from
 * a corrupt file when parquet-java wraps the exception. Not shared between threads.
 */
final class StorageInputFile implements InputFile {
    private final FileIO io;
    private final String path;
    private final long length;
    private final String name;
    private IOException storageFailure;

    StorageInputFile(SourceFile file) {
        this.io = file.io();
        this.path = file.entry().path();
        this.length = file.entry().size();
        this.name = file.name();
    }

    @Override
    public long getLength() {
        return length;
    }

    @Override
    public SeekableInputStream newStream() {
        return new StorageInputStream(this);
    }

    /** Returns up to {@code size} bytes from {@code offset}; fewer only where the stored file ends early. */
    byte[] read(long offset, int size) throws IOException {
        try {
            return io.read(path, offset, size);
        } catch (IOException e) {
            storageFailure = e;
            throw e;
        }
    }

    /** Reads up to {@code size} bytes from {@code offset} into {@code into} at {@code at}; returns how many. */
    int read(long offset, byte[] into, int at, int size) throws IOException {
        try {
            return io.read(path, offset, into, at, size);
        } catch (IOException e) {
            storageFailure = e;
            throw e;
        }
    }

    /** Returns the exception the storage last failed with, or null. */
    IOException storageFailure() {
        return storageFailure;
    }

    /** Returns the name queries show; parquet-java puts it into its messages. */
    @Override
    public String toString() {
        return name;
    }
}
