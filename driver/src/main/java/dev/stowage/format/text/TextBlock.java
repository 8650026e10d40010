package dev.stowage.format.text;

/**
 * A block of whole records of one (decompressed) file.
 *
 * @param bytes the data; only the first {@code length} bytes belong to the block, and nothing else writes them
 * @param length how many bytes of {@code bytes} the block holds
 * @param firstRecord the 0-based number, within the file, of the block's first record (skipped header included)
 * @param firstLine the 1-based line of the file the block starts on
 */
record TextBlock(byte[] bytes, int length, long firstRecord, long firstLine) {
}
