package dev.stowage.catalog.file;

import dev.stowage.catalog.CatalogState;
import dev.stowage.catalog.CatalogStore;
import dev.stowage.error.ErrorCode;
import dev.stowage.error.StowageException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;

/**
 * A persistent catalog store: one JSON file ({@value #CATALOG_FILE}) in a home directory.
 *
 * <ul>
 *   <li>Updates hold an exclusive lock on {@value #LOCK_FILE} (across processes) and a lock in this JVM, re-read the
 *       file, apply the change, and commit by writing a new file, syncing it, and atomically renaming it over the
 *       old one. A crash leaves either the old or the new file, never a torn one.</li>
 *   <li>Reads need no lock: the rename makes every file a reader sees complete. The decoded state is cached until
 *       the file changes.</li>
 *   <li>The home directory is created with mode 0700 and every file with mode 0600. Secret values are encrypted
 *       with the {@link MasterKey}.</li>
 * </ul>
 */
public final class FileCatalogStore implements CatalogStore {
    static final String CATALOG_FILE = "catalog.json";
    static final String LOCK_FILE = "catalog.lock";
    private static final String TEMP_SUFFIX = ".tmp";

    /** One store per home in a JVM: file locks are held per process, so threads must share one in-JVM lock. */
    private static final Map<Path, FileCatalogStore> OPEN = new ConcurrentHashMap<>();

    private final Path home;
    private final Path catalogFile;
    private final Path lockFile;
    private final CatalogFileCodec codec;
    private final ReentrantLock localLock = new ReentrantLock();
    private volatile Cached cached;

    private record Cached(Object fileKey, long modified, long size, CatalogState state) {
        boolean matches(BasicFileAttributes attributes) {
            return Objects.equals(fileKey, attributes.fileKey())
                    && modified == attributes.lastModifiedTime().toMillis()
                    && size == attributes.size();
        }
    }

    private FileCatalogStore(Path home, MasterKey masterKey) {
        this.home = home;
        this.catalogFile = home.resolve(CATALOG_FILE);
        this.lockFile = home.resolve(LOCK_FILE);
        this.codec = new CatalogFileCodec(new SecretCipher(masterKey));
    }

    /**
     * Returns the store for {@code home}, creating the directory, the lock file and the master key file as needed.
     * The master key comes from {@code STOWAGE_MASTER_KEY} when that is set.
     *
     * @throws StowageException if the home cannot be created or its master key cannot be read
     */
    public static FileCatalogStore open(Path home) {
        return open(home, System.getenv(MasterKey.ENVIRONMENT_VARIABLE));
    }

    /** Returns the store for {@code home}, with the master key taken from {@code masterKey} when it is non-null. */
    public static FileCatalogStore open(Path home, String masterKey) {
        Path normalized = home.toAbsolutePath().normalize();
        return OPEN.computeIfAbsent(normalized, path -> openUnshared(path, masterKey));
    }

    /**
     * Returns a new store for {@code home} that shares no in-JVM state with {@link #open}: the view another process
     * has of the same files.
     */
    static FileCatalogStore openUnshared(Path home, String masterKeyValue) {
        try {
            OwnerOnlyFiles.createDirectory(home);
            Path lock = home.resolve(LOCK_FILE);
            try (FileChannel channel = openLockChannel(lock); FileLock ignored = channel.lock()) {
                return new FileCatalogStore(home, MasterKey.resolve(home, masterKeyValue));
            }
        } catch (IOException e) {
            throw new StowageException(ErrorCode.CATALOG_IO, e,
                    "Cannot open the catalog in %s: %s", home, e.getMessage());
        }
    }

    private static FileChannel openLockChannel(Path lock) throws IOException {
        return FileChannel.open(lock, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                OwnerOnlyFiles.fileAttributes(lock));
    }

    /** Returns the home directory. */
    public Path home() {
        return home;
    }

    @Override
    public CatalogState read() {
        try {
            return load();
        } catch (IOException e) {
            throw new StowageException(ErrorCode.CATALOG_IO, e, "Cannot read the catalog file %s: %s", catalogFile, e.getMessage());
        }
    }

    @Override
    public CatalogState update(UnaryOperator<CatalogState> change) {
        localLock.lock();
        try (FileChannel channel = openLockChannel(lockFile); FileLock ignored = channel.lock()) {
            CatalogState current = load();
            CatalogState next = change.apply(current);
            if (next != current) {
                write(next);
            }
            return next;
        } catch (IOException e) {
            throw new StowageException(ErrorCode.CATALOG_IO, e, "Cannot update the catalog in %s: %s", home, e.getMessage());
        } finally {
            localLock.unlock();
        }
    }

    @Override
    public String describe() {
        return "catalog in " + home;
    }

    @Override
    public Path dataDirectory() {
        Path data = home.resolve("data");
        try {
            OwnerOnlyFiles.createDirectory(data);
        } catch (IOException e) {
            throw new StowageException(ErrorCode.CATALOG_IO, e, "Cannot create %s: %s", data, e.getMessage());
        }
        return data;
    }

    private CatalogState load() throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(catalogFile, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return CatalogState.EMPTY;
        }
        Cached current = cached;
        if (current != null && current.matches(attributes)) {
            return current.state();
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(catalogFile);
        } catch (NoSuchFileException e) {
            return CatalogState.EMPTY;
        }
        CatalogState state = codec.decode(bytes, catalogFile.toString());
        // attributes read before the bytes: if the file changed in between, the next read decodes it again
        cached = new Cached(attributes.fileKey(), attributes.lastModifiedTime().toMillis(), attributes.size(), state);
        return state;
    }

    private void write(CatalogState state) throws IOException {
        removeAbandonedTempFiles();
        byte[] bytes = codec.encode(state);
        Path temp = home.resolve(CATALOG_FILE + "." + UUID.randomUUID() + TEMP_SUFFIX);
        try (FileChannel channel = FileChannel.open(temp,
                Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), OwnerOnlyFiles.fileAttributes(temp))) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        Files.move(temp, catalogFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncDirectory();
    }

    /** Temp files present while the lock is held were left by a writer that crashed before its rename. */
    private void removeAbandonedTempFiles() throws IOException {
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(home, CATALOG_FILE + ".*" + TEMP_SUFFIX)) {
            for (Path temp : temps) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** Makes the rename itself durable; not every platform can open a directory, and there it is skipped. */
    private void syncDirectory() {
        try (FileChannel directory = FileChannel.open(home, StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException unsupported) {
            // Windows cannot open directories; its rename is already durable once the file is flushed
        }
    }
}
