package dev.stowage.calcite;

import dev.stowage.table.TableAppender;
import java.lang.reflect.Method;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.tree.BlockBuilder;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.linq4j.tree.Types;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.prepare.Prepare;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableModify;

/** {@code INSERT INTO <catalog table> ...}: appends the input's rows as new data files and returns their count. */
final class TableInsert extends TableModify implements EnumerableRel {
    private static final Method APPEND = Types.lookupMethod(InsertCall.class, "append", Enumerable.class,
            DataContext.class);

    TableInsert(RelOptCluster cluster, RelTraitSet traits, RelOptTable table, Prepare.CatalogReader catalogReader,
                RelNode input) {
        super(cluster, traits, table, catalogReader, input, Operation.INSERT, null, null, false);
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new TableInsert(getCluster(), traitSet, getTable(), getCatalogReader(), sole(inputs));
    }

    @Override
    public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
        BlockBuilder builder = new BlockBuilder();
        Result input = implementor.visitChild(this, 0, (EnumerableRel) getInput(), Prefer.ARRAY);
        Expression rows = builder.append("rows", input.block);
        CatalogTable table = getTable().unwrapOrThrow(CatalogTable.class);
        Expression appender = implementor.stash(new InsertCall(new TableAppender(table.catalog(), table.files(), table.definition()),
                input.physType.getFormat() == JavaRowFormat.SCALAR), InsertCall.class);
        builder.add(Expressions.return_(null, Expressions.call(appender, APPEND, rows, DataContext.ROOT)));
        PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(),
                pref.prefer(JavaRowFormat.SCALAR));
        return implementor.result(physType, builder.toBlock());
    }
}
