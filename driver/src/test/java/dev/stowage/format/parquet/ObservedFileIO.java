package dev.stowage.format.parquet;

import dev.stowage.fileio.FileEntry;
import dev.stowage.fileio.FileIO;
import dev.stowage.fileio.Location;
import dev.stowage.fileio.StorageException;
import dev.stowage.scan.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/** A storage that counts the ranged reads it serves and can be told to fail them. */
final class ObservedFileIO implements FileIO {
    private final FileIO delegate;
    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicLong bytes = new AtomicLong();
    private volatile boolean failing;

    ObservedFileIO(FileIO delegate) {
        this.delegate = delegate;
    }

    /** Returns {@code file} read through this storage. */
    SourceFile wrap(SourceFile file) {
        return new SourceFile(this, file.entry(), file.name());
    }

    int reads() {
        return reads.get();
    }

    long bytes() {
        return bytes.get();
    }

    /** Makes every later read fail with a timeout. */
    void failReads() {
        failing = true;
    }

    @Override
    public Location location() {
        return delegate.location();
    }

    @Override
    public Stream<FileEntry> list(String prefix) throws IOException {
        return delegate.list(prefix);
    }

    @Override
    public FileEntry stat(String path) throws IOException {
        return delegate.stat(path);
    }

    @Override
    public byte[] read(String path, long offset, int length) throws IOException {
        if (failing) {
            throw new StorageException(StorageException.Kind.TIMEOUT, "Reading " + path + " timed out.");
        }
        byte[] data = delegate.read(path, offset, length);
        reads.incrementAndGet();
        bytes.addAndGet(data.length);
        return data;
    }

    @Override
    public InputStream open(String path) throws IOException {
        return delegate.open(path);
    }

    @Override
    public void write(String path, byte[] data) throws IOException {
        delegate.write(path, data);
    }

    @Override
    public void delete(String path) throws IOException {
        delegate.delete(path);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
