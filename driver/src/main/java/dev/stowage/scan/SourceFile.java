package dev.stowage.scan;

import dev.stowage.fileio.FileEntry;
import dev.stowage.fileio.FileIO;

/**
 * A file to read.
 *
 * @param io the storage holding it, open for the duration of the scan
 * @param entry the file, its path relative to {@code io}'s root
 * @param name the name queries and error messages show: the path relative to the stage root
 */
public record SourceFile(FileIO io, FileEntry entry, String name) {
}
