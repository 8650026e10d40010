package dev.stowage.write;

import com.github.luben.zstd.Zstd;
import io.airlift.compress.lz4.Lz4Compressor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

/**
 * Compresses Parquet pages from one heap array into another, where parquet-java's own codecs need Hadoop's codec
 * classes for GZIP (not on the class path) and stream through direct buffers for the rest. Supports UNCOMPRESSED,
 * SNAPPY, ZSTD, GZIP and LZ4_RAW; never decompresses.
 */
final class PageCompressors implements CompressionCodecFactory {
    private static final int ZSTD_LEVEL = 3;

    /** Compresses one page body. */
    @FunctionalInterface
    private interface PageCodec {
        byte[] compress(byte[] page) throws IOException;
    }

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codecName) {
        PageCodec codec = codec(codecName);
        if (codec == null && codecName != CompressionCodecName.UNCOMPRESSED) {
            throw new IllegalArgumentException("pages cannot be compressed with " + codecName);
        }
        return new BytesInputCompressor() {
            @Override
            public BytesInput compress(BytesInput bytes) throws IOException {
                return codec == null ? bytes : BytesInput.from(codec.compress(bytes.toByteArray()));
            }

            @Override
            public CompressionCodecName getCodecName() {
                return codecName;
            }

            @Override
            public void release() {
            }
        };
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codecName) {
        throw new UnsupportedOperationException("pages are only compressed here");
    }

    @Override
    public void release() {
    }

    private static PageCodec codec(CompressionCodecName name) {
        return switch (name) {
            case SNAPPY -> Snappy::compress;
            case ZSTD -> page -> Zstd.compress(page, ZSTD_LEVEL);
            case GZIP -> PageCompressors::gzip;
            case LZ4_RAW -> PageCompressors::lz4;
            default -> null;
        };
    }

    private static byte[] gzip(byte[] page) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(page.length / 2 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(page);
        }
        return out.toByteArray();
    }

    private static byte[] lz4(byte[] page) {
        Lz4Compressor lz4 = new Lz4Compressor();
        byte[] out = new byte[lz4.maxCompressedLength(page.length)];
        int length = lz4.compress(page, 0, page.length, out, 0, out.length);
        return Arrays.copyOf(out, length);
    }
}
