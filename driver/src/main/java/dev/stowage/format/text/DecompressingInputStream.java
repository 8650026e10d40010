package dev.stowage.format.text;

import dev.stowage.error.ErrorCode;
import dev.stowage.error.StowageException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Decompresses a stored file, telling its storage's failures (passed through) apart from the decoder's (turned into
 * {@link ErrorCode#BAD_DATA} naming the file). The decoder is opened on the first read, so a bad header is reported
 * like any other corrupt data.
 */
final class DecompressingInputStream extends InputStream {
    private final Compression compression;
    private final Source source;
    private final String fileName;
    private InputStream decoder;

    DecompressingInputStream(Compression compression, InputStream in, String fileName) {
        this.compression = compression;
        this.source = new Source(in);
        this.fileName = fileName;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        try {
            if (decoder == null) {
                decoder = compression.decoder(source);
            }
            return decoder.read(buffer, offset, length);
        } catch (IOException | RuntimeException e) {
            if (source.failure != null) {
                throw source.failure;
            }
            if (e instanceof StowageException stowage) {
                throw stowage;
            }
            throw new StowageException(ErrorCode.BAD_DATA, e, "Cannot decompress file %s as %s: %s", fileName,
                    compression, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    @Override
    public void close() throws IOException {
        if (decoder != null) {
            decoder.close();
        } else {
            source.close();
        }
    }

    /** The compressed input; remembers its own failure so the decoder's wrapping of it cannot hide it. */
    private static final class Source extends FilterInputStream {
        private IOException failure;

        Source(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            try {
                return in.read(buffer, offset, length);
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }

        @Override
        public long skip(long n) throws IOException {
            try {
                return super.skip(n);
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }
    }
}
