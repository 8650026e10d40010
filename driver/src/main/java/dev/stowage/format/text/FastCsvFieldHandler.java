package dev.stowage.format.text;

import de.siegmar.fastcsv.reader.CsvCallbackHandler;
import de.siegmar.fastcsv.reader.RecordType;

/**
 * Feeds FastCSV's fields straight to a {@link FieldReceiver}: no {@code String} is made for a field the receiver
 * ignores. The records it builds are only markers; the receiver has the data.
 */
final class FastCsvFieldHandler extends CsvCallbackHandler<Object> {
    private static final Object RECORD = new Object();

    private final FieldReceiver receiver;
    private final long firstLine;
    private int fieldCount;
    private boolean empty;

    /** Creates a handler for a block that starts on {@code firstLine} of its file. */
    FastCsvFieldHandler(FieldReceiver receiver, long firstLine) {
        this.receiver = receiver;
        this.firstLine = firstLine;
    }

    @Override
    protected RecordType getRecordType() {
        return empty ? RecordType.EMPTY : RecordType.DATA;
    }

    @Override
    protected int getFieldCount() {
        return fieldCount;
    }

    @Override
    protected void beginRecord(long startingLineNumber) {
        fieldCount = 0;
        empty = false;
        receiver.beginRecord(firstLine + startingLineNumber - 1);
    }

    @Override
    protected void addField(char[] buf, int offset, int len, boolean quoted) {
        receiver.field(fieldCount++, buf, offset, len, quoted);
    }

    @Override
    protected void setComment(char[] buf, int offset, int len) {
        throw new IllegalStateException("comments are disabled");
    }

    @Override
    protected void setEmpty() {
        empty = true;
    }

    @Override
    protected Object buildRecord() {
        return RECORD;
    }
}
