package dev.stowage.format.parquet;

import dev.stowage.format.FileFormat;
import dev.stowage.scan.Column;
import dev.stowage.scan.FormatReader;
import dev.stowage.scan.ScanSpec;
import dev.stowage.scan.ScanUnit;
import dev.stowage.scan.ScanUnits;
import dev.stowage.scan.SourceFile;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import org.apache.parquet.hadoop.metadata.BlockMetaData;

/**
 * Reads Parquet files with parquet-java, without Hadoop. A file's scan units are its row groups, in file order,
 * less those whose statistics rule out every row the scan's predicates accept.
 *
 * <p>The format option {@code missing_field_as} decides what a column the file lacks reads as: {@code ERROR} (the
 * default) fails with {@link dev.stowage.error.ErrorCode#SCHEMA_MISMATCH}, {@code FIELD_DEFAULT} reads NULL.
 * Immutable and thread-safe.
 */
public final class ParquetFormatReader implements FormatReader {
    private final boolean missingAsNull;

    /** Creates a reader of files in {@code format}, a Parquet file format. */
    public ParquetFormatReader(FileFormat format) {
        Objects.requireNonNull(format, "format is null");
        this.missingAsNull = "FIELD_DEFAULT".equalsIgnoreCase(format.option("missing_field_as"));
    }

    /**
     * Returns the columns of the file's footer, one per top-level field: lists, maps and groups as nullable VARCHAR
     * holding JSON. {@code maxRecords} is not used; the footer holds the schema.
     *
     * @throws dev.stowage.error.StowageException {@link dev.stowage.error.ErrorCode#BAD_DATA} naming the file when
     *     it is not a readable Parquet file
     */
    @Override
    public List<Column> schema(SourceFile file, long maxRecords) throws IOException {
        return ParquetSchemas.columns(ParquetFooter.read(file).schema());
    }

    /**
     * Returns one unit per row group that may hold matching rows. Reads the footer and resolves the outputs now, so
     * a missing or incompatible column fails before any row is produced.
     *
     * @throws dev.stowage.error.StowageException {@link dev.stowage.error.ErrorCode#BAD_DATA} naming the file when
     *     it is not a readable Parquet file; {@link dev.stowage.error.ErrorCode#SCHEMA_MISMATCH} naming the file and
     *     the column when a column is missing (with {@code missing_field_as = ERROR}) or has an incompatible type
     */
    @Override
    public ScanUnits units(SourceFile file, ScanSpec spec) throws IOException {
        ParquetFooter footer = ParquetFooter.read(file);
        ScanPlan plan = ScanPlan.resolve(file.name(), footer.schema(), spec, missingAsNull);
        RowGroupPruning pruning = RowGroupPruning.of(spec.predicates(), spec.schema(), footer.schema());
        Deque<ScanUnit> units = new ArrayDeque<>();
        long firstRow = 0;
        List<BlockMetaData> blocks = footer.metadata().getBlocks();
        for (int i = 0; i < blocks.size(); i++) {
            BlockMetaData block = blocks.get(i);
            if (block.getRowCount() > 0 && pruning.mightMatch(block)) {
                units.add(new RowGroupUnit(footer, plan, i, firstRow));
            }
            firstRow += block.getRowCount();
        }
        return new ScanUnits() {
            @Override
            public ScanUnit next() {
                return units.poll();
            }

            @Override
            public void close() {
                units.clear();
            }
        };
    }
}
