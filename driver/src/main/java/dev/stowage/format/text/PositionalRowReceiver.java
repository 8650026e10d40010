package dev.stowage.format.text;

import dev.stowage.scan.ColumnType;
import dev.stowage.scan.RowSink;
import java.io.IOException;

/**
 * Turns the CSV or TSV records of one block into rows, as a {@link PositionalPlan} says: a field absent from its
 * record is NULL, an unquoted field equal to {@code NULL_DISPLAY} is NULL, an unquoted empty field is what
 * {@code EMPTY_FIELD_AS} says, and any other text is converted as SQL CAST converts it. The file's first
 * {@code SKIP_HEADER} records are skipped without being converted.
 */
final class PositionalRowReceiver implements FieldReceiver {
    /** Records between checks for cancellation. */
    private static final int CHECK_INTERVAL = 1024;

    private final PositionalPlan plan;
    private final FieldNulls nulls;
    private final long skipHeader;
    private final String fileName;
    private final RowSink sink;
    private long record;
    private long line;
    private Object[] row;
    private boolean header;

    /**
     * Creates the receiver of a block.
     *
     * @param firstRecord the file's record number of the block's first record, skipped header records included
     */
    PositionalRowReceiver(PositionalPlan plan, DelimitedOptions options, String fileName, long firstRecord,
                          RowSink sink) {
        this.plan = plan;
        this.nulls = FieldNulls.of(options);
        this.skipHeader = options.skipHeader();
        this.fileName = fileName;
        this.record = firstRecord;
        this.sink = sink;
    }

    @Override
    public void beginRecord(long line) {
        this.line = line;
        header = record < skipHeader;
        // a row begun for an empty line, which never ends, is still unused
        if (row == null && !header) {
            row = new Object[plan.width()];
        }
    }

    @Override
    public void field(int index, char[] chars, int offset, int length, boolean literal) {
        if (header || index >= plan.fields()) {
            return;
        }
        int[] slots = plan.slots(index);
        if (slots == null || nulls.isNull(chars, offset, length, literal)) {
            return;
        }
        TextConverter[] converters = plan.converters(index);
        for (int i = 0; i < slots.length; i++) {
            try {
                row[slots[i]] = converters[i].convert(chars, offset, length);
            } catch (CastException e) {
                ColumnType type = plan.types(index)[i];
                throw TextFailures.cast(chars, offset, length, type, "$" + (index + 1), line, fileName, e);
            }
        }
    }

    @Override
    public boolean endRecord() throws IOException {
        long number = record++;
        if (header) {
            return true;
        }
        if ((number & (CHECK_INTERVAL - 1)) == 0) {
            TextFailures.checkInterrupted();
        }
        Object[] done = row;
        row = null;
        for (int slot : plan.fileNameSlots()) {
            done[slot] = fileName;
        }
        if (plan.rowNumberSlots().length > 0) {
            Long rowNumber = number - skipHeader;
            for (int slot : plan.rowNumberSlots()) {
                done[slot] = rowNumber;
            }
        }
        return sink.accept(done);
    }

    @Override
    public long line() {
        return line;
    }

    @Override
    public String fileName() {
        return fileName;
    }
}
