package dev.stowage.calcite;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Computes global aggregates inside the scan of staged files ({@link StageAggregateScan}): COUNT, SUM, MIN and MAX
 * without grouping or DISTINCT, over the scan or over a filter on it whose every conjunct is a simple comparison
 * ({@link SlotPredicate}). The rows are then folded on the threads that decode them, never handed to the engine.
 * AVG arrives here as SUM and COUNT, which Calcite reduces it to.
 */
final class StageAggregateRule extends RelRule<RuleConfig> {
    /** Matches {@code Aggregate(StageFilesScan)}. */
    static final StageAggregateRule AGGREGATE_SCAN = (StageAggregateRule) RuleConfig.of("StageAggregateRule",
            b0 -> b0.operand(Aggregate.class).predicate(StageAggregateRule::global)
                    .oneInput(b1 -> b1.operand(StageFilesScan.class).noInputs()),
            StageAggregateRule::new).toRule();

    /** Matches {@code Aggregate(Filter(StageFilesScan))}. */
    static final StageAggregateRule AGGREGATE_FILTER_SCAN = (StageAggregateRule) RuleConfig.of(
            "StageAggregateRule(Filter)",
            b0 -> b0.operand(Aggregate.class).predicate(StageAggregateRule::global).oneInput(
                    b1 -> b1.operand(Filter.class).oneInput(b2 -> b2.operand(StageFilesScan.class).noInputs())),
            StageAggregateRule::new).toRule();

    private StageAggregateRule(RuleConfig config) {
        super(config);
    }

    private static boolean global(Aggregate aggregate) {
        return aggregate.getGroupSet().isEmpty() && aggregate.getGroupType() == Aggregate.Group.SIMPLE;
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
        Aggregate aggregate = call.rel(0);
        Filter filter = call.rels.length == 3 ? call.rel(1) : null;
        StageFilesScan scan = call.rel(call.rels.length - 1);
        List<SlotPredicate> conditions = new ArrayList<>();
        if (filter != null) {
            for (RexNode conjunct : RelOptUtil.conjunctions(filter.getCondition())) {
                SlotPredicate condition = SlotPredicate.of(scan, conjunct);
                if (condition == null) {
                    return;
                }
                conditions.add(condition);
            }
        }
        List<ScanAggregation.Call> calls = new ArrayList<>();
        for (AggregateCall aggregateCall : aggregate.getAggCallList()) {
            ScanAggregation.Call scanCall = scanCall(aggregateCall, scan);
            if (scanCall == null) {
                return;
            }
            calls.add(scanCall);
        }
        call.transformTo(new StageAggregateScan(scan, new ScanAggregation(calls, conditions),
                aggregate.getRowType(), aggregate.getAggCallList(), conditions));
    }

    /** The call computed in the scan, or null when it cannot be. */
    private static ScanAggregation.Call scanCall(AggregateCall call, StageFilesScan scan) {
        if (call.isDistinct() || call.filterArg >= 0 || call.getArgList().size() > 1
                || !call.getCollation().getFieldCollations().isEmpty()) {
            return null;
        }
        List<Integer> args = call.getArgList();
        if (args.isEmpty()) {
            return call.getAggregation().getKind() == SqlKind.COUNT
                    ? new ScanAggregation.Call(ScanAggregation.Kind.COUNT_ALL, -1, null) : null;
        }
        int slot = args.get(0);
        SqlTypeName argument = scan.columns().get(slot).type().typeName();
        SqlTypeName result = call.getType().getSqlTypeName();
        return switch (call.getAggregation().getKind()) {
            case COUNT -> new ScanAggregation.Call(ScanAggregation.Kind.COUNT, slot, null);
            case SUM, SUM0 -> summable(argument, result) ? new ScanAggregation.Call(
                    call.getAggregation().getKind() == SqlKind.SUM
                            ? ScanAggregation.Kind.SUM : ScanAggregation.Kind.SUM0, slot, result) : null;
            case MIN, MAX -> argument == SqlTypeName.VARBINARY || argument == SqlTypeName.BINARY ? null
                    : new ScanAggregation.Call(call.getAggregation().getKind() == SqlKind.MIN
                            ? ScanAggregation.Kind.MIN : ScanAggregation.Kind.MAX, slot, null);
            default -> null;
        };
    }

    /** Sums that add as their result type says: integers to BIGINT, numbers to DOUBLE, DECIMAL to DECIMAL. */
    private static boolean summable(SqlTypeName argument, SqlTypeName result) {
        boolean integer = SqlTypeName.INT_TYPES.contains(argument);
        return switch (result) {
            case BIGINT -> integer && argument != SqlTypeName.BIGINT;
            case DOUBLE, REAL, FLOAT -> integer || SqlTypeName.APPROX_TYPES.contains(argument);
            case DECIMAL -> integer || argument == SqlTypeName.DECIMAL;
            default -> false;
        };
    }
}
