package dev.stowage.calcite;

import dev.stowage.scan.Column;
import dev.stowage.scan.ColumnPredicate;
import dev.stowage.scan.OutputColumn;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rex.RexNode;

/**
 * Tells a scan of files read by name (Parquet, NDJSON) the simple conditions of the filter above it,
 * {@code column <op> constant} and {@code IS [NOT] NULL}, so the reader can skip data that cannot match (Parquet row
 * groups by their statistics). The filter stays: it still decides row by row.
 */
final class StageFilterRule extends RelRule<RuleConfig> {
    static final StageFilterRule INSTANCE = (StageFilterRule) RuleConfig.of("StageFilterRule",
            b0 -> b0.operand(Filter.class).oneInput(b1 -> b1.operand(StageFilesScan.class)
                    .predicate(scan -> scan.predicates().isEmpty() && !scan.stageTable().schema().isEmpty())
                    .noInputs()),
            StageFilterRule::new).toRule();

    private StageFilterRule(RuleConfig config) {
        super(config);
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
        Filter filter = call.rel(0);
        StageFilesScan scan = call.rel(1);
        List<ColumnPredicate> predicates = new ArrayList<>();
        for (RexNode conjunct : RelOptUtil.conjunctions(filter.getCondition())) {
            ColumnPredicate predicate = predicate(scan, conjunct);
            if (predicate != null) {
                predicates.add(predicate);
            }
        }
        if (!predicates.isEmpty()) {
            call.transformTo(filter.copy(filter.getTraitSet(), scan.withPredicates(predicates), filter.getCondition()));
        }
    }

    /** The condition {@code node} states on a column the reader prunes by, or null when there is none. */
    private static ColumnPredicate predicate(StageFilesScan scan, RexNode node) {
        SlotPredicate predicate = SlotPredicate.of(scan, node);
        return predicate == null ? null : pruning(scan, predicate);
    }

    /** The condition {@code predicate} states on a column the reader prunes by, or null when there is none. */
    static ColumnPredicate pruning(StageFilesScan scan, SlotPredicate predicate) {
        // positional formats (CSV, TSV) have no schema and no statistics to prune by
        if (scan.stageTable().schema().isEmpty()
                || !(scan.columns().get(predicate.slot()).output() instanceof OutputColumn.Field field)) {
            return null;
        }
        // the constant has the scan column's type, which is the schema column's for files read by name
        Column column = scan.stageTable().schema().get(field.index());
        return column.type().equals(scan.columns().get(predicate.slot()).type())
                ? new ColumnPredicate(field.index(), predicate.op(), predicate.value()) : null;
    }
}
