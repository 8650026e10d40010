package dev.stowage.format.text;

import dev.stowage.format.FileFormat;
import dev.stowage.scan.Column;
import dev.stowage.scan.FormatReader;
import dev.stowage.scan.ScanSpec;
import dev.stowage.scan.ScanUnits;
import dev.stowage.scan.SourceFile;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * Reads CSV and TSV files as Databend queries them: fields by position ({@code $1} is field 0), a field a record
 * lacks is NULL, and a field is text unless the query casts it, in which case it is converted while it is decoded.
 * Options: {@code FIELD_DELIMITER}, {@code RECORD_DELIMITER} ({@code '\n'} and {@code '\r\n'} both mean any of CR,
 * LF and CRLF), {@code QUOTE}, {@code ESCAPE}, {@code SKIP_HEADER}, {@code NULL_DISPLAY}, {@code EMPTY_FIELD_AS},
 * {@code NAN_DISPLAY}, {@code BINARY_FORMAT} and {@code COMPRESSION}. {@code ERROR_ON_COLUMN_COUNT_MISMATCH} is a
 * load option: as in Databend, a query does not check how many fields a record has.
 *
 * <p>An uncompressed file is read as blocks of about {@value #BLOCK_SIZE} bytes of whole records, decoded in
 * parallel; a compressed file as one sequential unit. Immutable and thread-safe.
 */
public final class CsvFormatReader implements FormatReader {
    /** The size a block of an uncompressed file reaches before it is cut at the next record end. */
    static final int BLOCK_SIZE = 1 << 20;

    private final DelimitedOptions options;
    private final int blockSize;

    /**
     * Creates a reader of files in {@code format}, a CSV or TSV file format.
     *
     * @throws dev.stowage.error.StowageException {@link dev.stowage.error.ErrorCode#ILLEGAL_FILE_FORMAT} for
     *     delimiters that cannot be told apart
     */
    public CsvFormatReader(FileFormat format) {
        this(format, BLOCK_SIZE);
    }

    CsvFormatReader(FileFormat format, int blockSize) {
        Objects.requireNonNull(format, "format is null");
        this.options = DelimitedOptions.of(format);
        this.blockSize = blockSize;
    }

    /**
     * Infers the columns from the file's first {@code maxRecords} records after the header: one per field of the
     * widest record, named by the first header record when {@code SKIP_HEADER} is positive and {@code column_1},
     * ... otherwise, typed BOOLEAN, BIGINT, DOUBLE, DATE, TIMESTAMP or VARCHAR by the values they hold (NULL and
     * empty values aside), all nullable.
     *
     * @throws dev.stowage.error.StowageException {@link dev.stowage.error.ErrorCode#BAD_DATA} naming the file and
     *     line when the file is not valid in the format
     */
    @Override
    public List<Column> schema(SourceFile file, long maxRecords) throws IOException {
        CsvSchemaInference inference = new CsvSchemaInference(options, file.name(), maxRecords);
        TextFile text = textFile(file);
        if (!text.isEmpty()) {
            try (RecordBlocks blocks = text.openBlocks()) {
                BlockParser parser = options.newParser();
                TextBlock block;
                while ((block = blocks.next()) != null && parser.parse(block, inference)) {
                    // every block is read by the inference until it has seen enough records
                }
            }
        }
        return inference.columns();
    }

    /**
     * Returns the units reading {@code file}: blocks of whole records of an uncompressed file, read lazily, or one
     * unit for a compressed one. The units fail with {@link dev.stowage.error.ErrorCode#BAD_DATA} naming the file and
     * line for text that is not valid in the format (or not UTF-8), and with
     * {@link dev.stowage.error.ErrorCode#BAD_VALUE_FOR_CAST} naming the file, line, field ({@code $n}) and value
     * for a value that does not convert to the type the query casts it to.
     *
     * @throws dev.stowage.error.StowageException {@link dev.stowage.error.ErrorCode#ILLEGAL_FILE_FORMAT} for a
     *     compression that cannot be read
     */
    @Override
    public ScanUnits units(SourceFile file, ScanSpec spec) {
        PositionalPlan plan = PositionalPlan.of(spec.outputs(), options);
        String name = file.name();
        return new TextScanUnits(textFile(file), () -> new PositionalBlockDecoder(plan, options, name));
    }

    private TextFile textFile(SourceFile file) {
        return new TextFile(file, Compression.resolve(options.compression(), file.name()), options::newScanner,
                blockSize);
    }
}
