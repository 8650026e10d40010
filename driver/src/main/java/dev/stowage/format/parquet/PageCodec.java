package dev.stowage.format.parquet;

import com.github.luben.zstd.Zstd;
import io.airlift.compress.lz4.Lz4Decompressor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.zip.GZIPInputStream;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

/** Decompresses one page body from a heap array into another with a Parquet compression codec. */
@FunctionalInterface
interface PageCodec {
    /**
     * Decompresses {@code input[offset..offset+length)} into {@code output[0..outputLength)}, where
     * {@code outputLength} is the page's uncompressed size.
     *
     * @return the number of bytes written
     * @throws IOException when the input is not valid for the codec
     */
    int decompress(byte[] input, int offset, int length, byte[] output, int outputLength) throws IOException;

    /** Returns the codec for {@code name}, or null when it has no heap-to-heap implementation here. */
    static PageCodec of(CompressionCodecName name) {
        return switch (name) {
            case SNAPPY -> PageCodec::snappy;
            case ZSTD -> PageCodec::zstd;
            case GZIP -> PageCodec::gzip;
            case LZ4_RAW -> (input, offset, length, output, outputLength) ->
                    new Lz4Decompressor().decompress(input, offset, length, output, 0, outputLength);
            case LZ4 -> PageCodec::lz4;
            default -> null;
        };
    }

    private static int snappy(byte[] input, int offset, int length, byte[] output, int outputLength)
            throws IOException {
        int declared = Snappy.uncompressedLength(input, offset, length);
        if (declared != outputLength) {
            throw new IOException("a SNAPPY page holds " + declared + " bytes, not " + outputLength);
        }
        return Snappy.uncompress(input, offset, length, output, 0);
    }

    private static int zstd(byte[] input, int offset, int length, byte[] output, int outputLength)
            throws IOException {
        long size = Zstd.decompressByteArray(output, 0, outputLength, input, offset, length);
        if (Zstd.isError(size)) {
            throw new IOException("a ZSTD page cannot be decompressed: " + Zstd.getErrorName(size));
        }
        return (int) size;
    }

    private static int gzip(byte[] input, int offset, int length, byte[] output, int outputLength)
            throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(input, offset, length))) {
            return in.readNBytes(output, 0, outputLength);
        }
    }

    /**
     * The deprecated LZ4 codec: Hadoop's framing (blocks of a 4-byte big-endian uncompressed size, then chunks of a
     * 4-byte big-endian compressed size and an LZ4 block), or, as some writers wrote it, one bare LZ4 block.
     */
    private static int lz4(byte[] input, int offset, int length, byte[] output, int outputLength) {
        Lz4Decompressor lz4 = new Lz4Decompressor();
        try {
            int in = offset;
            int end = offset + length;
            int out = 0;
            while (in < end) {
                int blockEnd = out + bigEndianInt(input, in, end);
                in += 4;
                if (blockEnd < out || blockEnd > outputLength) {
                    throw new IllegalArgumentException("not Hadoop's LZ4 framing");
                }
                while (out < blockEnd) {
                    int compressed = bigEndianInt(input, in, end);
                    in += 4;
                    if (compressed < 0 || compressed > end - in) {
                        throw new IllegalArgumentException("not Hadoop's LZ4 framing");
                    }
                    out += lz4.decompress(input, in, compressed, output, out, blockEnd - out);
                    in += compressed;
                }
            }
            return out;
        } catch (RuntimeException notFramed) {
            return lz4.decompress(input, offset, length, output, 0, outputLength);
        }
    }

    private static int bigEndianInt(byte[] bytes, int at, int end) {
        if (end - at < 4) {
            throw new IllegalArgumentException("not Hadoop's LZ4 framing");
        }
        return (bytes[at] & 0xFF) << 24 | (bytes[at + 1] & 0xFF) << 16 | (bytes[at + 2] & 0xFF) << 8
                | bytes[at + 3] & 0xFF;
    }
}
