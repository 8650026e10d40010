package dev.stowage.fileio.local;

import dev.stowage.fileio.ChunkedInputStream;
import dev.stowage.fileio.FileEntry;
import dev.stowage.fileio.FileIO;
import dev.stowage.fileio.Location;
import dev.stowage.fileio.StorageException;
import dev.stowage.fileio.StorageException.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A {@link FileIO} over a local directory ({@code fs:///path/}) with java.nio. Listings walk the tree lazily, one
 * directory at a time in path order, so memory grows with the widest directory rather than the whole tree. Writes go
 * to a temporary file renamed into place, so readers never see a partial file.
 */
public final class LocalFileIO implements FileIO {
    private final Location location;
    private final Path root;
    private volatile boolean closed;

    /** Creates access to {@code location}, which must be an {@code fs} location. */
    public LocalFileIO(Location location) {
        this.location = location;
        this.root = Path.of(location.root());
    }

    @Override
    public Location location() {
        return location;
    }

    @Override
    public Stream<FileEntry> list(String prefix) throws StorageException {
        resolve(prefix);
        String directory = prefix.substring(0, prefix.lastIndexOf('/') + 1);
        Path start = root.resolve(directory);
        if (!Files.isDirectory(start)) {
            return Stream.empty();
        }
        Iterator<FileEntry> files = new TreeIterator(start, directory);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(files, Spliterator.ORDERED), false)
                .filter(entry -> entry.path().startsWith(prefix));
    }

    @Override
    public FileEntry stat(String path) throws IOException {
        Path file = resolve(path);
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (!attributes.isRegularFile()) {
                throw new StorageException(Kind.NOT_FOUND, "Storage object " + location.describe(path)
                        + " is a directory, not a file.");
            }
            return new FileEntry(path, attributes.size(), attributes.lastModifiedTime().toInstant(), null);
        } catch (IOException e) {
            throw translate(e, "stat", path);
        }
    }

    @Override
    public byte[] read(String path, long offset, int length) throws IOException {
        Path file = resolve(path);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long available = Math.max(0, Math.min(length, channel.size() - offset));
            ByteBuffer buffer = ByteBuffer.allocate((int) available);
            while (buffer.hasRemaining() && channel.read(buffer, offset + buffer.position()) >= 0) {
                // reads until the range is full or the file ends
            }
            return buffer.position() == buffer.capacity() ? buffer.array()
                    : java.util.Arrays.copyOf(buffer.array(), buffer.position());
        } catch (IOException e) {
            throw translate(e, "read", path);
        }
    }

    @Override
    public int read(String path, long offset, byte[] into, int at, int length) throws IOException {
        Path file = resolve(path);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.wrap(into, at, length);
            while (buffer.hasRemaining() && channel.read(buffer, offset + buffer.position() - at) >= 0) {
                // reads until the range is full or the file ends
            }
            return buffer.position() - at;
        } catch (IOException e) {
            throw translate(e, "read", path);
        }
    }

    @Override
    public InputStream open(String path) throws IOException {
        return new ChunkedInputStream(this, path, stat(path).size());
    }

    @Override
    public void write(String path, byte[] bytes) throws IOException {
        Path file = resolve(path);
        Path temp = null;
        try {
            Files.createDirectories(file.getParent());
            temp = file.resolveSibling("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
            Files.write(temp, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            if (temp != null) {
                Files.deleteIfExists(temp);
            }
            throw translate(e, "write", path);
        }
    }

    @Override
    public void delete(String path) throws IOException {
        Path file = resolve(path);
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw translate(e, "delete", path);
        }
    }

    @Override
    public void close() {
        closed = true;
    }

    private Path resolve(String path) throws StorageException {
        location.key(path);
        if (closed) {
            throw new StorageException(Kind.OTHER, "Cannot use " + location.describe(path) + ": the storage client is closed.");
        }
        return root.resolve(path);
    }

    private StorageException translate(IOException e, String operation, String path) {
        if (e instanceof StorageException storage) {
            return storage;
        }
        String where = location.describe(path);
        if (e instanceof NoSuchFileException) {
            return new StorageException(Kind.NOT_FOUND, "Storage object " + where + " not found.");
        }
        if (e instanceof AccessDeniedException) {
            return new StorageException(Kind.PERMISSION_DENIED, "Permission denied to " + operation + " " + where + ".");
        }
        return new StorageException(Kind.OTHER, "Cannot " + operation + " " + where + ": " + e.getClass().getSimpleName()
                + ".");
    }

    /** Walks a directory tree depth-first in path order, reading one directory at a time. */
    private final class TreeIterator implements Iterator<FileEntry> {
        /** Entries still to visit, each a path relative to the root; a trailing slash marks a directory. */
        private final Deque<String> pending = new ArrayDeque<>();
        private FileEntry next;

        TreeIterator(Path start, String relativeStart) {
            pushChildren(start, relativeStart);
        }

        @Override
        public boolean hasNext() {
            while (next == null && !pending.isEmpty()) {
                String relative = pending.pop();
                if (relative.endsWith("/")) {
                    pushChildren(root.resolve(relative), relative);
                } else {
                    try {
                        next = stat(relative);
                    } catch (StorageException vanished) {
                        // deleted while listing: not part of the listing
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
            return next != null;
        }

        @Override
        public FileEntry next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            FileEntry current = next;
            next = null;
            return current;
        }

        private void pushChildren(Path directory, String relativeDirectory) {
            List<String> children = new ArrayList<>();
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory)) {
                for (Path child : stream) {
                    String name = child.getFileName().toString();
                    if (name.startsWith(".") && name.endsWith(".tmp")) {
                        continue;
                    }
                    children.add(relativeDirectory + name + (Files.isDirectory(child) ? "/" : ""));
                }
            } catch (NoSuchFileException vanished) {
                return;
            } catch (IOException e) {
                throw new UncheckedIOException(translate(e, "list", relativeDirectory));
            }
            children.sort(Comparator.reverseOrder());
            children.forEach(pending::push);
        }
    }
}
