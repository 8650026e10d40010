package dev.stowage.calcite;

import dev.stowage.scan.StopCondition;
import java.util.Iterator;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * A table whose rows are produced lazily, each time it is scanned, by a stream that is closed when the scan ends.
 * A cancelled statement stops the scan at the next row. It can be returned by a table macro: {@link #toRel} plans
 * it with {@link RowsTableScan}, which needs no schema path.
 */
public final class RowsTable extends AbstractTable implements ScannableTable, TranslatableTable {
    private final Function<RelDataTypeFactory, RelDataType> rowType;
    private final Function<StopCondition, Stream<Object[]>> rows;
    private final Schema.TableType tableType;

    /** Creates a table with the given row type and rows. */
    public RowsTable(Function<RelDataTypeFactory, RelDataType> rowType, Supplier<Stream<Object[]>> rows,
                     Schema.TableType tableType) {
        this(rowType, tableType, stop -> rows.get());
    }

    /**
     * Creates a table with the given row type and rows, produced by work that is told the statement's stop
     * condition: the work of a statement (COPY) that is done before its first row is returned.
     */
    public RowsTable(Function<RelDataTypeFactory, RelDataType> rowType, Schema.TableType tableType,
                     Function<StopCondition, Stream<Object[]>> rows) {
        this.rowType = rowType;
        this.rows = rows;
        this.tableType = tableType;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory typeFactory) {
        return rowType.apply(typeFactory);
    }

    @Override
    public Enumerable<Object[]> scan(DataContext root) {
        Supplier<StopCondition> stop = StatementStops.of(root);
        return new AbstractEnumerable<>() {
            @Override
            public Enumerator<Object[]> enumerator() {
                StopCondition condition = stop.get();
                return new StreamEnumerator(rows.apply(condition), condition);
            }
        };
    }

    @Override
    public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
        return new RowsTableScan(context.getCluster(), relOptTable, this);
    }

    @Override
    public Schema.TableType getJdbcTableType() {
        return tableType;
    }

    /** Walks a stream of rows, checking the statement's cancel flag and query timeout before each one. */
    private static final class StreamEnumerator implements Enumerator<Object[]> {
        private final Stream<Object[]> stream;
        private final Iterator<Object[]> iterator;
        private final StopCondition stop;
        private Object[] current;

        StreamEnumerator(Stream<Object[]> stream, StopCondition stop) {
            this.stream = stream;
            this.iterator = stream.iterator();
            this.stop = stop;
        }

        @Override
        public Object[] current() {
            return current;
        }

        @Override
        public boolean moveNext() {
            stop.check();
            if (!iterator.hasNext()) {
                return false;
            }
            current = iterator.next();
            return true;
        }

        @Override
        public void reset() {
            throw new UnsupportedOperationException("a stream of rows cannot be reset");
        }

        @Override
        public void close() {
            stream.close();
        }
    }
}
