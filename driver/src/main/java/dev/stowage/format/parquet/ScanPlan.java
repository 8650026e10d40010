package dev.stowage.format.parquet;

import dev.stowage.error.ErrorCode;
import dev.stowage.error.StowageException;
import dev.stowage.scan.Column;
import dev.stowage.scan.ColumnType;
import dev.stowage.scan.ColumnVector;
import dev.stowage.scan.DoubleVector;
import dev.stowage.scan.LongVector;
import dev.stowage.scan.ObjectVector;
import dev.stowage.scan.OutputColumn;
import dev.stowage.scan.ScanSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * What a scan of one file decodes and where each value of a row comes from, resolved once per file against its
 * schema. Flat columns are decoded column at a time into their first output slot ({@link #flatColumns()}); nested
 * columns, and every column when the whole row is asked for, come from record assembly ({@link #assembly()}); the
 * remaining slots are filled per row by {@link #finish}. Immutable.
 */
final class ScanPlan {
    /**
     * A flat column to decode.
     *
     * @param descriptor the column
     * @param leaf its type
     * @param slot the output slot that receives its values, in the file type's representation
     * @param type the type the slot is read as
     * @param conversion from the file type to {@code type}
     */
    record FlatColumn(ColumnDescriptor descriptor, LeafType leaf, int slot, ColumnType type,
                      ValueConversion conversion) {
        /**
         * Returns a vector of {@code capacity} values of {@code type} for batches: primitive where both the file
         * type and {@code type} are held in one (their conversion then keeps the primitive value), else objects.
         */
        ColumnVector newBatchVector(int capacity) {
            if (leaf.decodesToLong() && LongVector.holds(type)) {
                return new LongVector(type, capacity);
            }
            if (leaf.decodesToDouble() && DoubleVector.holds(type)) {
                return new DoubleVector(type, capacity);
            }
            return new ObjectVector(type, capacity);
        }

        /** Converts the file type's values in {@code vector}'s first {@code count} rows, an object vector's, to {@code type}. */
        void convert(ColumnVector vector, int count) {
            if (conversion == ValueConversion.IDENTITY || !(vector instanceof ObjectVector objects)) {
                return;
            }
            Object[] values = objects.values();
            for (int i = 0; i < count; i++) {
                values[i] = ScanPlan.convert(conversion, values[i]);
            }
        }
    }

    /** An output slot filled from a field of the assembled record. */
    private record AssembledOutput(int slot, ValueConversion conversion) {
    }

    /** Fills slots of one row from the row's other slots, its assembled record or its row number. */
    @FunctionalInterface
    private interface RowStep {
        void apply(Object[] row, Object[] record, long rowNumber);
    }

    private final int width;
    private final List<FlatColumn> flatColumns;
    private final MessageType assembly;
    private final List<ColumnDescriptor> requested;
    private final RowStep[] steps;
    private final boolean columnar;

    private ScanPlan(int width, List<FlatColumn> flatColumns, MessageType assembly, List<RowStep> steps,
                     boolean columnar) {
        this.width = width;
        this.columnar = columnar;
        this.flatColumns = List.copyOf(flatColumns);
        this.assembly = assembly;
        List<ColumnDescriptor> columns = new ArrayList<>();
        for (FlatColumn column : flatColumns) {
            columns.add(column.descriptor());
        }
        if (assembly != null) {
            columns.addAll(assembly.getColumns());
        }
        this.requested = List.copyOf(columns);
        this.steps = steps.toArray(new RowStep[0]);
    }

    /**
     * Resolves {@code spec}'s outputs against the schema of the file named {@code fileName}.
     *
     * @param missingAsNull whether a column the file lacks reads as NULL rather than failing
     * @throws StowageException {@link ErrorCode#SCHEMA_MISMATCH} for a missing column (unless {@code missingAsNull})
     *     or a column whose type does not convert to the one asked for
     */
    static ScanPlan resolve(String fileName, MessageType schema, ScanSpec spec, boolean missingAsNull) {
        List<OutputColumn> outputs = spec.outputs();
        boolean wholeRow = outputs.stream().anyMatch(OutputColumn.WholeRow.class::isInstance);
        Map<Integer, Integer> flatSlots = new LinkedHashMap<>();
        List<FlatColumn> flat = new ArrayList<>();
        // by field index, in file order
        Map<Integer, List<AssembledOutput>> assembled = new TreeMap<>();
        List<RowStep> copies = new ArrayList<>();
        List<RowStep> inPlace = new ArrayList<>();
        int wholeRowSlot = -1;
        for (int slot = 0; slot < outputs.size(); slot++) {
            int target = slot;
            OutputColumn output = outputs.get(slot);
            if (output instanceof OutputColumn.Field field) {
                Column planned = spec.schema().get(field.index());
                int fieldIndex = ParquetSchemas.fieldIndex(schema, planned.name());
                if (fieldIndex < 0) {
                    if (missingAsNull) {
                        continue;
                    }
                    throw new StowageException(ErrorCode.SCHEMA_MISMATCH,
                            "Parquet file %s has no column %s (MISSING_FIELD_AS = FIELD_DEFAULT reads it as NULL)",
                            fileName, planned.name());
                }
                Type fileField = schema.getType(fieldIndex);
                ColumnType fileType = ParquetSchemas.column(fileField).type();
                ValueConversion conversion = ValueConversion.between(fileType, field.type());
                if (conversion == null) {
                    throw new StowageException(ErrorCode.SCHEMA_MISMATCH,
                            "column %s of Parquet file %s has type %s, which cannot be read as %s",
                            fileField.getName(), fileName, fileType.sqlName(), field.type().sqlName());
                }
                if (ParquetSchemas.isFlat(fileField) && !wholeRow) {
                    Integer primary = flatSlots.putIfAbsent(fieldIndex, slot);
                    if (primary == null) {
                        ColumnDescriptor descriptor = schema.getColumnDescription(new String[] {fileField.getName()});
                        flat.add(new FlatColumn(descriptor, LeafType.of(fileField.asPrimitiveType()), slot, field.type(),
                                conversion));
                        if (conversion != ValueConversion.IDENTITY) {
                            inPlace.add((row, record, rowNumber) -> row[target] = convert(conversion, row[target]));
                        }
                    } else {
                        int source = primary;
                        copies.add((row, record, rowNumber) -> row[target] = convert(conversion, row[source]));
                    }
                } else {
                    assembled.computeIfAbsent(fieldIndex, i -> new ArrayList<>()).add(new AssembledOutput(slot, conversion));
                }
            } else if (output instanceof OutputColumn.WholeRow) {
                wholeRowSlot = slot;
            } else if (output instanceof OutputColumn.FileName) {
                copies.add((row, record, rowNumber) -> row[target] = fileName);
            } else if (output instanceof OutputColumn.FileRowNumber) {
                copies.add((row, record, rowNumber) -> row[target] = Long.valueOf(rowNumber));
            }
        }
        MessageType assembly = null;
        if (wholeRow) {
            assembly = schema;
            WholeRow json = new WholeRow(schema);
            int target = wholeRowSlot;
            copies.add((row, record, rowNumber) -> row[target] = json.text(record));
        } else if (!assembled.isEmpty()) {
            List<Type> fields = new ArrayList<>();
            for (int fieldIndex : assembled.keySet()) {
                fields.add(schema.getType(fieldIndex));
            }
            assembly = new MessageType(schema.getName(), fields);
        }
        int recordIndex = 0;
        for (Map.Entry<Integer, List<AssembledOutput>> entry : assembled.entrySet()) {
            int source = wholeRow ? entry.getKey() : recordIndex++;
            for (AssembledOutput use : entry.getValue()) {
                int target = use.slot();
                ValueConversion conversion = use.conversion();
                copies.add((row, record, rowNumber) -> row[target] = convert(conversion, record[source]));
            }
        }
        boolean columnar = assembly == null && copies.isEmpty();
        List<RowStep> steps = new ArrayList<>(copies);
        steps.addAll(inPlace);
        return new ScanPlan(outputs.size(), flat, assembly, steps, columnar);
    }

    private static Object convert(ValueConversion conversion, Object value) {
        return value == null ? null : conversion.apply(value);
    }

    /** Returns the number of values in each row. */
    int width() {
        return width;
    }

    /** Returns the flat columns to decode column at a time. */
    List<FlatColumn> flatColumns() {
        return flatColumns;
    }

    /**
     * Returns whether every slot is one flat column's values, its type's converted in place ({@link
     * FlatColumn#convert}), or NULL (a missing column): rows then need no {@link #finish}, so batches can be decoded
     * column by column.
     */
    boolean columnar() {
        return columnar;
    }

    /** Returns the schema to assemble records of, or null when no output needs record assembly. */
    MessageType assembly() {
        return assembly;
    }

    /** Returns every column whose data the scan reads; empty when the rows need none (only counts and metadata). */
    List<ColumnDescriptor> requestedColumns() {
        return requested;
    }

    /**
     * Completes {@code row}, whose flat-column slots hold their decoded values.
     *
     * @param record the row's assembled record, or null when there is no {@link #assembly()}
     * @param rowNumber the row's 0-based number in its file
     */
    void finish(Object[] row, Object[] record, long rowNumber) {
        for (RowStep step : steps) {
            step.apply(row, record, rowNumber);
        }
    }

    /** Writes a whole assembled record as one JSON object. */
    private static final class WholeRow {
        private final String[] keys;
        private final ColumnType[] flatTypes;

        WholeRow(MessageType schema) {
            int count = schema.getFieldCount();
            keys = new String[count];
            flatTypes = new ColumnType[count];
            for (int i = 0; i < count; i++) {
                Type field = schema.getType(i);
                StringBuilder key = new StringBuilder(i == 0 ? "" : ",");
                JsonText.appendString(key, field.getName());
                keys[i] = key.append(':').toString();
                flatTypes[i] = ParquetSchemas.isFlat(field) ? LeafType.of(field.asPrimitiveType()).type() : null;
            }
        }

        String text(Object[] record) {
            StringBuilder json = new StringBuilder(32 * keys.length).append('{');
            for (int i = 0; i < keys.length; i++) {
                json.append(keys[i]);
                if (flatTypes[i] != null) {
                    JsonText.appendValue(json, flatTypes[i], record[i]);
                } else {
                    json.append(record[i] == null ? "null" : (String) record[i]);
                }
            }
            return json.append('}').toString();
        }
    }
}
