package dev.stowage.format.text;

import dev.stowage.scan.Column;
import dev.stowage.scan.ColumnType;
import dev.stowage.scan.SchemaMerge;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Infers the columns of a CSV or TSV file from its records, as {@link CsvFormatReader#schema} describes: the first
 * record names the columns when a header is skipped, and the types of the values of each field are merged.
 */
final class CsvSchemaInference implements FieldReceiver {
    private final long skipHeader;
    private final char[] nullDisplay;
    private final String fileName;
    private final long maxRecords;
    private final List<String> names = new ArrayList<>();
    private final List<ColumnType> types = new ArrayList<>();
    private long record;
    private long dataRecords;
    private long line;
    private boolean header;

    CsvSchemaInference(DelimitedOptions options, String fileName, long maxRecords) {
        this.skipHeader = options.skipHeader();
        this.nullDisplay = options.nullDisplay().toCharArray();
        this.fileName = fileName;
        this.maxRecords = maxRecords;
    }

    @Override
    public void beginRecord(long line) {
        this.line = line;
        header = record < skipHeader;
    }

    @Override
    public void field(int index, char[] chars, int offset, int length, boolean literal) {
        if (header) {
            if (record == 0) {
                while (names.size() <= index) {
                    names.add(null);
                }
                names.set(index, new String(chars, offset, length));
            }
            return;
        }
        while (types.size() <= index) {
            types.add(null);
        }
        if (length == 0 || !literal && isNullDisplay(chars, offset, length)) {
            return;
        }
        ColumnType type = TextTypeInference.of(chars, offset, length);
        ColumnType seen = types.get(index);
        types.set(index, seen == null ? type : SchemaMerge.merge(seen, type));
    }

    private boolean isNullDisplay(char[] chars, int offset, int length) {
        return Arrays.equals(chars, offset, offset + length, nullDisplay, 0, nullDisplay.length);
    }

    @Override
    public boolean endRecord() {
        record++;
        if (!header) {
            dataRecords++;
        }
        return dataRecords < maxRecords;
    }

    @Override
    public long line() {
        return line;
    }

    @Override
    public String fileName() {
        return fileName;
    }

    /** Returns the columns inferred from the records read. */
    List<Column> columns() {
        List<Column> columns = new ArrayList<>();
        int count = Math.max(names.size(), types.size());
        for (int i = 0; i < count; i++) {
            String name = i < names.size() && names.get(i) != null && !names.get(i).isEmpty() ? names.get(i)
                    : "column_" + (i + 1);
            ColumnType type = i < types.size() && types.get(i) != null ? types.get(i) : ColumnType.VARCHAR;
            columns.add(new Column(name, type, true));
        }
        return columns;
    }
}
