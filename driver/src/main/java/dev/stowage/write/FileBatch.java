package dev.stowage.write;

import dev.stowage.fileio.FileIO;
import dev.stowage.format.FileFormat;
import dev.stowage.scan.Column;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Files written to local temporary storage first and uploaded together, so that a statement failing while it
 * produces rows leaves nothing behind. Rows go to a new file whenever the current one reaches the size limit.
 * Closing deletes the local files. Not thread-safe.
 */
public final class FileBatch implements AutoCloseable {
    /**
     * One local file.
     *
     * @param path where it is
     * @param rows how many rows it holds
     */
    public record LocalFile(Path path, long rows) {
    }

    /**
     * The files one {@link #write} made; a write that fails leaves none.
     *
     * @param files the files
     */
    public record Part(List<LocalFile> files) {
        /** Returns how many rows the part holds. */
        public long rows() {
            return files.stream().mapToLong(LocalFile::rows).sum();
        }
    }

    /**
     * A file uploaded by {@link #upload}.
     *
     * @param name its path on the storage
     * @param size its size in bytes
     * @param rows how many rows it holds
     */
    public record Uploaded(String name, long size, long rows) {
    }

    private final FileFormat format;
    private final List<Column> columns;
    private final long maxFileSize;
    private final List<Part> parts = new ArrayList<>();

    /**
     * Creates an empty batch of files of {@code format} holding rows of {@code columns}; a file is completed once it
     * holds about {@code maxFileSize} bytes.
     */
    public FileBatch(FileFormat format, List<Column> columns, long maxFileSize) {
        this.format = format;
        this.columns = List.copyOf(columns);
        this.maxFileSize = maxFileSize;
    }

    /**
     * Writes {@code rows} (values in Calcite's internal representation) to new local files and returns them. If
     * writing fails, the part's files are deleted and the failure propagates.
     */
    public Part write(Iterator<Object[]> rows) {
        List<LocalFile> written = new ArrayList<>();
        Path current = null;
        try {
            while (rows.hasNext()) {
                current = Files.createTempFile("stowage-write-", FormatWriters.extension(format));
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(current));
                     RowFileWriter writer = FormatWriters.open(format, columns, out)) {
                    while (rows.hasNext() && writer.bytesWritten() < maxFileSize) {
                        writer.write(rows.next());
                    }
                    writer.finish();
                    written.add(new LocalFile(current, writer.rowCount()));
                    current = null;
                }
            }
        } catch (IOException | RuntimeException e) {
            delete(current);
            written.forEach(file -> delete(file.path()));
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
        Part part = new Part(List.copyOf(written));
        parts.add(part);
        return part;
    }

    /**
     * Uploads every file kept, in order, the {@code i}-th as {@code names.apply(i)}; on failure deletes what it
     * uploaded and rethrows.
     */
    public List<Uploaded> upload(FileIO io, IntFunction<String> names) {
        List<Uploaded> uploaded = new ArrayList<>();
        try {
            for (Part part : parts) {
                for (LocalFile file : part.files()) {
                    String name = names.apply(uploaded.size());
                    byte[] bytes = Files.readAllBytes(file.path());
                    io.write(name, bytes);
                    uploaded.add(new Uploaded(name, bytes.length, file.rows()));
                }
            }
            return uploaded;
        } catch (IOException | RuntimeException e) {
            for (Uploaded file : uploaded) {
                try {
                    io.delete(file.name());
                } catch (IOException | RuntimeException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e instanceof IOException io2 ? new UncheckedIOException(io2) : (RuntimeException) e;
        }
    }

    @Override
    public void close() {
        parts.forEach(part -> part.files().forEach(file -> delete(file.path())));
        parts.clear();
    }

    private static void delete(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temporary file left behind is removed with the temporary directory
        }
    }
}
