package dev.stowage.calcite;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.tools.RelBuilder;

/**
 * Feeds {@code SUM} of BIGINT its argument as DECIMAL: {@link StowageTypeSystem} makes such sums DECIMAL(38, 0) so
 * they cannot wrap around, and Calcite's code generator adds a DECIMAL sum only to DECIMAL values.
 */
final class ExactSumRule extends RelRule<RuleConfig> {
    static final ExactSumRule INSTANCE = (ExactSumRule) RuleConfig.of("ExactSumRule",
            b0 -> b0.operand(Aggregate.class).predicate(ExactSumRule::hasWideningSum).anyInputs(),
            ExactSumRule::new).toRule();

    private ExactSumRule(RuleConfig config) {
        super(config);
    }

    private static boolean hasWideningSum(Aggregate aggregate) {
        return aggregate.getAggCallList().stream().anyMatch(call -> widens(aggregate.getInput(), call));
    }

    private static boolean widens(RelNode input, AggregateCall call) {
        return (call.getAggregation().getKind() == SqlKind.SUM || call.getAggregation().getKind() == SqlKind.SUM0)
                && call.getType().getSqlTypeName() == SqlTypeName.DECIMAL && call.getArgList().size() == 1
                && input.getRowType().getFieldList().get(call.getArgList().get(0)).getType().getSqlTypeName()
                        != SqlTypeName.DECIMAL;
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
        Aggregate aggregate = call.rel(0);
        RelNode input = aggregate.getInput();
        RexBuilder rexBuilder = aggregate.getCluster().getRexBuilder();
        List<RexNode> projects = new ArrayList<>(rexBuilder.identityProjects(input.getRowType()));
        List<AggregateCall> calls = new ArrayList<>();
        for (AggregateCall aggregateCall : aggregate.getAggCallList()) {
            if (widens(input, aggregateCall)) {
                RexNode argument = projects.get(aggregateCall.getArgList().get(0));
                RelDataType decimal = rexBuilder.getTypeFactory().createTypeWithNullability(
                        aggregateCall.getType(), argument.getType().isNullable());
                projects.add(rexBuilder.makeCast(decimal, argument));
                calls.add(aggregateCall.withArgList(List.of(projects.size() - 1)));
            } else {
                calls.add(aggregateCall);
            }
        }
        RelBuilder builder = call.builder();
        builder.push(input).project(projects);
        call.transformTo(aggregate.copy(aggregate.getTraitSet(), builder.build(), aggregate.getGroupSet(),
                aggregate.getGroupSets(), calls));
    }
}
