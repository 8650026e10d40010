package dev.stowage.copy;

import dev.stowage.catalog.Catalog;
import dev.stowage.catalog.LoadedFile;
import dev.stowage.catalog.TableDefinition;
import dev.stowage.error.ErrorCode;
import dev.stowage.error.StowageException;
import dev.stowage.fileio.FileEntry;
import dev.stowage.fileio.FileIO;
import dev.stowage.format.FileFormat;
import dev.stowage.format.text.FieldConversion;
import dev.stowage.scan.Column;
import dev.stowage.scan.ColumnType;
import dev.stowage.scan.FormatReader;
import dev.stowage.scan.FormatReaders;
import dev.stowage.scan.OutputColumn;
import dev.stowage.scan.ScanSpec;
import dev.stowage.scan.SourceFile;
import dev.stowage.scan.StopCondition;
import dev.stowage.stage.FileSelection;
import dev.stowage.stage.StageFiles;
import dev.stowage.table.TableAppender;
import dev.stowage.table.TableFiles;
import dev.stowage.write.FileBatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Stream;

/**
 * {@code COPY INTO <table> FROM <location>}: loads the selected staged files into a table, all or nothing. Files are
 * written in order into local parts, while the next ones are read ahead ({@link FileReadAhead}); only when every
 * file is done are the parts added to the table, and the files recorded as loaded so that the next COPY skips them
 * (unless they change, FORCE is given, or {@link #LOAD_MEMORY} has passed, as Databend's
 * {@code load_file_metadata_expire_hours}).
 */
public final class TableLoad {
    /** How long a loaded file is remembered. */
    static final Duration LOAD_MEMORY = Duration.ofHours(24);

    private final Catalog catalog;
    private final StageFiles stageFiles;
    private final TableFiles tableFiles;
    private final TableDefinition table;
    private final FileSelection selection;
    private final FileFormat format;
    private final LoadOptions options;
    /** The header lines before the first record of each file, for the line numbers of errors. */
    private final long skippedLines;
    /** How many files are read ahead, each on its own thread. */
    private final int threads;

    /**
     * Creates the load.
     *
     * @param format the format of the files
     * @param threads how many files are read ahead while the rows of the current one are written
     */
    public TableLoad(Catalog catalog, StageFiles stageFiles, TableFiles tableFiles, TableDefinition table,
                     FileSelection selection, FileFormat format, LoadOptions options, int threads) {
        this.catalog = catalog;
        this.stageFiles = stageFiles;
        this.tableFiles = tableFiles;
        this.table = table;
        this.selection = selection;
        this.format = format;
        this.options = options;
        this.skippedLines = format.skipHeader();
        this.threads = threads;
    }

    /**
     * Runs the load and returns one row per file read (FILE, ROWS_LOADED, ERRORS_SEEN, FIRST_ERROR, FIRST_ERROR_LINE).
     *
     * @param stop the statement's cancel flag and deadline, checked between files and rows; a stopped load loads
     *     nothing
     * @throws StowageException the first error of a file, with ON_ERROR = ABORT; nothing is loaded then
     */
    public List<Object[]> run(StopCondition stop) {
        Instant now = Instant.now();
        Map<String, LoadedFile> loadedBefore = catalog.loadedFiles(table.id());
        List<LoadResult> results = new ArrayList<>();
        Map<String, LoadedFile> loadedNow = new LinkedHashMap<>();
        List<String> purge = new ArrayList<>();
        TableAppender appender = new TableAppender(catalog, tableFiles, table);
        FormatReader reader = FormatReaders.of(format);
        ScanSpec spec = spec(FormatReaders.positional(format));
        try (FileIO io = stageFiles.open(selection.stage());
             Stream<FileEntry> entries = StageFiles.select(io, selection);
             FileBatch batch = appender.batch()) {
            // the files to load, in listing order, with the versions they are recorded as
            Map<FileEntry, LoadedFile> chosen = new LinkedHashMap<>();
            Iterator<FileEntry> listed = entries.iterator();
            long budget = options.maxFiles() == 0 ? Long.MAX_VALUE : options.maxFiles();
            while (listed.hasNext() && budget > 0) {
                stop.check();
                FileEntry entry = listed.next();
                LoadedFile version = new LoadedFile(entry.etag(), entry.size(), entry.lastModified(), now);
                LoadedFile before = loadedBefore.get(key(entry));
                if (!options.force() && before != null && before.sameVersion(version)
                        && before.loadedAt().isAfter(now.minus(LOAD_MEMORY))) {
                    continue;
                }
                budget--;
                chosen.put(entry, version);
            }
            // the reading threads use io: they stop before it closes
            List<FileEntry> files = List.copyOf(chosen.keySet());
            try (FileReadAhead ahead = new FileReadAhead(files,
                    entry -> reader.units(new SourceFile(io, entry, entry.path()), spec), threads, stop)) {
                for (int i = 0; i < files.size(); i++) {
                    stop.check();
                    FileEntry entry = files.get(i);
                    LoadResult result = load(entry, ahead.rows(i), batch, stop);
                    results.add(result);
                    if (result.rowsLoaded() > 0 || !result.failed()) {
                        loadedNow.put(key(entry), chosen.get(entry));
                        purge.add(entry.path());
                    }
                }
            }
            stop.check();
            appender.commit(batch);
            catalog.recordLoadedFiles(table.id(), loadedNow, now.minus(LOAD_MEMORY));
            if (options.purge()) {
                purge(io, purge);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return results.stream().filter(result -> !options.returnFailedOnly() || result.failed())
                .map(LoadResult::row).toList();
    }

    /**
     * Deletes the loaded files. The load is committed by now, so a file that cannot be deleted does not fail the
     * statement (as in Databend); it stays, recorded as loaded, and the next COPY skips it.
     */
    private static void purge(FileIO io, List<String> paths) {
        for (String path : paths) {
            try {
                io.delete(path);
            } catch (IOException | RuntimeException ignored) {
                // see above
            }
        }
    }

    /** Where the file lives, independent of the stage it is reached through. */
    private String key(FileEntry entry) {
        String url = selection.stage().url();
        return url != null ? url + entry.path() : "@" + selection.stage().name() + "/" + entry.path();
    }

    private LoadResult load(FileEntry entry, Iterator<Object[]> fileRows, FileBatch batch, StopCondition stop)
            throws IOException {
        String name = entry.path();
        boolean positional = FormatReaders.positional(format);
        ErrorTally tally = new ErrorTally(name, options.onError());
        try {
            Iterator<Object[]> rows = stop.guard(fileRows);
            FileBatch.Part part = batch.write(positional ? new ConvertedRows(rows, tally) : checked(rows, tally));
            return tally.result(part.rows());
        } catch (SkipFile skip) {
            return tally.result(0);
        } catch (StowageException e) {
            if (e.errorCode() != ErrorCode.BAD_DATA && e.errorCode() != ErrorCode.SCHEMA_MISMATCH
                    || options.onError().mode() == OnError.Mode.ABORT) {
                throw e;
            }
            // a file that cannot be read at all is one error, and loads nothing
            tally.fileFailed(e.getMessage());
            return tally.result(0);
        }
    }

    /** CSV and TSV fields are read as text and converted here, so one bad value costs one row, not the file. */
    private ScanSpec spec(boolean positional) {
        List<OutputColumn> outputs = new ArrayList<>();
        List<Column> schema = new ArrayList<>();
        for (int i = 0; i < table.columns().size(); i++) {
            Column column = table.columns().get(i);
            outputs.add(new OutputColumn.Field(i, positional ? ColumnType.VARCHAR : column.type()));
            schema.add(new Column(column.name(), column.type(), true));
        }
        outputs.add(new OutputColumn.FileRowNumber());
        return new ScanSpec(positional ? List.of() : schema, outputs, List.of());
    }

    private Iterator<Object[]> checked(Iterator<Object[]> rows, ErrorTally tally) {
        return new ConvertingIterator(rows, tally) {
            @Override
            Object[] convert(Object[] row) {
                return Arrays.copyOf(row, table.columns().size());
            }
        };
    }

    /** CSV/TSV rows: text fields converted to the columns' types. */
    private final class ConvertedRows extends ConvertingIterator {
        private final FieldConversion[] conversions;

        ConvertedRows(Iterator<Object[]> rows, ErrorTally tally) {
            super(rows, tally);
            conversions = table.columns().stream().map(column -> FieldConversion.of(column.type(), format))
                    .toArray(FieldConversion[]::new);
        }

        @Override
        Object[] convert(Object[] row) {
            long line = line(row);
            Object[] values = new Object[conversions.length];
            for (int i = 0; i < values.length; i++) {
                Object text = row[i];
                values[i] = text == null ? null
                        : conversions[i].convert((String) text, table.columns().get(i).name(), line, tally.file());
            }
            return values;
        }
    }

    /**
     * Converts rows, checks NOT NULL, and counts the rows that fail as ON_ERROR says: skipped (CONTINUE), the file
     * skipped (SKIP_FILE), or the statement failed (ABORT) once the file has had enough errors.
     */
    private abstract class ConvertingIterator implements Iterator<Object[]> {
        private final Iterator<Object[]> rows;
        final ErrorTally tally;
        private Object[] next;

        ConvertingIterator(Iterator<Object[]> rows, ErrorTally tally) {
            this.rows = rows;
            this.tally = tally;
        }

        abstract Object[] convert(Object[] row);

        long line(Object[] row) {
            return (Long) row[row.length - 1] + 1 + skippedLines;
        }

        @Override
        public boolean hasNext() {
            while (next == null && rows.hasNext()) {
                Object[] row = rows.next();
                try {
                    Object[] values = convert(row);
                    checkNotNull(values, row);
                    next = values;
                } catch (StowageException e) {
                    if (e.errorCode() != ErrorCode.BAD_VALUE_FOR_CAST && e.errorCode() != ErrorCode.NOT_NULL_VIOLATION) {
                        throw e;
                    }
                    tally.rowFailed(e, line(row));
                }
            }
            return next != null;
        }

        @Override
        public Object[] next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Object[] row = next;
            next = null;
            return row;
        }

        private void checkNotNull(Object[] values, Object[] row) {
            for (int i = 0; i < values.length; i++) {
                Column column = table.columns().get(i);
                if (values[i] == null && !column.nullable()) {
                    throw new StowageException(ErrorCode.NOT_NULL_VIOLATION,
                            "NULL cannot be loaded into column %s, which is NOT NULL, at line %d of file %s",
                            column.name(), line(row), tally.file());
                }
            }
        }
    }

    /** The errors of one file. */
    private static final class ErrorTally {
        private final String file;
        private final OnError onError;
        private long errors;
        private String firstError;
        private Long firstErrorLine;

        ErrorTally(String file, OnError onError) {
            this.file = file;
            this.onError = onError;
        }

        String file() {
            return file;
        }

        void rowFailed(StowageException error, long line) {
            errors++;
            if (firstError == null) {
                firstError = error.getMessage();
                firstErrorLine = line;
            }
            if (onError.reached(errors)) {
                if (onError.mode() == OnError.Mode.ABORT) {
                    throw error;
                }
                throw new SkipFile();
            }
        }

        void fileFailed(String message) {
            errors = Math.max(errors, 1);
            if (firstError == null) {
                firstError = message;
            }
        }

        LoadResult result(long rowsLoaded) {
            return new LoadResult(file, rowsLoaded, errors, firstError, firstErrorLine);
        }
    }

    /** Ends the reading of a file that ON_ERROR = SKIP_FILE skips; its part is then discarded. */
    private static final class SkipFile extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SkipFile() {
            super(null, null, false, false);
        }
    }
}
