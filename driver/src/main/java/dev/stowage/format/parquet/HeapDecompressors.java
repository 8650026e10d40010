package dev.stowage.format.parquet;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Decompresses pages from one heap array into another with a single call of a {@link PageCodec}, where
 * parquet-java's own codecs stream them through direct buffers (and, for GZIP and LZ4, need Hadoop's codec classes,
 * which are not on the class path). The output arrays come from the thread's {@link PageBuffers}. Uncompressed pages
 * are left to parquet-java's factory. A codec without an implementation (LZO, BROTLI) and a corrupt page fail with an
 * {@link IOException}.
 */
final class HeapDecompressors implements CompressionCodecFactory {
    private final CompressionCodecFactory fallback;

    /** Creates the factory, handing uncompressed pages to {@code fallback}. */
    HeapDecompressors(CompressionCodecFactory fallback) {
        this.fallback = fallback;
    }

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codecName) {
        return fallback.getCompressor(codecName);
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codecName) {
        if (codecName == CompressionCodecName.UNCOMPRESSED) {
            return fallback.getDecompressor(codecName);
        }
        return new HeapDecompressor(codecName, PageCodec.of(codecName));
    }

    @Override
    public void release() {
        fallback.release();
    }

    /** Decompresses the pages of one codec. */
    private final class HeapDecompressor implements BytesInputDecompressor {
        private final CompressionCodecName name;
        private final PageCodec codec;

        HeapDecompressor(CompressionCodecName name, PageCodec codec) {
            this.name = name;
            this.codec = codec;
        }

        @Override
        public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
            requireSupported();
            ByteBuffer input = bytes.toByteBuffer();
            byte[] array;
            int offset;
            if (input.hasArray()) {
                array = input.array();
                offset = input.arrayOffset() + input.position();
            } else {
                array = new byte[input.remaining()];
                input.duplicate().get(array);
                offset = 0;
            }
            if (uncompressedSize < 0) {
                throw new IOException("a page claims " + uncompressedSize + " uncompressed bytes");
            }
            byte[] output = PageBuffers.shared().take(uncompressedSize);
            int written = codec.decompress(array, offset, input.remaining(), output, uncompressedSize);
            if (written != uncompressedSize) {
                throw new IOException("a " + name + " page decompresses to " + written + " bytes, not "
                        + uncompressedSize);
            }
            return BytesInput.from(output, 0, uncompressedSize);
        }

        @Override
        public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize)
                throws IOException {
            ByteBuffer compressed = input.duplicate();
            compressed.limit(compressed.position() + compressedSize);
            output.put(decompress(BytesInput.from(compressed), uncompressedSize).toByteBuffer());
        }

        @Override
        public void release() {
        }

        private void requireSupported() throws IOException {
            if (codec == null) {
                throw new IOException("pages compressed with " + name + " cannot be read");
            }
        }
    }
}
