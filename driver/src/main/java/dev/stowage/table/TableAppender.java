package dev.stowage.table;

import dev.stowage.catalog.Catalog;
import dev.stowage.catalog.TableDefinition;
import dev.stowage.error.ErrorCode;
import dev.stowage.error.StowageException;
import dev.stowage.fileio.FileIO;
import dev.stowage.write.FileBatch;
import dev.stowage.write.FormatWriters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.UUID;

/**
 * Appends rows to a table as new data files in the table's format, named {@code data_<batch>_<n>.<ext>}. Every row
 * is written locally before anything is uploaded ({@link FileBatch}): a statement that fails while producing its
 * rows adds nothing, and a failed upload deletes what it uploaded.
 */
public final class TableAppender {
    /** The size at which a data file is completed and the next one started (Databend's default unload size). */
    public static final long MAX_FILE_SIZE = 64L << 20;

    private final Catalog catalog;
    private final TableFiles files;
    private final TableDefinition table;

    /** Creates an appender to {@code table} of {@code catalog}, whose files {@code files} reaches. */
    public TableAppender(Catalog catalog, TableFiles files, TableDefinition table) {
        this.catalog = catalog;
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
        try (FileBatch batch = batch()) {
            long count = batch.write(rows).rows();
            commit(batch);
            return count;
        }
    }

    /** Returns an empty batch of files for this table; {@link #commit} adds them to it. */
    public FileBatch batch() {
        return new FileBatch(table.fileFormat(), table.columns(), MAX_FILE_SIZE);
    }

    /**
     * Uploads the files of {@code batch} into the table.
     *
     * @throws StowageException {@link ErrorCode#UNKNOWN_TABLE} when the table was dropped or replaced since the
     *     statement looked it up (a prepared INSERT, a long COPY): its files would land where no table reads them
     */
    public void commit(FileBatch batch) {
        if (catalog.table(table.name()).filter(current -> current.id().equals(table.id())).isEmpty()) {
            throw new StowageException(ErrorCode.UNKNOWN_TABLE,
                    "Table '%s' was dropped or replaced after the statement looked it up; nothing was added. Run the"
                            + " statement again.", table.name());
        }
        String id = UUID.randomUUID().toString().replace("-", "");
        String extension = FormatWriters.extension(table.fileFormat());
        try (FileIO io = files.open(table)) {
            batch.upload(io, index -> String.format("data_%s_%04d%s", id, index, extension));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
