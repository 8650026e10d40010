package dev.stowage.calcite;

import dev.stowage.scan.ColumnPredicate;
import dev.stowage.scan.OutputColumn;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Computes global aggregates inside the scan of staged files ({@link StageAggregateScan}): COUNT, SUM, MIN and MAX
 * without grouping or DISTINCT, over the scan or over a filter on it whose every conjunct is a simple comparison
 * ({@link SlotPredicate}), possibly through a projection of columns. The rows are then folded on the threads that
 * decode them, never handed to the engine. AVG arrives here as SUM and COUNT, which Calcite reduces it to.
 *
 * <p>Casts of CSV and TSV fields, in the filter and the projection, are moved into the reader as {@link StageCastRule}
 * moves them; those the query evaluates only for some rows (in a later conjunct of the filter, or in the projection
 * of the rows the filter keeps) are converted with their failures deferred ({@link OutputColumn.Field#deferred()}):
 * {@link ScanAggregation} raises the failure of a value only if its row is still selected where the value is used.
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

    /** Matches {@code Aggregate(Project(StageFilesScan))}. */
    static final StageAggregateRule AGGREGATE_PROJECT_SCAN = (StageAggregateRule) RuleConfig.of(
            "StageAggregateRule(Project)",
            b0 -> b0.operand(Aggregate.class).predicate(StageAggregateRule::global).oneInput(
                    b1 -> b1.operand(Project.class).oneInput(b2 -> b2.operand(StageFilesScan.class).noInputs())),
            StageAggregateRule::new).toRule();

    /** Matches {@code Aggregate(Project(Filter(StageFilesScan)))}. */
    static final StageAggregateRule AGGREGATE_PROJECT_FILTER_SCAN = (StageAggregateRule) RuleConfig.of(
            "StageAggregateRule(Project, Filter)",
            b0 -> b0.operand(Aggregate.class).predicate(StageAggregateRule::global).oneInput(
                    b1 -> b1.operand(Project.class).oneInput(b2 -> b2.operand(Filter.class).oneInput(
                            b3 -> b3.operand(StageFilesScan.class).noInputs()))),
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
        Project project = null;
        Filter filter = null;
        for (int i = 1; i < call.rels.length - 1; i++) {
            if (call.rel(i) instanceof Project p) {
                project = p;
            } else {
                filter = call.rel(i);
            }
        }
        StageFilesScan scan = call.rel(call.rels.length - 1);
        List<RexNode> conjuncts = filter == null ? List.of() : RelOptUtil.conjunctions(filter.getCondition());
        List<RexNode> projects = project == null ? List.of() : project.getProjects();
        StageFilesScan converted = scan;
        RexShuttle rewrite = new RexShuttle();
        if (StageCastRule.positional(scan)) {
            // as in StageCastRule: every row evaluates the filter's first conjunct, or the projection of a bare scan
            List<RexNode> everyRow = new ArrayList<>();
            List<RexNode> someRows = new ArrayList<>();
            if (conjuncts.isEmpty()) {
                everyRow.addAll(projects);
            } else {
                everyRow.add(conjuncts.get(0));
                someRows.addAll(conjuncts.subList(1, conjuncts.size()));
                someRows.addAll(projects);
            }
            StageCastRule.Casts casts = StageCastRule.castsOf(everyRow, someRows, scan);
            if (!casts.everyRow().isEmpty() || !casts.someRows().isEmpty()) {
                converted = StageCastRule.converting(scan, casts.everyRow(), casts.someRows());
                Map<Integer, RelDataType> all = new HashMap<>(casts.everyRow());
                all.putAll(casts.someRows());
                rewrite = StageCastRule.castsRead(converted, all);
            }
        }
        List<SlotPredicate> conditions = new ArrayList<>();
        for (RexNode conjunct : conjuncts) {
            SlotPredicate condition = SlotPredicate.of(converted, conjunct.accept(rewrite));
            if (condition == null) {
                return;
            }
            conditions.add(condition);
        }
        if (converted.predicates().isEmpty()) {
            // the reader also skips row groups the conditions rule out, as under a filter
            List<ColumnPredicate> pruning = new ArrayList<>();
            for (SlotPredicate condition : conditions) {
                ColumnPredicate predicate = StageFilterRule.pruning(converted, condition);
                if (predicate != null) {
                    pruning.add(predicate);
                }
            }
            converted = pruning.isEmpty() ? converted : converted.withPredicates(pruning);
        }
        // the scan column of each field of the aggregate's input
        List<Integer> inputs = new ArrayList<>();
        for (RexNode node : projects) {
            inputs.add(node.accept(rewrite) instanceof RexInputRef ref ? ref.getIndex() : -1);
        }
        List<AggregateCall> aggregateCalls = new ArrayList<>();
        List<ScanAggregation.Call> calls = new ArrayList<>();
        for (AggregateCall aggregateCall : aggregate.getAggCallList()) {
            AggregateCall scanned = project == null ? aggregateCall : over(aggregateCall, inputs);
            ScanAggregation.Call scanCall = scanned == null ? null : scanCall(scanned, converted);
            if (scanCall == null) {
                return;
            }
            aggregateCalls.add(scanned);
            calls.add(scanCall);
        }
        call.transformTo(new StageAggregateScan(converted, new ScanAggregation(calls, conditions),
                aggregate.getRowType(), aggregateCalls, conditions));
    }

    /** Returns {@code call} reading the scan columns {@code inputs} projects, or null when one is not a column. */
    private static AggregateCall over(AggregateCall call, List<Integer> inputs) {
        List<Integer> args = new ArrayList<>();
        for (int arg : call.getArgList()) {
            if (inputs.get(arg) < 0) {
                return null;
            }
            args.add(inputs.get(arg));
        }
        return call.withArgList(args);
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
