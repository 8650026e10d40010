package dev.stowage.format.text;

import dev.stowage.scan.BatchSink;
import dev.stowage.scan.ColumnBatch;
import dev.stowage.scan.ColumnType;
import dev.stowage.scan.ColumnVector;
import dev.stowage.scan.DeferredFailures;
import dev.stowage.scan.LongVector;
import dev.stowage.scan.ObjectVector;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns CSV or TSV records into column batches, as {@link PositionalRowReceiver} turns them into rows and with the
 * same values, NULLs and cast failures: numbers, dates and times are parsed straight from the parser's characters
 * into primitive vectors ({@link FieldVectorWriter}). A value of a deferred field that does not convert is left NULL
 * and its failure recorded in the batch ({@link DeferredFailures}) for the consumer to raise if it uses the row. One
 * receiver serves the blocks of one unit, in order; call {@link #flush()} after each block.
 */
final class PositionalBatchReceiver implements FieldReceiver {
    /** The rows of a batch. */
    static final int CAPACITY = 1024;
    /** Records between checks for cancellation. */
    private static final int CHECK_INTERVAL = 1024;

    private final PositionalPlan plan;
    private final FieldNulls nulls;
    private final long skipHeader;
    private final String fileName;
    private final FieldVectorWriter[][] writers;
    /** Per field and slot, where a deferred conversion records its failures; null for the others. */
    private final DeferredFailures[][] failures;
    private final DeferredFailures[] allFailures;
    private final FieldVectorWriter[] allWriters;
    private final Object[] fileNames;
    private final long[] rowNumbers;
    private final ColumnBatch batch;
    private BatchSink sink;
    private long record;
    private long line;
    private boolean header;
    private int size;

    PositionalBatchReceiver(PositionalPlan plan, DelimitedOptions options, String fileName) {
        this.plan = plan;
        this.nulls = FieldNulls.of(options);
        this.skipHeader = options.skipHeader();
        this.fileName = fileName;
        ColumnVector[] vectors = new ColumnVector[plan.width()];
        List<FieldVectorWriter> all = new ArrayList<>();
        List<DeferredFailures> deferred = new ArrayList<>();
        writers = new FieldVectorWriter[plan.fields()][];
        failures = new DeferredFailures[plan.fields()][];
        for (int index = 0; index < plan.fields(); index++) {
            int[] slots = plan.slots(index);
            if (slots == null) {
                continue;
            }
            writers[index] = new FieldVectorWriter[slots.length];
            failures[index] = new DeferredFailures[slots.length];
            for (int i = 0; i < slots.length; i++) {
                FieldVectorWriter writer = FieldVectorWriter.of(plan.types(index)[i], options, CAPACITY);
                writers[index][i] = writer;
                vectors[slots[i]] = writer.vector();
                all.add(writer);
                if (plan.deferred(index)[i]) {
                    failures[index][i] = new DeferredFailures();
                    deferred.add(failures[index][i]);
                }
            }
        }
        allWriters = all.toArray(new FieldVectorWriter[0]);
        allFailures = deferred.toArray(new DeferredFailures[0]);
        ObjectVector names = new ObjectVector(ColumnType.VARCHAR, CAPACITY);
        fileNames = names.values();
        for (int slot : plan.fileNameSlots()) {
            vectors[slot] = names;
        }
        LongVector numbers = new LongVector(ColumnType.BIGINT, CAPACITY);
        rowNumbers = numbers.values();
        for (int slot : plan.rowNumberSlots()) {
            vectors[slot] = numbers;
        }
        batch = new ColumnBatch(vectors);
        for (int index = 0; index < plan.fields(); index++) {
            for (int i = 0; failures[index] != null && i < failures[index].length; i++) {
                if (failures[index][i] != null) {
                    batch.failures(plan.slots(index)[i], failures[index][i]);
                }
            }
        }
    }

    /**
     * Starts a block whose first record is record {@code firstRecord} of the file (skipped header included), whose
     * batches go to {@code sink}.
     */
    void startBlock(long firstRecord, BatchSink sink) {
        this.record = firstRecord;
        this.sink = sink;
    }

    @Override
    public void beginRecord(long line) {
        this.line = line;
        header = record < skipHeader;
        if (!header) {
            for (FieldVectorWriter writer : allWriters) {
                writer.setNull(size);
            }
        }
    }

    @Override
    public void field(int index, char[] chars, int offset, int length, boolean literal) {
        if (header || index >= writers.length) {
            return;
        }
        FieldVectorWriter[] fieldWriters = writers[index];
        if (fieldWriters == null || nulls.isNull(chars, offset, length, literal)) {
            return;
        }
        for (int i = 0; i < fieldWriters.length; i++) {
            try {
                fieldWriters[i].write(chars, offset, length, size);
            } catch (CastException e) {
                failed(index, i, chars, offset, length, e);
            }
        }
    }

    /**
     * Raises the failure of the value of slot {@code i} of field {@code index}, or records it when the slot defers
     * its failures (the row stays NULL). Out of {@link #field}, which the parser calls for every field.
     */
    private void failed(int index, int i, char[] chars, int offset, int length, CastException e) {
        ColumnType type = plan.types(index)[i];
        DeferredFailures deferred = failures[index][i];
        if (deferred == null) {
            throw TextFailures.cast(chars, offset, length, type, "$" + (index + 1), line, fileName, e);
        }
        // the text is copied now: the parser reuses its characters
        writers[index][i].setNull(size);
        deferred.add(size, TextFailures.deferredCast(chars, offset, length, type, "$" + (index + 1), line,
                fileName, e));
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
        fileNames[size] = fileName;
        rowNumbers[size] = number - skipHeader;
        return ++size < CAPACITY || flush();
    }

    /**
     * Hands on the rows received since the last batch, if any.
     *
     * @return false when the sink wants no more rows
     */
    boolean flush() {
        if (size == 0) {
            return true;
        }
        for (FieldVectorWriter writer : allWriters) {
            writer.finish(size);
        }
        batch.size(size);
        size = 0;
        boolean more = sink.accept(batch);
        for (DeferredFailures deferred : allFailures) {
            deferred.clear();
        }
        return more;
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
