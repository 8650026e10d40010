package dev.stowage.format.text;

import dev.stowage.scan.BatchSink;
import dev.stowage.scan.RowSink;
import dev.stowage.scan.ScanUnit;
import dev.stowage.scan.ScanUnits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Supplier;

/**
 * The scan units of a text file. An uncompressed file is read sequentially by {@link #next()} and cut into blocks of
 * whole records, one unit each, so units are decoded in parallel while memory holds only the blocks under way. A
 * compressed file cannot be cut before it is decompressed: it is one unit that decompresses and decodes block after
 * block.
 */
final class TextScanUnits implements ScanUnits {
    private final TextFile file;
    private final Supplier<BlockDecoder> decoders;
    private RecordBlocks blocks;
    private boolean done;

    /**
     * Creates the units of {@code file}.
     *
     * @param decoders a new decoder for each unit
     */
    TextScanUnits(TextFile file, Supplier<BlockDecoder> decoders) {
        this.file = file;
        this.decoders = decoders;
        this.done = file.isEmpty();
    }

    @Override
    public ScanUnit next() throws IOException {
        if (done) {
            return null;
        }
        if (file.compression() != Compression.NONE) {
            done = true;
            return new CompressedFileUnit(file, decoders);
        }
        if (blocks == null) {
            blocks = file.openBlocks();
        }
        TextBlock block = blocks.next();
        if (block == null) {
            done = true;
            close();
            return null;
        }
        return new BlockUnit(block, decoders);
    }

    @Override
    public void close() {
        if (blocks != null) {
            try {
                blocks.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                blocks = null;
            }
        }
    }

    /** Decodes one block; returns false when no more rows are wanted. */
    @FunctionalInterface
    private interface BlockStep {
        boolean decode(TextBlock block) throws IOException;
    }

    /** Reads one block of an uncompressed file. */
    private record BlockUnit(TextBlock block, Supplier<BlockDecoder> decoders) implements ScanUnit {
        @Override
        public void read(RowSink sink) throws IOException {
            decoders.get().decode(block, sink);
        }

        @Override
        public void readBatches(BatchSink sink) throws IOException {
            decoders.get().decodeBatches(block, sink);
        }

        /** The block, and its text as characters where a parser decodes it whole. */
        @Override
        public long memoryEstimate() {
            return 3L * block.bytes().length;
        }
    }

    /** Decompresses a whole file and decodes it block after block. */
    private record CompressedFileUnit(TextFile file, Supplier<BlockDecoder> decoders) implements ScanUnit {
        @Override
        public void read(RowSink sink) throws IOException {
            BlockDecoder decoder = decoders.get();
            readBlocks(block -> decoder.decode(block, sink));
        }

        @Override
        public void readBatches(BatchSink sink) throws IOException {
            BlockDecoder decoder = decoders.get();
            readBlocks(block -> decoder.decodeBatches(block, sink));
        }

        private void readBlocks(BlockStep step) throws IOException {
            try (RecordBlocks all = file.openBlocks()) {
                TextBlock block;
                while ((block = all.next()) != null) {
                    TextFailures.checkInterrupted();
                    if (!step.decode(block)) {
                        return;
                    }
                }
            }
        }

        /** The block being decoded and the next one being cut, as bytes and characters. */
        @Override
        public long memoryEstimate() {
            return 6L * file.blockSize();
        }
    }
}
