package dev.stowage.format.text;

import dev.stowage.scan.ColumnType;
import dev.stowage.scan.OutputColumn;
import java.util.ArrayList;
import java.util.List;

/**
 * Where each field of a CSV or TSV record goes in the produced rows, and how it is converted. Immutable and shared by
 * the units of a scan.
 */
final class PositionalPlan {
    private final int width;
    private final int[][] slots;
    private final ColumnType[][] types;
    private final boolean[][] deferred;
    private final boolean anyDeferred;
    private final TextConverter[][] converters;
    private final int[] fileNameSlots;
    private final int[] rowNumberSlots;

    private PositionalPlan(int width, int[][] slots, ColumnType[][] types, boolean[][] deferred,
                           boolean anyDeferred, TextConverter[][] converters, int[] fileNameSlots,
                           int[] rowNumberSlots) {
        this.width = width;
        this.slots = slots;
        this.types = types;
        this.deferred = deferred;
        this.anyDeferred = anyDeferred;
        this.converters = converters;
        this.fileNameSlots = fileNameSlots;
        this.rowNumberSlots = rowNumberSlots;
    }

    /**
     * Returns the plan producing {@code outputs}.
     *
     * @throws IllegalArgumentException for a whole-row output, which positional formats do not have
     */
    static PositionalPlan of(List<OutputColumn> outputs, DelimitedOptions options) {
        int fields = 0;
        for (OutputColumn output : outputs) {
            if (output instanceof OutputColumn.Field field) {
                fields = Math.max(fields, field.index() + 1);
            }
        }
        List<List<Integer>> slotLists = new ArrayList<>();
        for (int i = 0; i < fields; i++) {
            slotLists.add(new ArrayList<>());
        }
        List<Integer> fileNames = new ArrayList<>();
        List<Integer> rowNumbers = new ArrayList<>();
        for (int slot = 0; slot < outputs.size(); slot++) {
            OutputColumn output = outputs.get(slot);
            if (output instanceof OutputColumn.Field field) {
                slotLists.get(field.index()).add(slot);
            } else if (output instanceof OutputColumn.FileName) {
                fileNames.add(slot);
            } else if (output instanceof OutputColumn.FileRowNumber) {
                rowNumbers.add(slot);
            } else {
                throw new IllegalArgumentException("CSV and TSV records have no whole-row value");
            }
        }
        int[][] slots = new int[fields][];
        ColumnType[][] types = new ColumnType[fields][];
        boolean[][] deferred = new boolean[fields][];
        boolean anyDeferred = false;
        TextConverter[][] converters = new TextConverter[fields][];
        for (int i = 0; i < fields; i++) {
            List<Integer> fieldSlots = slotLists.get(i);
            if (fieldSlots.isEmpty()) {
                continue;
            }
            slots[i] = fieldSlots.stream().mapToInt(Integer::intValue).toArray();
            types[i] = new ColumnType[slots[i].length];
            deferred[i] = new boolean[slots[i].length];
            converters[i] = new TextConverter[slots[i].length];
            for (int j = 0; j < slots[i].length; j++) {
                OutputColumn.Field field = (OutputColumn.Field) outputs.get(slots[i][j]);
                ColumnType type = field.type();
                types[i][j] = type;
                deferred[i][j] = field.deferred();
                anyDeferred |= field.deferred();
                converters[i][j] = TextConverters.of(type, options.nanDisplay(), options.base64());
            }
        }
        return new PositionalPlan(outputs.size(), slots, types, deferred, anyDeferred, converters,
                fileNames.stream().mapToInt(Integer::intValue).toArray(),
                rowNumbers.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Returns how many values each row has. */
    int width() {
        return width;
    }

    /** Returns how many leading fields of a record the rows use. */
    int fields() {
        return slots.length;
    }

    /** Returns the row slots of field {@code index}, or null when no output uses it. */
    int[] slots(int index) {
        return slots[index];
    }

    /** Returns the types of the slots of field {@code index}. */
    ColumnType[] types(int index) {
        return types[index];
    }

    /** Returns which slots of field {@code index} defer their conversion failures to the batch's consumer. */
    boolean[] deferred(int index) {
        return deferred[index];
    }

    /**
     * Returns whether some output defers its conversion failures ({@link OutputColumn.Field#deferred()}), which
     * only column batches can carry: such a plan is never decoded into rows.
     */
    boolean anyDeferred() {
        return anyDeferred;
    }

    /** Returns the converters of the slots of field {@code index}. */
    TextConverter[] converters(int index) {
        return converters[index];
    }

    /** Returns the slots of {@code METADATA$FILENAME}. */
    int[] fileNameSlots() {
        return fileNameSlots;
    }

    /** Returns the slots of {@code METADATA$FILE_ROW_NUMBER}. */
    int[] rowNumberSlots() {
        return rowNumberSlots;
    }
}
