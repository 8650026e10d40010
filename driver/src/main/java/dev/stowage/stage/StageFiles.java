package dev.stowage.stage;

import dev.stowage.catalog.Catalog;
import dev.stowage.catalog.StageDefinition;
import dev.stowage.connection.StorageType;
import dev.stowage.error.ErrorCode;
import dev.stowage.error.StowageException;
import dev.stowage.fileio.FileEntry;
import dev.stowage.fileio.FileIO;
import dev.stowage.fileio.FileIOs;
import dev.stowage.fileio.Location;
import dev.stowage.fileio.StorageException;
import dev.stowage.fileio.StorageSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Opens the files of stages: internal ones in the catalog's data directory, external ones at their URL. */
public final class StageFiles {
    private final Catalog catalog;
    private final StorageSettings settings;

    /** Creates access to the stages of {@code catalog}, with {@code settings} for every storage call. */
    public StageFiles(Catalog catalog, StorageSettings settings) {
        this.catalog = catalog;
        this.settings = settings;
    }

    /** Returns the directory holding the files of the internal stage {@code name}. */
    public Path internalDirectory(String name) {
        return catalog.store().dataDirectory().resolve("stages").resolve(name);
    }

    /** Opens the files of {@code stage}; the caller closes the result. */
    public FileIO open(StageDefinition stage) throws StorageException {
        if (stage.internal()) {
            // built directly rather than parsed: a home directory may contain characters a URI would reinterpret
            Location location = new Location(StorageType.FS, "", internalDirectory(stage.name()).toAbsolutePath() + "/");
            return FileIOs.open(location, Map.of(), settings);
        }
        return FileIOs.open(Location.parse(stage.url()), stage.parameters(), settings);
    }

    /**
     * Returns the files {@code reference} names that match {@code pattern}, in path order. The stream holds the
     * storage client open until it is closed.
     */
    public Stream<FileEntry> list(StageReference reference, StagePattern pattern) {
        StageDefinition stage = catalog.requireStage(reference.stage());
        FileIO io;
        try {
            io = open(stage);
        } catch (StorageException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return io.list(reference.path())
                    .filter(entry -> pattern.matches(reference.path(), entry.path()))
                    .onClose(io::close);
        } catch (IOException e) {
            io.close();
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Returns the files {@code selection} names on {@code io} (opened on its stage), in path order: those listed under
     * the path that match the pattern, or the FILES list.
     *
     * @throws StowageException {@link ErrorCode#BAD_ARGUMENTS} when a file of the FILES list does not exist
     */
    public static Stream<FileEntry> select(FileIO io, FileSelection selection) throws IOException {
        if (selection.files() == null) {
            String prefix = selection.path();
            return io.list(prefix).filter(entry -> selection.pattern().matches(prefix, entry.path()));
        }
        List<FileEntry> entries = new ArrayList<>();
        for (String path : selection.filePaths()) {
            try {
                entries.add(io.stat(path));
            } catch (StorageException e) {
                if (e.kind() != StorageException.Kind.NOT_FOUND) {
                    throw e;
                }
                throw new StowageException(ErrorCode.BAD_ARGUMENTS, "File '%s' in FILES does not exist in %s.", path,
                        selection.description());
            }
        }
        return entries.stream();
    }
}
