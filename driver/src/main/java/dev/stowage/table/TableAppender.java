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
        String batch = UUID.randomUUID().toString().replace("-", "");
        String extension = FormatWriters.extension(table.fileFormat());
        List<Path> parts = new ArrayList<>();
        try {
            long total = writeParts(rows, extension, parts);
            upload(parts, batch, extension);
            return total;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (Path part : parts) {
                try {
                    Files.deleteIfExists(part);
                } catch (IOException ignored) {
                    // a temporary file left behind is removed with the temporary directory
                }
            }
        }
    }

    private long writeParts(Iterator<Object[]> rows, String extension, List<Path> parts) throws IOException {
        long total = 0;
        while (rows.hasNext()) {
            Path part = Files.createTempFile("stowage-insert-", extension);
            parts.add(part);
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(part));
                 RowFileWriter writer = FormatWriters.open(table.fileFormat(), table.columns(), out)) {
                while (rows.hasNext() && writer.bytesWritten() < MAX_FILE_SIZE) {
                    writer.write(rows.next());
                }
                writer.finish();
                total += writer.rowCount();
            }
        }
        return total;
    }

    private void upload(List<Path> parts, String batch, String extension) throws IOException {
        List<String> uploaded = new ArrayList<>();
        try (FileIO io = files.open(table)) {
            try {
                for (int i = 0; i < parts.size(); i++) {
                    String name = String.format("data_%s_%04d%s", batch, i, extension);
                    io.write(name, Files.readAllBytes(parts.get(i)));
                    uploaded.add(name);
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
        }
    }
}
