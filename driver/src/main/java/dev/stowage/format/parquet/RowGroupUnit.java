package dev.stowage.format.parquet;

import dev.stowage.scan.BatchSink;
import dev.stowage.scan.ColumnBatch;
import dev.stowage.scan.ColumnVector;
import dev.stowage.scan.ObjectVector;
import dev.stowage.scan.RowSink;
import dev.stowage.scan.ScanUnit;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ColumnPath;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;

/**
 * Reads one row group: fetches the chunks of the columns the plan needs (a few large ranged reads), decodes flat
 * columns a batch of rows at a time into column vectors and assembles nested ones record by record. Rows are built
 * from the vectors; batches hand them on as they are. Each read opens its own
 * parquet-java reader, so units of a file may be read concurrently.
 */
final class RowGroupUnit implements ScanUnit {
    /** Rows decoded before they are handed to the sink; also how often cancellation is checked. */
    static final int BATCH = 2048;

    private final ParquetFooter footer;
    private final ScanPlan plan;
    private final int rowGroup;
    private final long firstRow;
    private final long rowCount;

    RowGroupUnit(ParquetFooter footer, ScanPlan plan, int rowGroup, long firstRow) {
        this.footer = footer;
        this.plan = plan;
        this.rowGroup = rowGroup;
        this.firstRow = firstRow;
        this.rowCount = footer.metadata().getBlocks().get(rowGroup).getRowCount();
    }

    /** The compressed size of the column chunks read: they are held whole while the row group is decoded. */
    @Override
    public long memoryEstimate() {
        Set<ColumnPath> requested = new HashSet<>();
        for (ColumnDescriptor column : plan.requestedColumns()) {
            requested.add(ColumnPath.get(column.getPath()));
        }
        long bytes = 0;
        for (ColumnChunkMetaData chunk : footer.metadata().getBlocks().get(rowGroup).getColumns()) {
            if (requested.contains(chunk.getPath())) {
                bytes += chunk.getTotalSize();
            }
        }
        return bytes;
    }

    @Override
    public void read(RowSink sink) throws IOException {
        checkInterrupted();
        if (plan.requestedColumns().isEmpty()) {
            readWithoutData(sink);
            return;
        }
        List<ScanPlan.FlatColumn> flat = plan.flatColumns();
        ObjectVector[] vectors = new ObjectVector[flat.size()];
        for (int i = 0; i < vectors.length; i++) {
            vectors[i] = new ObjectVector(flat.get(i).leaf().type(), BATCH);
        }
        int width = plan.width();
        decode(vectors, (count, batchFirstRow, records) -> {
            Object[][] rows = new Object[count][];
            for (int i = 0; i < count; i++) {
                rows[i] = new Object[width];
            }
            for (int c = 0; c < vectors.length; c++) {
                Object[] values = vectors[c].values();
                int slot = flat.get(c).slot();
                for (int i = 0; i < count; i++) {
                    rows[i][slot] = values[i];
                }
            }
            for (int i = 0; i < count; i++) {
                plan.finish(rows[i], records == null ? null : records.read(), batchFirstRow + i);
            }
            return rows;
        }, rows -> {
            for (Object[] row : rows) {
                if (!sink.accept(row)) {
                    return false;
                }
            }
            return true;
        });
    }

    /**
     * Decodes flat columns straight into primitive vectors where their types allow ({@link
     * ScanPlan.FlatColumn#newBatchVector}); plans that assemble records or fill slots per row read rows instead.
     */
    @Override
    public void readBatches(BatchSink sink) throws IOException {
        checkInterrupted();
        if (!plan.columnar()) {
            ScanUnit.super.readBatches(sink);
            return;
        }
        List<ScanPlan.FlatColumn> flat = plan.flatColumns();
        ColumnVector[] vectors = new ColumnVector[flat.size()];
        ColumnVector[] slots = new ColumnVector[plan.width()];
        for (int i = 0; i < vectors.length; i++) {
            vectors[i] = flat.get(i).newBatchVector(BATCH);
            slots[flat.get(i).slot()] = vectors[i];
        }
        for (int slot = 0; slot < slots.length; slot++) {
            if (slots[slot] == null) {
                // a column the file lacks: NULL in every row
                slots[slot] = new ObjectVector(null, BATCH);
            }
        }
        ColumnBatch batch = new ColumnBatch(slots);
        if (plan.requestedColumns().isEmpty()) {
            for (long done = 0; done < rowCount; done += BATCH) {
                checkInterrupted();
                batch.size((int) Math.min(BATCH, rowCount - done));
                if (!sink.accept(batch)) {
                    return;
                }
            }
            return;
        }
        decode(vectors, (count, batchFirstRow, records) -> {
            for (int c = 0; c < vectors.length; c++) {
                flat.get(c).convert(vectors[c], count);
            }
            batch.size(count);
            return batch;
        }, sink::accept);
    }

    /** Turns a batch of decoded column vectors into what a sink takes. */
    @FunctionalInterface
    private interface Assembly<T> {
        T assemble(int count, long batchFirstRow, RecordReader<Object[]> records) throws IOException;
    }

    /** Takes an assembled batch; returns false when no more rows are wanted. */
    @FunctionalInterface
    private interface Delivery<T> {
        boolean deliver(T batch) throws IOException;
    }

    /**
     * Decodes the row group a batch at a time: the flat columns into {@code vectors}, which {@code assembly} then
     * turns, with the records of nested columns, into what {@code delivery} takes. A failure to decode names the
     * file and rows; what the delivery throws passes as it is.
     */
    private <T> void decode(ColumnVector[] vectors, Assembly<T> assembly, Delivery<T> delivery) throws IOException {
        StorageInputFile input = new StorageInputFile(footer.file());
        try (ParquetFileReader reader = open(input)) {
            List<ColumnDecoder> decoders;
            RecordReader<Object[]> records;
            PageReadStore pages = null;
            try {
                reader.setRequestedSchema(plan.requestedColumns());
                pages = reader.readRowGroup(rowGroup);
                decoders = decoders(pages);
                records = records(pages);
            } catch (IOException | RuntimeException e) {
                if (pages != null) {
                    pages.close();
                }
                throw ReadFailures.failure(e, input, "row group " + rowGroup);
            }
            try {
                for (long done = 0; done < rowCount; ) {
                    checkInterrupted();
                    int count = (int) Math.min(BATCH, rowCount - done);
                    T batch;
                    try {
                        for (int c = 0; c < vectors.length; c++) {
                            decoders.get(c).fill(vectors[c], count);
                        }
                        batch = assembly.assemble(count, firstRow + done, records);
                    } catch (IOException | RuntimeException e) {
                        throw ReadFailures.failure(e, input, "row group " + rowGroup + ", rows " + (firstRow + done)
                                + " to " + (firstRow + done + count - 1));
                    }
                    if (!delivery.deliver(batch)) {
                        return;
                    }
                    done += count;
                }
            } finally {
                decoders.forEach(ColumnDecoder::release);
                // gives the chunk buffers back to ChunkBuffers for the next row group read
                pages.close();
            }
        }
    }

    private ParquetFileReader open(StorageInputFile input) throws IOException {
        try {
            return new ParquetFileReader(input, footer.metadata(), ParquetFooter.readOptions(), input.newStream());
        } catch (IOException | RuntimeException e) {
            throw ReadFailures.failure(e, input, "row group " + rowGroup);
        }
    }

    /** Rows that need no column data: counts, file names and row numbers. */
    private void readWithoutData(RowSink sink) throws IOException {
        int width = plan.width();
        for (long i = 0; i < rowCount; i++) {
            if (i % BATCH == 0) {
                checkInterrupted();
            }
            Object[] row = new Object[width];
            plan.finish(row, null, firstRow + i);
            if (!sink.accept(row)) {
                return;
            }
        }
    }

    private List<ColumnDecoder> decoders(PageReadStore pages) throws IOException {
        List<ScanPlan.FlatColumn> columns = plan.flatColumns();
        List<ColumnDecoder> decoders = new ArrayList<>(columns.size());
        for (ScanPlan.FlatColumn column : columns) {
            decoders.add(new ColumnDecoder(column.descriptor(), column.leaf(), pages.getPageReader(column.descriptor()),
                    footer.createdBy()));
        }
        return decoders;
    }

    private RecordReader<Object[]> records(PageReadStore pages) {
        MessageType assembly = plan.assembly();
        if (assembly == null) {
            return null;
        }
        return new ColumnIOFactory(footer.createdBy())
                .getColumnIO(assembly, footer.schema(), true)
                .getRecordReader(pages, new JsonRecordMaterializer(assembly), FilterCompat.NOOP);
    }

    private static void checkInterrupted() throws InterruptedIOException {
        if (Thread.interrupted()) {
            throw new InterruptedIOException("the scan was cancelled");
        }
    }
}
