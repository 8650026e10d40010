package dev.stowage.calcite;

import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.linq4j.tree.Blocks;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.util.BuiltInMethod;

/**
 * Scans a {@link ScannableTable} that has no schema path (one returned by a table macro): the table object itself
 * is stashed into the generated code rather than looked up by name.
 */
final class RowsTableScan extends TableScan implements EnumerableRel {
    private final ScannableTable scannable;

    RowsTableScan(RelOptCluster cluster, RelOptTable table, ScannableTable scannable) {
        super(cluster, cluster.traitSetOf(EnumerableConvention.INSTANCE), List.of(), table);
        this.scannable = scannable;
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new RowsTableScan(getCluster(), getTable(), scannable);
    }

    @Override
    public Result implement(EnumerableRelImplementor implementor, Prefer preference) {
        // rows are always Object[], even with one column, so the physical type must not be optimized to SCALAR
        PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(), JavaRowFormat.ARRAY, false);
        Expression table = implementor.stash(scannable, ScannableTable.class);
        Expression rows = Expressions.call(table, BuiltInMethod.SCANNABLE_TABLE_SCAN.method, DataContext.ROOT);
        return implementor.result(physType, Blocks.toBlock(rows));
    }
}
