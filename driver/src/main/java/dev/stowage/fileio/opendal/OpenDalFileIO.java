package dev.stowage.fileio.opendal;

import dev.stowage.connection.StorageType;
import dev.stowage.fileio.ChunkedInputStream;
import dev.stowage.fileio.FileEntry;
import dev.stowage.fileio.FileIO;
import dev.stowage.fileio.Location;
import dev.stowage.fileio.StorageException;
import dev.stowage.fileio.StorageException.Kind;
import dev.stowage.fileio.StorageSettings;
import dev.stowage.fileio.SupportsPresign;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.opendal.AsyncOperator;
import org.apache.opendal.Operator;
import org.apache.opendal.Capability;
import org.apache.opendal.Entry;
import org.apache.opendal.ListOptions;
import org.apache.opendal.Metadata;
import org.apache.opendal.OpenDALException;
import org.apache.opendal.layer.RetryLayer;

/**
 * A {@link FileIO} over an Apache OpenDAL operator, the storage layer Databend uses.
 *
 * <p>Every call waits at most {@link StorageSettings#timeout()}, since OpenDAL's blocking calls have no deadline.
 * Calls run OpenDAL's blocking API on threads of {@link #STORAGE_THREADS} rather than its asynchronous API: the Java
 * binding (0.48) completes asynchronous calls on native threads that never release the JNI references they create,
 * so every byte read and every entry listed that way would stay on the heap for good. Presigning, which only the
 * asynchronous API offers, is the exception. Transient failures are retried by OpenDAL's retry layer; permanent ones are not. A read-write lock keeps
 * {@link #close()} from releasing the native operator while a call, or a read still running after its deadline,
 * uses it, because using a released operator crashes the JVM.
 */
public final class OpenDalFileIO implements FileIO, SupportsPresign {
    private static final Pattern SAFE_GCS_NAME = Pattern.compile("[A-Za-z0-9/._~-]*");

    private final Location location;
    private final StorageSettings settings;
    /** Runs the blocking calls, so that a call past its deadline holds one of these threads, not the caller. */
    private static final ExecutorService STORAGE_THREADS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "stowage-storage");
        thread.setDaemon(true);
        return thread;
    });

    private final AsyncOperator operator;
    private final Operator blocking;
    private final Capability capability;
    private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private volatile boolean closed;

    private OpenDalFileIO(Location location, StorageSettings settings, AsyncOperator operator) {
        this.location = location;
        this.settings = settings;
        this.operator = operator;
        this.blocking = operator.blocking();
        this.capability = operator.info.fullCapability;
    }

    /**
     * Creates the client for {@code location} with a connection's Databend {@code parameters}.
     *
     * @throws StorageException {@link Kind#INVALID_CONFIGURATION} if the parameters cannot work
     */
    public static OpenDalFileIO open(Location location, Map<String, String> parameters, StorageSettings settings)
            throws StorageException {
        OpenDalConfig config = OpenDalConfig.of(location, parameters);
        AsyncOperator base;
        try {
            base = AsyncOperator.of(config.scheme(), config.options());
        } catch (OpenDALException e) {
            throw OpenDalErrors.translate(e, "configure", location.toString());
        }
        if (settings.retries() == 0) {
            return new OpenDalFileIO(location, settings, base);
        }
        try {
            AsyncOperator retrying = base.layer(RetryLayer.builder()
                    .maxTimes(settings.retries())
                    .minDelay(Duration.ofMillis(100))
                    .maxDelay(Duration.ofSeconds(2))
                    .factor(2)
                    .jitter(true)
                    .build());
            return new OpenDalFileIO(location, settings, retrying);
        } finally {
            base.close();
        }
    }

    @Override
    public Location location() {
        return location;
    }

    @Override
    public Stream<FileEntry> list(String prefix) throws IOException {
        location.key(prefix);
        String directory = prefix.substring(0, prefix.lastIndexOf('/') + 1);
        ListOptions options = ListOptions.builder().recursive(true).build();
        List<Entry> entries = call("list", prefix,
                () -> blocking(path -> blocking.list(directory.isEmpty() ? "/" : directory, options), prefix));
        // in-memory listings report no sizes: those take a stat per file
        boolean sizesListed = location.type() != StorageType.MEMORY;
        return entries.stream()
                .filter(entry -> entry.metadata.isFile())
                .map(entry -> entry(relative(entry.path), entry.metadata))
                .filter(file -> file.path().startsWith(prefix))
                .sorted(Comparator.comparing(FileEntry::path))
                .map(file -> sizesListed ? file : statUnchecked(file.path()));
    }

    @Override
    public FileEntry stat(String path) throws IOException {
        location.key(path);
        Metadata metadata = call("stat", path, () -> blocking(blocking::stat, path));
        if (!metadata.isFile()) {
            throw new StorageException(Kind.NOT_FOUND, "Storage object " + location.describe(path)
                    + " is a directory, not a file.");
        }
        return entry(path, metadata);
    }

    @Override
    public byte[] read(String path, long offset, int length) throws IOException {
        location.key(path);
        if (length == 0) {
            return new byte[0];
        }
        if (location.type() == StorageType.MEMORY) {
            // the in-memory service never answers a range that runs past the end of the file
            long size = stat(path).size();
            long available = Math.max(0, Math.min(length, size - offset));
            return available == 0 ? new byte[0] : call("read", path, () -> blocking(target -> blocking.read(target, offset, available), path));
        }
        try {
            return call("read", path, () -> blocking(target -> blocking.read(target, offset, length), path));
        } catch (StorageException e) {
            if (e.kind() != Kind.OTHER) {
                throw e;
            }
            // some services refuse a range that runs past the end of the file: read what is there
            long size = stat(path).size();
            if (offset >= size) {
                return new byte[0];
            }
            if (offset + length <= size) {
                throw e;
            }
            long available = size - offset;
            return call("read", path, () -> blocking(target -> blocking.read(target, offset, available), path));
        }
    }

    @Override
    public InputStream open(String path) throws IOException {
        long size = stat(path).size();
        return new ChunkedInputStream(this, path, size);
    }

    @Override
    public void write(String path, byte[] bytes) throws IOException {
        location.key(path);
        if (location.type() == StorageType.GCS && !SAFE_GCS_NAME.matcher(path).matches()) {
            // the GCS upload of OpenDAL's bundled core encodes the name twice: the object would land under a wrong name
            throw new StorageException(Kind.UNSUPPORTED, "Cannot write " + location.describe(path) + ": GCS object"
                    + " names with characters other than letters, digits and / . _ ~ - cannot be written yet; they can be read.");
        }
        call("write", path, () -> blocking(target -> {
            blocking.write(target, bytes);
            return null;
        }, path));
    }

    @Override
    public void delete(String path) throws IOException {
        location.key(path);
        call("delete", path, () -> blocking(target -> {
            blocking.delete(target);
            return null;
        }, path));
    }

    @Override
    public URI presignRead(String path, Duration expiry) throws IOException {
        location.key(path);
        return URI.create(call("presign", path, () -> operator.presignRead(path, expiry)).getUri());
    }

    @Override
    public URI presignWrite(String path, Duration expiry) throws IOException {
        location.key(path);
        return URI.create(call("presign", path, () -> operator.presignWrite(path, expiry)).getUri());
    }

    /** Returns whether the storage can presign URLs. */
    public boolean canPresign() {
        return capability.presignRead;
    }

    @Override
    public void close() {
        boolean locked = false;
        try {
            // a read past its deadline may still be inside the native operator: wait for it a while, not for ever
            locked = lifecycle.writeLock().tryLock(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!locked) {
            // the operator is left to that read rather than released under it
            closed = true;
            return;
        }
        try {
            if (!closed) {
                closed = true;
                blocking.close();
                operator.close();
            }
        } finally {
            lifecycle.writeLock().unlock();
        }
    }

    @Override
    public String toString() {
        return "OpenDalFileIO[" + location + "]";
    }

    /**
     * Starts {@code work} on {@code path} with the blocking operator on a storage thread, which holds the lifecycle
     * lock while it uses the operator.
     */
    private <T> CompletableFuture<T> blocking(Function<String, T> work, String path) {
        return CompletableFuture.supplyAsync(() -> {
            lifecycle.readLock().lock();
            try {
                if (closed) {
                    throw new CompletionException(new StorageException(Kind.OTHER,
                            "Cannot use " + location.describe(path) + ": the storage client is closed."));
                }
                return work.apply(path);
            } finally {
                lifecycle.readLock().unlock();
            }
        }, STORAGE_THREADS);
    }

    /** Runs one storage call under the lifecycle lock and waits for it at most the configured timeout. */
    private <T> T call(String operation, String path, Supplier<CompletableFuture<T>> request) throws IOException {
        String where = location.describe(path);
        lifecycle.readLock().lock();
        try {
            if (closed) {
                throw new StorageException(Kind.OTHER, "Cannot " + operation + " " + where + ": the storage client is closed.");
            }
            CompletableFuture<T> future;
            try {
                future = request.get();
            } catch (OpenDALException e) {
                throw OpenDalErrors.translate(e, operation, where);
            }
            try {
                return future.get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                future.cancel(true);
                throw new StorageException(Kind.TIMEOUT, "The storage of " + where + " did not answer " + operation
                        + " within " + settings.timeout().toMillis() + " ms.");
            } catch (InterruptedException e) {
                future.cancel(true);
                Thread.currentThread().interrupt();
                InterruptedIOException interrupted = new InterruptedIOException(operation + " " + where + " was interrupted.");
                interrupted.initCause(e);
                throw interrupted;
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof StorageException storage) {
                    throw storage;
                }
                if (cause instanceof OpenDALException openDal) {
                    throw OpenDalErrors.translate(openDal, operation, where);
                }
                throw new StorageException(Kind.OTHER, "Cannot " + operation + " " + where + ": "
                        + (cause == null ? e : cause).getClass().getSimpleName());
            }
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    private String relative(String entryPath) {
        return entryPath.startsWith("/") ? entryPath.substring(1) : entryPath;
    }

    private FileEntry entry(String path, Metadata metadata) {
        return new FileEntry(path, metadata.contentLength, metadata.lastModified, metadata.etag);
    }

    private FileEntry statUnchecked(String path) {
        try {
            return stat(path);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
