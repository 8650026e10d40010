package dev.stowage.table;

import dev.stowage.catalog.TableDefinition;
import dev.stowage.error.ErrorCode;
import dev.stowage.error.StowageException;
import dev.stowage.fileio.FileIO;
import dev.stowage.write.FormatWriters;
import dev.stowage.write.RowFileWriter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;

/**
 * Appends rows to a table as new data files in the table's format. Rows are first written to local temporary files
 * (one per {@link #MAX_FILE_SIZE} of output), and uploaded only once every row has been written: a statement that
 * fails while producing its rows adds nothing. If an upload fails, the files already uploaded are deleted again.
 */
public final class TableAppender {
    /** The size at which a data file is completed and the next one started (Databend's default unload size). */
    public static final long MAX_FILE_SIZE = 64L << 20;

    private final TableFiles files;
    private final TableDefinition table;

    /** Creates an appender to {@code table}, whose files {@code files} reaches. */
    public TableAppender(TableFiles files, TableDefinition table) {
        this.files = files;
        this.table = table;
    }

    /**
     * Writes {@code rows}, each holding one value per column in Calcite's internal representation, and returns how
     * many were written.
     *
     * @throws StowageException {@link ErrorCode#NOT_NULL_VIOLATION} for NULL in a NOT NULL column; storage errors as
     *     {@link UncheckedIOException}
     */
    public long append(Iterator<Object[]> rows) {
        try (Pending pending = pending()) {
            long count = pending.write(rows).rows();
            pending.commit();
            return count;
        }
    }

    /** Starts an append of several parts, each of which may be discarded before the whole is committed. */
    public Pending pending() {
        return new Pending();
    }

    /**
     * Rows written locally by one {@link Pending#write}.
     *
     * @param files the local files
     * @param rows how many rows they hold
     */
    public record Part(List<Path> files, long rows) {
    }

    /** Parts written locally and not yet uploaded; closing deletes the local files. */
    public final class Pending implements AutoCloseable {
        private final String batch = UUID.randomUUID().toString().replace("-", "");
        private final String extension = FormatWriters.extension(table.fileFormat());
        private final List<Part> parts = new ArrayList<>();

        private Pending() {
        }

        /**
         * Writes {@code rows} to local files and returns them as one part. If writing fails, the part's files are
         * deleted and the failure propagates.
         */
        public Part write(Iterator<Object[]> rows) {
            List<Path> written = new ArrayList<>();
            long total = 0;
            try {
                while (rows.hasNext()) {
                    Path file = Files.createTempFile("stowage-append-", extension);
                    written.add(file);
                    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file));
                         RowFileWriter writer = FormatWriters.open(table.fileFormat(), table.columns(), out)) {
                        while (rows.hasNext() && writer.bytesWritten() < MAX_FILE_SIZE) {
                            writer.write(rows.next());
                        }
                        writer.finish();
                        total += writer.rowCount();
                    }
                }
            } catch (IOException | RuntimeException e) {
                delete(written);
                throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
            }
            Part part = new Part(List.copyOf(written), total);
            parts.add(part);
            return part;
        }

        /** Drops {@code part}: it will not be uploaded. */
        public void discard(Part part) {
            parts.remove(part);
            delete(part.files());
        }

        /** Uploads every part kept; on failure deletes what it uploaded and rethrows. */
        public void commit() {
            List<String> uploaded = new ArrayList<>();
            try (FileIO io = files.open(table)) {
                try {
                    int index = 0;
                    for (Part part : parts) {
                        for (Path file : part.files()) {
                            String name = String.format("data_%s_%04d%s", batch, index++, extension);
                            io.write(name, Files.readAllBytes(file));
                            uploaded.add(name);
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    for (String name : uploaded) {
                        try {
                            io.delete(name);
                        } catch (IOException | RuntimeException suppressed) {
                            e.addSuppressed(suppressed);
                        }
                    }
                    throw e;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            for (Part part : parts) {
                delete(part.files());
            }
            parts.clear();
        }

        private static void delete(List<Path> files) {
            for (Path file : files) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file left behind is removed with the temporary directory
                }
            }
        }
    }
}
