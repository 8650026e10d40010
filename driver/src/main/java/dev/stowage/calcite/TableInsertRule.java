package dev.stowage.calcite;

import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rel.core.TableModify;
import org.apache.calcite.rel.logical.LogicalTableModify;

/** Plans {@code INSERT INTO <catalog table>} as a {@link TableInsert}. */
final class TableInsertRule extends ConverterRule {
    static final TableInsertRule INSTANCE = new TableInsertRule(Config.INSTANCE
            .withConversion(LogicalTableModify.class,
                    modify -> modify.isInsert() && modify.getTable().unwrap(CatalogTable.class) != null,
                    Convention.NONE, EnumerableConvention.INSTANCE, "TableInsertRule")
            .withRuleFactory(TableInsertRule::new));

    private TableInsertRule(Config config) {
        super(config);
    }

    @Override
    public RelNode convert(RelNode rel) {
        TableModify modify = (TableModify) rel;
        RelNode input = convert(modify.getInput(), modify.getInput().getTraitSet()
                .replace(EnumerableConvention.INSTANCE));
        return new TableInsert(modify.getCluster(), modify.getTraitSet().replace(EnumerableConvention.INSTANCE),
                modify.getTable(), modify.getCatalogReader(), input);
    }
}
