package dev.stowage.write;

import com.github.luben.zstd.ZstdOutputStreamNoFinalizer;
import dev.stowage.error.ErrorCode;
import dev.stowage.error.StowageException;
import dev.stowage.format.FileFormat;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;

/**
 * The compressions a text file is written with, resolved from the format's {@code COMPRESSION} option as Databend's
 * unload resolves it, each with the file-name suffix Databend gives it. {@code AUTO} means none (there is no file
 * name to pick by); {@code DEFLATE} is zlib-wrapped deflate ({@code .zl}) and {@code RAW_DEFLATE} bare deflate
 * ({@code .deflate}). Databend cannot unload SNAPPY and LZO; BROTLI, XZ and ZIP have no encoder here.
 */
enum OutputCompression {
    NONE(""), GZIP(".gz"), ZSTD(".zstd"), BZ2(".bz2"), DEFLATE(".zl"), RAW_DEFLATE(".deflate");

    private static final int BUFFER_SIZE = 64 * 1024;
    private static final int ZSTD_LEVEL = 3;

    private final String suffix;

    OutputCompression(String suffix) {
        this.suffix = suffix;
    }

    /**
     * Returns the compression {@code format}'s {@code COMPRESSION} option asks for.
     *
     * @throws StowageException {@link ErrorCode#ILLEGAL_FILE_FORMAT} naming the compression when it cannot be
     *     written or is unknown
     */
    static OutputCompression of(FileFormat format) {
        String option = format.option("compression");
        String name = option == null ? "NONE" : option.toUpperCase(Locale.ROOT);
        return switch (name) {
            case "", "NONE", "AUTO" -> NONE;
            case "GZIP" -> GZIP;
            case "ZSTD" -> ZSTD;
            case "BZ2" -> BZ2;
            case "DEFLATE" -> DEFLATE;
            case "RAW_DEFLATE", "RAWDEFLATE" -> RAW_DEFLATE;
            case "SNAPPY", "LZO", "BROTLI", "XZ", "ZIP" -> throw new StowageException(ErrorCode.ILLEGAL_FILE_FORMAT,
                    "Compression %s is not supported for writing %s files", name, format.type());
            default -> throw new StowageException(ErrorCode.ILLEGAL_FILE_FORMAT, "Unknown compression '%s'", option);
        };
    }

    /** Returns the suffix a file name gets after the format's: {@code .gz}, ..., or nothing. */
    String suffix() {
        return suffix;
    }

    /** Returns a stream compressing into {@code out}; closing it ends the compressed stream and closes {@code out}. */
    OutputStream compress(OutputStream out) throws IOException {
        return switch (this) {
            case NONE -> out;
            case GZIP -> new GZIPOutputStream(out, BUFFER_SIZE);
            case ZSTD -> new ZstdOutputStreamNoFinalizer(out, ZSTD_LEVEL);
            case BZ2 -> new BZip2CompressorOutputStream(out);
            case DEFLATE -> deflater(out, false);
            case RAW_DEFLATE -> deflater(out, true);
        };
    }

    private static OutputStream deflater(OutputStream out, boolean raw) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, raw);
        return new DeflaterOutputStream(out, deflater, BUFFER_SIZE) {
            @Override
            public void close() throws IOException {
                try {
                    super.close();
                } finally {
                    deflater.end();
                }
            }
        };
    }
}
