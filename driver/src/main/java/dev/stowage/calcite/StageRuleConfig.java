package dev.stowage.calcite;

import java.util.function.Function;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.tools.RelBuilderFactory;

/**
 * The configuration of a planner rule over {@link StageFilesScan}: Calcite's {@link RelRule.Config} written as a
 * record, so the rules need no annotation processor.
 */
record StageRuleConfig(RelBuilderFactory relBuilderFactory, String description, RelRule.OperandTransform operandSupplier,
                       Function<StageRuleConfig, RelOptRule> factory) implements RelRule.Config {
    /** Returns the configuration of the rule {@code factory} builds, matching {@code operands}. */
    static StageRuleConfig of(String description, RelRule.OperandTransform operands,
                              Function<StageRuleConfig, RelOptRule> factory) {
        return new StageRuleConfig(RelFactories.LOGICAL_BUILDER, description, operands, factory);
    }

    @Override
    public RelOptRule toRule() {
        return factory.apply(this);
    }

    @Override
    public StageRuleConfig withRelBuilderFactory(RelBuilderFactory factory) {
        return new StageRuleConfig(factory, description, operandSupplier, this.factory);
    }

    @Override
    public StageRuleConfig withDescription(String description) {
        return new StageRuleConfig(relBuilderFactory, description, operandSupplier, factory);
    }

    @Override
    public StageRuleConfig withOperandSupplier(RelRule.OperandTransform transform) {
        return new StageRuleConfig(relBuilderFactory, description, transform, factory);
    }
}
