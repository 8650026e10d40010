package dev.stowage.format.text;

import com.github.luben.zstd.ZstdOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.snappy.FramedSnappyCompressorOutputStream;

/** Test fixtures: text compressed as each readable {@link Compression} stores it. */
final class Compressed {
    private Compressed() {
    }

    /** Returns {@code text} as UTF-8 compressed with {@code compression}. */
    static byte[] bytes(Compression compression, String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = encoder(compression, bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    /** Returns the file extension Databend's AUTO recognizes for {@code compression}. */
    static String extension(Compression compression) {
        return switch (compression) {
            case NONE -> "";
            case GZIP -> ".gz";
            case ZSTD -> ".zst";
            case BZ2 -> ".bz2";
            case SNAPPY -> ".sz";
            case DEFLATE -> ".zl";
            case RAW_DEFLATE -> ".deflate";
        };
    }

    private static OutputStream encoder(Compression compression, OutputStream out) throws IOException {
        return switch (compression) {
            case NONE -> out;
            case GZIP -> new GZIPOutputStream(out);
            case ZSTD -> new ZstdOutputStream(out);
            case BZ2 -> new BZip2CompressorOutputStream(out);
            case SNAPPY -> new FramedSnappyCompressorOutputStream(out);
            case DEFLATE -> new DeflaterOutputStream(out, new Deflater(Deflater.DEFAULT_COMPRESSION, false)) {
                @Override
                public void close() throws IOException {
                    super.close();
                    def.end();
                }
            };
            case RAW_DEFLATE -> new DeflaterOutputStream(out, new Deflater(Deflater.DEFAULT_COMPRESSION, true)) {
                @Override
                public void close() throws IOException {
                    super.close();
                    def.end();
                }
            };
        };
    }
}
