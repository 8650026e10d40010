package dev.stowage.format;

import dev.stowage.fileio.FileIO;
import dev.stowage.fileio.FileIOs;
import dev.stowage.fileio.Location;
import dev.stowage.fileio.StorageSettings;
import dev.stowage.scan.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A local directory and the storage over it, for tests to stage files in. Registered with {@code @RegisterExtension},
 * it is a new empty directory before each test, and is closed and deleted after it.
 */
public class TempStage implements BeforeEachCallback, AfterEachCallback {
    private Path directory;
    private FileIO io;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        directory = Files.createTempDirectory("stowage-stage-");
        io = FileIOs.open(Location.parse("fs://" + directory + "/"), Map.of(), StorageSettings.DEFAULT);
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        if (io != null) {
            io.close();
        }
        if (directory == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** Returns the local path of {@code name}. */
    public final Path path(String name) {
        return directory.resolve(name);
    }

    /** Returns the storage over the directory. */
    public final FileIO io() {
        return io;
    }

    /** Returns the file {@code name} as a scan sees it. */
    public final SourceFile file(String name) throws IOException {
        return new SourceFile(io, io.stat(name), name);
    }

    /** Writes {@code bytes} to {@code name}, creating its parent directories, and returns the file. */
    public final SourceFile write(String name, byte[] bytes) throws IOException {
        Path file = path(name);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        return file(name);
    }

    /** Returns the bytes of {@code name}. */
    public final byte[] bytes(String name) throws IOException {
        return Files.readAllBytes(path(name));
    }
}
