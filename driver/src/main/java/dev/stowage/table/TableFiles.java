package dev.stowage.table;

import dev.stowage.catalog.Catalog;
import dev.stowage.catalog.TableDefinition;
import dev.stowage.connection.StorageType;
import dev.stowage.fileio.FileEntry;
import dev.stowage.fileio.FileIO;
import dev.stowage.fileio.FileIOs;
import dev.stowage.fileio.Location;
import dev.stowage.fileio.StorageException;
import dev.stowage.fileio.StorageSettings;
import dev.stowage.stage.FileSelection;
import dev.stowage.stage.StageFiles;
import dev.stowage.stage.StagePattern;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The files of tables: an internal table's live in the catalog's data directory under the table's id, an external
 * table's under its URL. A table's rows are those of its data files: every file below its root whose path has no
 * segment starting with {@code .} or {@code _} (files being written and permission probes are named so).
 */
public final class TableFiles {
    /** Matches the paths of data files: no segment starts with '.' or '_'. */
    private static final StagePattern DATA_FILES = StagePattern.compile("(?:[^._/][^/]*/)*[^._/][^/]*");

    private final Catalog catalog;
    private final StorageSettings settings;

    /** Creates access to the tables of {@code catalog}, with {@code settings} for every storage call. */
    public TableFiles(Catalog catalog, StorageSettings settings) {
        this.catalog = catalog;
        this.settings = settings;
    }

    /** Returns the directory holding the files of the internal table with id {@code id}. */
    public Path internalDirectory(String id) {
        return catalog.store().dataDirectory().resolve("tables").resolve(id);
    }

    /** Opens the files of {@code table}; the caller closes the result. */
    public FileIO open(TableDefinition table) throws StorageException {
        return open(location(table), table.parameters());
    }

    /** Opens {@code location} with {@code parameters}; the caller closes the result. */
    public FileIO open(Location location, Map<String, String> parameters) throws StorageException {
        return FileIOs.open(location, parameters, settings);
    }

    /** Returns where the files of {@code table} live. */
    public Location location(TableDefinition table) {
        if (table.external()) {
            return Location.parse(table.url());
        }
        // built directly rather than parsed: a home directory may contain characters a URI would reinterpret
        return new Location(StorageType.FS, "", internalDirectory(table.id()).toAbsolutePath() + "/");
    }

    /** Returns the selection of {@code table}'s data files. */
    public static FileSelection selection(TableDefinition table) {
        return new FileSelection(null, "", DATA_FILES, null, "table '" + table.name() + "'");
    }

    /** Returns the data files of {@code table} on {@code io}, opened on its location, in path order. */
    public static List<FileEntry> dataFiles(TableDefinition table, FileIO io) throws IOException {
        try (Stream<FileEntry> entries = StageFiles.select(io, selection(table))) {
            return entries.toList();
        }
    }
}
