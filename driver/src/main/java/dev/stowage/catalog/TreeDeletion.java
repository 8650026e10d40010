package dev.stowage.catalog;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** Deletes a directory tree of the catalog's own data. */
public final class TreeDeletion {
    private TreeDeletion() {
    }

    /** Deletes {@code root} and everything below it; a missing root is fine. */
    public static void delete(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path directory, IOException failure) throws IOException {
                if (failure != null && !(failure instanceof NoSuchFileException)) {
                    throw failure;
                }
                Files.deleteIfExists(directory);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Deletes {@code root} at JVM exit, when there is nobody left to report a failure to. */
    public static void deleteQuietly(Path root) {
        try {
            delete(root);
        } catch (IOException exiting) {
            // the JVM is exiting; a leftover temporary directory is all that remains
        }
    }
}
