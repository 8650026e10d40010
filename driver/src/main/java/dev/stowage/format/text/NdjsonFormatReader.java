package dev.stowage.format.text;

import com.fasterxml.jackson.core.JsonFactory;
import dev.stowage.format.FileFormat;
import dev.stowage.format.FileFormatType;
import dev.stowage.scan.Column;
import dev.stowage.scan.FormatReader;
import dev.stowage.scan.ScanSpec;
import dev.stowage.scan.ScanUnits;
import dev.stowage.scan.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;

/**
 * Reads NDJSON files: one JSON object per line (CR, LF or CRLF), blank lines skipped. {@code $1} (a whole-row output)
 * is the object as compact JSON; a field output reads the key named like its schema column (exactly, else ignoring
 * case), converted as SQL CAST converts the value's text, nested values as VARCHAR holding compact JSON. Options:
 * {@code MISSING_FIELD_AS} ({@code ERROR}, the default, fails naming the file, line and key; {@code NULL};
 * {@code FIELD_DEFAULT}, the column's default: NULL for a nullable column, the type's zero value otherwise),
 * {@code NULL_FIELD_AS} ({@code NULL} or {@code FIELD_DEFAULT}) and {@code COMPRESSION}.
 *
 * <p>An uncompressed file is read as blocks of about {@value CsvFormatReader#BLOCK_SIZE} bytes of whole lines,
 * decoded in parallel; a compressed file as one sequential unit. Immutable and thread-safe.
 */
public final class NdjsonFormatReader implements FormatReader {
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final ValueFallback missingField;
    private final ValueFallback nullField;
    private final String compression;
    private final int blockSize;

    /** Creates a reader of files in {@code format}, an NDJSON file format. */
    public NdjsonFormatReader(FileFormat format) {
        this(format, CsvFormatReader.BLOCK_SIZE);
    }

    NdjsonFormatReader(FileFormat format, int blockSize) {
        Objects.requireNonNull(format, "format is null");
        if (format.type() != FileFormatType.NDJSON) {
            throw new IllegalArgumentException("not an NDJSON format: " + format.type());
        }
        this.missingField = ValueFallback.of(format.option("missing_field_as"), ValueFallback.ERROR);
        this.nullField = ValueFallback.of(format.option("null_field_as"), ValueFallback.NULL);
        String option = format.option("compression");
        this.compression = option == null ? "NONE" : option;
        this.blockSize = blockSize;
    }

    /**
     * Infers the columns from the file's first {@code maxRecords} objects: one per key, in the order keys first
     * appear, typed BOOLEAN, BIGINT or DOUBLE (integers and decimals together are DOUBLE), VARCHAR for strings,
     * nested values and mixed types, and nullable when some object lacks the key or holds null there (a key that is
     * always null is a nullable VARCHAR).
     *
     * @throws dev.stowage.error.StowageException {@link dev.stowage.error.ErrorCode#BAD_DATA} naming the file and
     *     line of a line that is not a JSON object
     */
    @Override
    public List<Column> schema(SourceFile file, long maxRecords) throws IOException {
        NdjsonSchemaInference inference = new NdjsonSchemaInference(JSON, file.name(), maxRecords);
        TextFile text = textFile(file);
        if (!text.isEmpty()) {
            try (RecordBlocks blocks = text.openBlocks()) {
                TextBlock block;
                while ((block = blocks.next()) != null && JsonLines.forEach(block, inference)) {
                    // every block is read by the inference until it has seen enough records
                }
            }
        }
        return inference.columns();
    }

    /**
     * Returns the units reading {@code file}: blocks of whole lines of an uncompressed file, read lazily, or one unit
     * for a compressed one. They fail with {@link dev.stowage.error.ErrorCode#BAD_DATA} naming the file and line for
     * a line that is not one JSON object or lacks a wanted key (with {@code MISSING_FIELD_AS = ERROR}), and with
     * {@link dev.stowage.error.ErrorCode#BAD_VALUE_FOR_CAST} naming the file, line, key and value for a value that
     * does not convert to its column's type.
     *
     * @throws dev.stowage.error.StowageException {@link dev.stowage.error.ErrorCode#ILLEGAL_FILE_FORMAT} for a
     *     compression that cannot be read
     */
    @Override
    public ScanUnits units(SourceFile file, ScanSpec spec) {
        NdjsonPlan plan = NdjsonPlan.of(spec);
        return new TextScanUnits(textFile(file), () -> {
            try {
                return new NdjsonBlockDecoder(JSON, plan, missingField, nullField, file.name());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private TextFile textFile(SourceFile file) {
        return new TextFile(file, Compression.resolve(compression, file.name()),
                () -> new LineRecordScanner(false, DelimitedOptions.NEWLINE, true), blockSize);
    }
}
