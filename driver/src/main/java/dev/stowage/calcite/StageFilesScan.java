package dev.stowage.calcite;

import dev.stowage.scan.ColumnPredicate;
import dev.stowage.scan.OutputColumn;
import dev.stowage.scan.ScanSpec;
import dev.stowage.stage.FileSelection;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.tools.RelBuilder;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Scans staged files, producing only the columns the query uses (the field trimmer pushes the projection in through
 * {@link #project}) and telling the reader the filter's simple conditions ({@link StageFilterRule}) so it can skip
 * data that cannot match.
 */
final class StageFilesScan extends TableScan implements EnumerableRel {
    /** Row count assumed for planning; staged files are not counted before they are read. */
    private static final double ASSUMED_ROWS = 1_000_000;

    private final StageFilesTable stageTable;
    private final List<TableColumn> columns;
    private final List<ColumnPredicate> predicates;

    StageFilesScan(RelOptCluster cluster, RelOptTable table, StageFilesTable stageTable, List<TableColumn> columns,
                   List<ColumnPredicate> predicates) {
        super(cluster, cluster.traitSetOf(EnumerableConvention.INSTANCE), List.of(), table);
        this.stageTable = stageTable;
        this.columns = List.copyOf(columns);
        this.predicates = List.copyOf(predicates);
    }

    static RelDataType rowType(RelDataTypeFactory typeFactory, List<TableColumn> columns) {
        RelDataTypeFactory.Builder builder = typeFactory.builder();
        for (TableColumn column : columns) {
            builder.add(column.name(), column.type().toRelDataType(typeFactory, column.nullable()));
        }
        return builder.build();
    }

    List<TableColumn> columns() {
        return columns;
    }

    List<ColumnPredicate> predicates() {
        return predicates;
    }

    StageFilesTable stageTable() {
        return stageTable;
    }

    /** Returns this scan telling the reader {@code predicates}. */
    StageFilesScan withPredicates(List<ColumnPredicate> predicates) {
        return new StageFilesScan(getCluster(), getTable(), stageTable, columns, predicates);
    }

    /** Returns this scan producing {@code columns} instead. */
    StageFilesScan withColumns(List<TableColumn> columns) {
        return new StageFilesScan(getCluster(), getTable(), stageTable, columns, predicates);
    }

    @Override
    public RelDataType deriveRowType() {
        return rowType(getCluster().getTypeFactory(), columns);
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return this;
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        List<String> produced = new ArrayList<>();
        for (TableColumn column : columns) {
            // a deferred conversion fails only for a row the aggregate uses (StageAggregateRule)
            boolean deferred = column.output() instanceof OutputColumn.Field field && field.deferred();
            produced.add(column.name() + ":" + column.type() + (deferred ? " deferred" : ""));
        }
        // the digest must tell scans of different files or formats apart, or the planner merges them
        StageScanSource source = stageTable.source();
        FileSelection selection = source.selection();
        return super.explainTerms(pw)
                .item("location", selection.description())
                .itemIf("pattern", selection.pattern().text(), selection.pattern().text() != null)
                .itemIf("files", selection.files(), selection.files() != null)
                .item("format", source.format().toDisplayText())
                .item("columns", produced)
                .itemIf("predicates", predicates, !predicates.isEmpty());
    }

    @Override
    public RelNode project(ImmutableBitSet fieldsUsed, Set<RelDataTypeField> extraFields, RelBuilder relBuilder) {
        if (!extraFields.isEmpty()) {
            return super.project(fieldsUsed, extraFields, relBuilder);
        }
        List<TableColumn> used = new ArrayList<>();
        for (int field : fieldsUsed) {
            used.add(columns.get(field));
        }
        return withColumns(used);
    }

    @Override
    public void register(RelOptPlanner planner) {
        planner.addRule(StageFilterRule.INSTANCE);
        planner.addRule(StageCastRule.PROJECT_SCAN);
        planner.addRule(StageCastRule.PROJECT_FILTER_SCAN);
        planner.addRule(StageAggregateRule.AGGREGATE_SCAN);
        planner.addRule(StageAggregateRule.AGGREGATE_FILTER_SCAN);
        planner.addRule(StageAggregateRule.AGGREGATE_PROJECT_SCAN);
        planner.addRule(StageAggregateRule.AGGREGATE_PROJECT_FILTER_SCAN);
    }

    @Override
    public double estimateRowCount(RelMetadataQuery mq) {
        return predicates.isEmpty() ? ASSUMED_ROWS : ASSUMED_ROWS / 4;
    }

    @Override
    public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
        // decoding dominates: the cost grows with the columns read, so narrower scans win
        double rows = estimateRowCount(mq);
        return planner.getCostFactory().makeCost(rows, rows * (1 + columns.size()), 0);
    }

    @Override
    public Result implement(EnumerableRelImplementor implementor, Prefer preference) {
        return plan(null).implement(implementor, getRowType());
    }

    /** Returns the plan that reads this scan's rows, or aggregates them with {@code aggregation} when not null. */
    StageScanPlan plan(ScanAggregation aggregation) {
        List<OutputColumn> outputs = columns.stream().map(TableColumn::output).toList();
        if (aggregation == null && outputs.stream().anyMatch(
                output -> output instanceof OutputColumn.Field field && field.deferred())) {
            // rows have nowhere to carry a failure that only some consumers raise
            throw new IllegalStateException("deferred conversions are only read by scan aggregates");
        }
        return new StageScanPlan(stageTable.source(), new ScanSpec(stageTable.schema(), outputs, predicates),
                aggregation);
    }
}
