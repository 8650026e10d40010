package dev.stowage.format.parquet;

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
 * columns a batch of rows at a time and assembles nested ones record by record. Each read opens its own
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
        StorageInputFile input = new StorageInputFile(footer.file());
        try (ParquetFileReader reader = open(input)) {
            PageReadStore pages;
            List<ColumnDecoder> decoders;
            RecordReader<Object[]> records;
            try {
                reader.setRequestedSchema(plan.requestedColumns());
                pages = reader.readRowGroup(rowGroup);
                decoders = decoders(pages);
                records = records(pages);
            } catch (IOException | RuntimeException e) {
                throw ReadFailures.failure(e, input, "row group " + rowGroup);
            }
            int width = plan.width();
            for (long done = 0; done < rowCount; ) {
                checkInterrupted();
                int count = (int) Math.min(BATCH, rowCount - done);
                Object[][] rows = new Object[count][];
                for (int i = 0; i < count; i++) {
                    rows[i] = new Object[width];
                }
                try {
                    decode(rows, count, decoders, records, firstRow + done);
                } catch (IOException | RuntimeException e) {
                    throw ReadFailures.failure(e, input, "row group " + rowGroup + ", rows " + (firstRow + done)
                            + " to " + (firstRow + done + count - 1));
                }
                for (int i = 0; i < count; i++) {
                    if (!sink.accept(rows[i])) {
                        return;
                    }
                }
                done += count;
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
            decoders.add(new ColumnDecoder(column.descriptor(), column.leaf(), column.slot(),
                    pages.getPageReader(column.descriptor()), footer.createdBy()));
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

    private void decode(Object[][] rows, int count, List<ColumnDecoder> decoders, RecordReader<Object[]> records,
            long batchFirstRow) throws IOException {
        for (ColumnDecoder decoder : decoders) {
            decoder.fill(rows, count);
        }
        for (int i = 0; i < count; i++) {
            Object[] record = records == null ? null : records.read();
            plan.finish(rows[i], record, batchFirstRow + i);
        }
    }

    private static void checkInterrupted() throws InterruptedIOException {
        if (Thread.interrupted()) {
            throw new InterruptedIOException("the scan was cancelled");
        }
    }
}
