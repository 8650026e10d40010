package dev.stowage.write;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Writes a text format: rows are coerced, encoded as UTF-8 text by a {@link TextRowEncoder} and compressed on their
 * way to the caller's stream. {@link #bytesWritten()} counts compressed bytes, which trail the rows by what the
 * text buffer and the compressor hold.
 */
final class TextFileWriter implements RowFileWriter {
    private static final int BUFFER_SIZE = 64 * 1024;

    private final RowCoercion coercion;
    private final CountingOutputStream counted;
    private final Writer text;
    private final TextRowEncoder encoder;
    private long rows;
    private boolean open = true;

    TextFileWriter(RowCoercion coercion, OutputCompression compression, OutputStream out,
            TextRowEncoder.Opener encoders) throws IOException {
        this.coercion = coercion;
        this.counted = new CountingOutputStream(out);
        this.text = new BufferedWriter(new OutputStreamWriter(compression.compress(counted), StandardCharsets.UTF_8),
                BUFFER_SIZE);
        try {
            this.encoder = encoders.open(text);
        } catch (IOException | RuntimeException e) {
            closeAfterFailure(e);
            throw e;
        }
    }

    @Override
    public void write(Object[] row) throws IOException {
        if (!open) {
            throw new IllegalStateException("the writer is finished or closed");
        }
        encoder.writeRow(coercion.apply(row));
        rows++;
    }

    @Override
    public long rowCount() {
        return rows;
    }

    @Override
    public long bytesWritten() {
        return counted.count();
    }

    @Override
    public void finish() throws IOException {
        if (!open) {
            throw new IllegalStateException("the writer is finished or closed");
        }
        open = false;
        try {
            encoder.flush();
        } catch (IOException | RuntimeException e) {
            closeAfterFailure(e);
            throw e;
        }
        // ends the compressed stream; the caller's stream is only flushed
        text.close();
    }

    @Override
    public void close() throws IOException {
        if (open) {
            open = false;
            text.close();
        }
    }

    private void closeAfterFailure(Exception failure) {
        try {
            text.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
