package dev.stowage.calcite;

import dev.stowage.error.ErrorCode;
import dev.stowage.error.StowageException;
import dev.stowage.fileio.FileEntry;
import dev.stowage.fileio.FileIO;
import dev.stowage.format.FileFormat;
import dev.stowage.scan.Column;
import dev.stowage.scan.FormatReader;
import dev.stowage.scan.ParallelScan;
import dev.stowage.scan.PartialAggregate;
import dev.stowage.scan.ScanSpec;
import dev.stowage.scan.SourceFile;
import dev.stowage.scan.StopCondition;
import dev.stowage.stage.FileSelection;
import dev.stowage.stage.StageFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.calcite.linq4j.Enumerator;

/**
 * The files behind a staged-file table and how to read them. Files are listed anew each time the table is scanned,
 * so a prepared statement sees files added since it was prepared.
 *
 * @param storage opens the storage the files are on
 * @param selection which files
 * @param format their format
 * @param reader the reader of {@code format}
 * @param parallelism how many threads decode at once
 */
record StageScanSource(Storage storage, FileSelection selection, FileFormat format, FormatReader reader,
                       int parallelism) {
    /** Opens the storage the files are on. */
    @FunctionalInterface
    interface Storage {
        /** Returns a new client; the caller closes it. */
        FileIO open() throws IOException;
    }

    /**
     * Returns the schema of the first selected file.
     *
     * @throws StowageException {@link ErrorCode#SEMANTIC} when no file is selected
     */
    List<Column> firstFileSchema(long maxRecords) {
        try (FileIO io = storage.open()) {
            FileEntry first = firstFile(io);
            PlanInputs.noteFirstFile(this, first);
            return reader.schema(new SourceFile(io, first, first.path()), maxRecords);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Returns whether the first selected file is still {@code file}: same path, size, modification time and ETag;
     * false when it cannot be told.
     */
    boolean firstFileIs(FileEntry file) {
        try (FileIO io = storage.open()) {
            return firstFile(io).equals(file);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private FileEntry firstFile(FileIO io) throws IOException {
        try (Stream<FileEntry> entries = StageFiles.select(io, selection)) {
            return entries.findFirst().orElseThrow(() -> new StowageException(ErrorCode.SEMANTIC,
                    "no files found in %s. specify a prefix/pattern/files that matches at least one file",
                    selection.description()));
        }
    }

    /**
     * Starts reading the selected files as {@code spec} asks; closing the enumerator stops and releases everything.
     *
     * @param partial folds each unit's rows into one state, or null for the rows themselves
     */
    Enumerator<Object[]> scan(ScanSpec spec, StopCondition stop, PartialAggregate partial) {
        FileIO io;
        try {
            io = storage.open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Stream<FileEntry> entries;
        try {
            entries = StageFiles.select(io, selection);
        } catch (IOException | RuntimeException e) {
            io.close();
            throw e instanceof IOException io2 ? new UncheckedIOException(io2) : (RuntimeException) e;
        }
        Iterator<SourceFile> sources = entries.map(entry -> new SourceFile(io, entry, entry.path())).iterator();
        return new ParallelScan(reader, spec, sources, parallelism, stop, () -> {
            entries.close();
            io.close();
        }, partial);
    }
}
