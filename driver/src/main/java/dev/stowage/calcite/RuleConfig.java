package dev.stowage.calcite;

import java.util.function.Function;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.tools.RelBuilderFactory;

/**
 * The configuration of one of Stowage's planner rules: Calcite's {@link RelRule.Config} written as a
 * record, so the rules need no annotation processor.
 */
record RuleConfig(RelBuilderFactory relBuilderFactory, String description, RelRule.OperandTransform operandSupplier,
                       Function<RuleConfig, RelOptRule> factory) implements RelRule.Config {
    /** Returns the configuration of the rule {@code factory} builds, matching {@code operands}. */
    static RuleConfig of(String description, RelRule.OperandTransform operands,
                              Function<RuleConfig, RelOptRule> factory) {
        return new RuleConfig(RelFactories.LOGICAL_BUILDER, description, operands, factory);
    }

    @Override
    public RelOptRule toRule() {
        return factory.apply(this);
    }

    @Override
    public RuleConfig withRelBuilderFactory(RelBuilderFactory factory) {
        return new RuleConfig(factory, description, operandSupplier, this.factory);
    }

    @Override
    public RuleConfig withDescription(String description) {
        return new RuleConfig(relBuilderFactory, description, operandSupplier, factory);
    }

    @Override
    public RuleConfig withOperandSupplier(RelRule.OperandTransform transform) {
        return new RuleConfig(relBuilderFactory, description, transform, factory);
    }
}
