package dev.stowage.calcite;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * A small table whose rows come from a supplier each time it is scanned. It can be returned by a table macro:
 * {@link #toRel} plans it with {@link RowsTableScan}, which needs no schema path.
 */
public final class RowsTable extends AbstractTable implements ScannableTable, TranslatableTable {
    private final Function<RelDataTypeFactory, RelDataType> rowType;
    private final Supplier<List<Object[]>> rows;
    private final Schema.TableType tableType;

    /** Creates a table with the given row type and rows. */
    public RowsTable(Function<RelDataTypeFactory, RelDataType> rowType, Supplier<List<Object[]>> rows,
                     Schema.TableType tableType) {
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
        return Linq4j.asEnumerable(rows.get());
    }

    @Override
    public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
        return new RowsTableScan(context.getCluster(), relOptTable, this);
    }

    @Override
    public Schema.TableType getJdbcTableType() {
        return tableType;
    }
}
