package dev.stowage.calcite;

import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;

/** A staged-file scan that returns the global aggregates of the rows it reads, one row ({@link StageAggregateRule}). */
final class StageAggregateScan extends TableScan implements EnumerableRel {
    private final StageFilesScan scan;
    private final ScanAggregation aggregation;
    private final RelDataType aggregateRowType;
    private final List<AggregateCall> calls;
    private final List<SlotPredicate> conditions;

    StageAggregateScan(StageFilesScan scan, ScanAggregation aggregation, RelDataType rowType,
                       List<AggregateCall> calls, List<SlotPredicate> conditions) {
        super(scan.getCluster(), scan.getTraitSet(), List.of(), scan.getTable());
        this.scan = scan;
        this.aggregation = aggregation;
        this.aggregateRowType = rowType;
        this.calls = List.copyOf(calls);
        this.conditions = List.copyOf(conditions);
    }

    @Override
    public RelDataType deriveRowType() {
        return aggregateRowType;
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return this;
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        return scan.explainTerms(pw)
                .item("aggregates", calls)
                .itemIf("conditions", conditions, !conditions.isEmpty());
    }

    @Override
    public double estimateRowCount(RelMetadataQuery mq) {
        return 1;
    }

    @Override
    public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
        // the scan's work, less the rows it no longer hands on
        RelOptCost scanCost = scan.computeSelfCost(planner, mq);
        return planner.getCostFactory().makeCost(1, scanCost.getCpu() / 2, 0);
    }

    @Override
    public Result implement(EnumerableRelImplementor implementor, Prefer preference) {
        return scan.plan(aggregation).implement(implementor, getRowType());
    }
}
