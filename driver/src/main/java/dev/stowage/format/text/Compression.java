package dev.stowage.format.text;

import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import dev.stowage.error.ErrorCode;
import dev.stowage.error.StowageException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.snappy.FramedSnappyCompressorInputStream;

/**
 * The compressions a staged text file can be read with, resolved from a format's {@code COMPRESSION} option as
 * Databend resolves it. {@code AUTO} picks by file extension ({@code .gz}, {@code .zst}/{@code .zstd}, {@code .bz2},
 * {@code .deflate} raw deflate, {@code .zl} zlib, {@code .sz}/{@code .snappy}); any other extension means no
 * compression. {@code DEFLATE} is zlib-wrapped deflate and {@code RAW_DEFLATE} bare deflate, as in Databend.
 * {@code BROTLI}, {@code XZ}, {@code LZO} and {@code ZIP} cannot be read: the driver has no decoder for them.
 *
 * <p>{@link #SNAPPY} is the Snappy <em>framing format</em> (stream identifier {@code sNaPpY}, as written by
 * {@code snzip} and python-snappy's stream API): raw Snappy blocks carry no framing and cannot be streamed.
 */
enum Compression {
    NONE, GZIP, ZSTD, BZ2, SNAPPY, DEFLATE, RAW_DEFLATE;

    private static final int BUFFER_SIZE = 64 * 1024;

    /**
     * Returns the compression of {@code fileName} under the {@code COMPRESSION} option {@code option} (any case).
     *
     * @throws StowageException {@link ErrorCode#ILLEGAL_FILE_FORMAT} naming the compression and the file when it
     *     cannot be read (BROTLI, XZ, LZO, ZIP) or is unknown
     */
    static Compression resolve(String option, String fileName) {
        String name = option == null ? "NONE" : option.toUpperCase(Locale.ROOT);
        return switch (name) {
            case "", "NONE" -> NONE;
            case "AUTO" -> byExtension(fileName);
            case "GZIP" -> GZIP;
            case "ZSTD" -> ZSTD;
            case "BZ2" -> BZ2;
            case "SNAPPY" -> SNAPPY;
            case "DEFLATE" -> DEFLATE;
            case "RAW_DEFLATE", "RAWDEFLATE" -> RAW_DEFLATE;
            case "BROTLI", "XZ", "LZO", "ZIP" -> throw unsupported(name, fileName);
            default -> throw new StowageException(ErrorCode.ILLEGAL_FILE_FORMAT,
                    "Unknown compression '%s' for file %s", option, fileName);
        };
    }

    private static Compression byExtension(String fileName) {
        int slash = fileName.lastIndexOf('/');
        int dot = fileName.lastIndexOf('.');
        if (dot <= slash) {
            return NONE;
        }
        return switch (fileName.substring(dot + 1).toLowerCase(Locale.ROOT)) {
            case "gz" -> GZIP;
            case "zst", "zstd" -> ZSTD;
            case "bz2" -> BZ2;
            // Databend's extension table: .deflate is raw deflate, .zl is zlib
            case "deflate" -> RAW_DEFLATE;
            case "zl" -> DEFLATE;
            case "sz", "snappy" -> SNAPPY;
            case "br" -> throw unsupported("BROTLI", fileName);
            case "xz" -> throw unsupported("XZ", fileName);
            case "lzo" -> throw unsupported("LZO", fileName);
            case "zip" -> throw unsupported("ZIP", fileName);
            default -> NONE;
        };
    }

    private static StowageException unsupported(String name, String fileName) {
        return new StowageException(ErrorCode.ILLEGAL_FILE_FORMAT,
                "Compression %s is not supported for reading file %s", name, fileName);
    }

    /**
     * Returns {@code in} decompressed. Closing the result closes {@code in}. Failures of {@code in} itself pass
     * through unchanged; data this compression cannot decode fails with {@link ErrorCode#BAD_DATA} naming the file.
     */
    InputStream decompress(InputStream in, String fileName) {
        return this == NONE ? in : new DecompressingInputStream(this, in, fileName);
    }

    /** Opens the decoder over {@code in}; may read the stream header. */
    InputStream decoder(InputStream in) throws IOException {
        return switch (this) {
            case NONE -> in;
            case GZIP -> new GZIPInputStream(in, BUFFER_SIZE);
            case ZSTD -> new ZstdInputStreamNoFinalizer(in);
            case BZ2 -> new BZip2CompressorInputStream(in, true);
            case SNAPPY -> new FramedSnappyCompressorInputStream(in);
            case DEFLATE -> inflater(in, false);
            case RAW_DEFLATE -> inflater(in, true);
        };
    }

    private static InputStream inflater(InputStream in, boolean raw) {
        Inflater inflater = new Inflater(raw);
        return new InflaterInputStream(in, inflater, BUFFER_SIZE) {
            @Override
            public void close() throws IOException {
                try {
                    super.close();
                } finally {
                    inflater.end();
                }
            }
        };
    }
}
