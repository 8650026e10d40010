package dev.stowage.format.text;

import dev.stowage.scan.Column;
import dev.stowage.scan.ColumnType;
import dev.stowage.scan.OutputColumn;
import dev.stowage.scan.ScanSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where the fields of an NDJSON object go in the produced rows. A field output names a schema column; an object's
 * key matches it when it is spelled the same, or, when the object has no such key, spelled the same ignoring case.
 * Immutable and shared by the units of a scan.
 */
final class NdjsonPlan {
    /** A field output: the schema column it reads and where its value goes. */
    record Wanted(String name, int slot, ColumnType type, boolean nullable, TextConverter converter) {
    }

    private final int width;
    private final List<Wanted> wanted;
    private final Map<String, List<Integer>> exact = new HashMap<>();
    private final Map<String, List<Integer>> folded = new HashMap<>();
    private final int[] wholeRowSlots;
    private final int[] fileNameSlots;
    private final int[] rowNumberSlots;

    private NdjsonPlan(ScanSpec spec) {
        List<OutputColumn> outputs = spec.outputs();
        this.width = outputs.size();
        List<Wanted> fields = new ArrayList<>();
        List<Integer> wholeRows = new ArrayList<>();
        List<Integer> fileNames = new ArrayList<>();
        List<Integer> rowNumbers = new ArrayList<>();
        for (int slot = 0; slot < outputs.size(); slot++) {
            OutputColumn output = outputs.get(slot);
            if (output instanceof OutputColumn.Field field) {
                Column column = spec.schema().get(field.index());
                int index = fields.size();
                fields.add(new Wanted(column.name(), slot, field.type(), column.nullable(),
                        TextConverters.of(field.type(), "NaN", false)));
                exact.computeIfAbsent(column.name(), name -> new ArrayList<>()).add(index);
                folded.computeIfAbsent(column.name().toLowerCase(Locale.ROOT), name -> new ArrayList<>()).add(index);
            } else if (output instanceof OutputColumn.WholeRow) {
                wholeRows.add(slot);
            } else if (output instanceof OutputColumn.FileName) {
                fileNames.add(slot);
            } else {
                rowNumbers.add(slot);
            }
        }
        this.wanted = List.copyOf(fields);
        this.wholeRowSlots = wholeRows.stream().mapToInt(Integer::intValue).toArray();
        this.fileNameSlots = fileNames.stream().mapToInt(Integer::intValue).toArray();
        this.rowNumberSlots = rowNumbers.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Returns the plan producing the outputs of {@code spec}, whose field outputs index its schema. */
    static NdjsonPlan of(ScanSpec spec) {
        return new NdjsonPlan(spec);
    }

    int width() {
        return width;
    }

    /** Returns the field outputs; a record's match results index this list. */
    List<Wanted> wanted() {
        return wanted;
    }

    /**
     * Returns the field outputs the key {@code name} may fill, each as {@code 2 * index + 1} for an exact match and
     * {@code 2 * index} for a match ignoring case.
     */
    int[] matches(String name) {
        List<Integer> exactly = exact.getOrDefault(name, List.of());
        List<Integer> ignoringCase = folded.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
        int[] matches = new int[ignoringCase.size()];
        for (int i = 0; i < matches.length; i++) {
            int index = ignoringCase.get(i);
            matches[i] = 2 * index + (exactly.contains(index) ? 1 : 0);
        }
        return matches;
    }

    boolean wholeRow() {
        return wholeRowSlots.length > 0;
    }

    int[] wholeRowSlots() {
        return wholeRowSlots;
    }

    int[] fileNameSlots() {
        return fileNameSlots;
    }

    int[] rowNumberSlots() {
        return rowNumberSlots;
    }
}
