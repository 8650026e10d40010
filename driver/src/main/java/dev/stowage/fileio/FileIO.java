package dev.stowage.fileio;

import java.io.IOException;
import java.io.InputStream;
import java.util.stream.Stream;

/**
 * Access to the files under one {@link Location}. Paths are relative to the location's root and have no leading
 * slash. Implementations are safe for concurrent use; every call has a deadline and fails with a
 * {@link StorageException} rather than hanging.
 */
public interface FileIO extends AutoCloseable {
    /** Returns the location this instance reads and writes. */
    Location location();

    /**
     * Returns every file whose path starts with {@code prefix} (Databend's prefix semantics: {@code a} matches
     * {@code a.csv} and {@code a/b.csv}), in path order. The stream may fetch pages lazily and must be closed.
     */
    Stream<FileEntry> list(String prefix) throws IOException;

    /**
     * Returns the file at {@code path}.
     *
     * @throws StorageException {@link StorageException.Kind#NOT_FOUND} if there is none
     */
    FileEntry stat(String path) throws IOException;

    /** Returns up to {@code length} bytes of {@code path} from {@code offset}; fewer at the end of the file. */
    byte[] read(String path, long offset, int length) throws IOException;

    /**
     * Reads up to {@code length} bytes of {@code path} from {@code offset} into {@code into[at, at + length)} and
     * returns how many were read; fewer at the end of the file. Implementations that can read straight into the
     * array do, so that large ranges are not allocated twice.
     */
    default int read(String path, long offset, byte[] into, int at, int length) throws IOException {
        byte[] bytes = read(path, offset, length);
        System.arraycopy(bytes, 0, into, at, bytes.length);
        return bytes.length;
    }

    /** Opens {@code path} for sequential reading; the stream fetches bounded chunks and must be closed. */
    InputStream open(String path) throws IOException;

    /** Writes {@code bytes} to {@code path}, replacing any file there. */
    void write(String path, byte[] bytes) throws IOException;

    /** Deletes {@code path}; deleting a missing file succeeds. */
    void delete(String path) throws IOException;

    /** Releases the storage client; calls after this fail with an {@link IOException}, never crash. */
    @Override
    void close();
}
