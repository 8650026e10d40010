package dev.stowage.calcite;

import dev.stowage.scan.ColumnType;
import dev.stowage.scan.OutputColumn;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexVisitorImpl;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Moves {@code CAST($n AS <type>)} of CSV and TSV fields into the scan: the reader converts the text while it
 * decodes, on its own threads, and names the file and line of a value that does not convert. A field is converted
 * only when every use of it in the projection is the same cast.
 */
final class StageCastRule extends RelRule<RuleConfig> {
    static final StageCastRule INSTANCE = (StageCastRule) RuleConfig.of("StageCastRule",
            b0 -> b0.operand(Project.class).oneInput(b1 -> b1.operand(StageFilesScan.class)
                    .predicate(scan -> scan.stageTable().schema().isEmpty()).noInputs()),
            StageCastRule::new).toRule();

    private static final Set<SqlTypeName> CONVERTIBLE = EnumSet.of(SqlTypeName.TINYINT, SqlTypeName.SMALLINT,
            SqlTypeName.INTEGER, SqlTypeName.BIGINT, SqlTypeName.REAL, SqlTypeName.FLOAT, SqlTypeName.DOUBLE,
            SqlTypeName.DECIMAL, SqlTypeName.BOOLEAN, SqlTypeName.DATE, SqlTypeName.TIMESTAMP);

    private StageCastRule(RuleConfig config) {
        super(config);
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
        Project project = call.rel(0);
        StageFilesScan scan = call.rel(1);
        Map<Integer, RelDataType> casts = convertibleCasts(project, scan);
        if (casts.isEmpty()) {
            return;
        }
        List<TableColumn> columns = new ArrayList<>(scan.columns());
        casts.forEach((index, type) -> {
            TableColumn column = columns.get(index);
            ColumnType converted = new ColumnType(type.getSqlTypeName() == SqlTypeName.FLOAT ? SqlTypeName.DOUBLE
                    : type.getSqlTypeName(), type.getPrecision(), type.getScale());
            OutputColumn.Field field = (OutputColumn.Field) column.output();
            columns.set(index, new TableColumn(column.name(), converted, true,
                    new OutputColumn.Field(field.index(), converted)));
        });
        StageFilesScan converted = scan.withColumns(columns);
        RexBuilder rexBuilder = project.getCluster().getRexBuilder();
        List<RexNode> projects = new ArrayList<>();
        for (RexNode node : project.getProjects()) {
            projects.add(node.accept(new RexShuttle() {
                @Override
                public RexNode visitCall(RexCall cast) {
                    if (cast.getKind() == SqlKind.CAST && cast.operands.get(0) instanceof RexInputRef ref
                            && casts.containsKey(ref.getIndex())) {
                        RexNode input = rexBuilder.makeInputRef(converted, ref.getIndex());
                        return input.getType().equals(cast.getType()) ? input
                                : rexBuilder.makeCast(cast.getType(), input, true, false);
                    }
                    return super.visitCall(cast);
                }
            }));
        }
        call.transformTo(project.copy(project.getTraitSet(), converted, projects, project.getRowType()));
    }

    /** The scan fields used only as {@code CAST(field AS t)} with one convertible {@code t}, and that type. */
    private static Map<Integer, RelDataType> convertibleCasts(Project project, StageFilesScan scan) {
        Map<Integer, RelDataType> casts = new HashMap<>();
        Set<Integer> excluded = new java.util.HashSet<>();
        for (RexNode node : project.getProjects()) {
            node.accept(new RexVisitorImpl<Void>(true) {
                @Override
                public Void visitCall(RexCall call) {
                    if (call.getKind() == SqlKind.CAST && call.operands.get(0) instanceof RexInputRef ref) {
                        int index = ref.getIndex();
                        RelDataType type = call.getType();
                        RelDataType seen = casts.putIfAbsent(index, type);
                        if (!convertible(scan, index, type) || seen != null && !seen.equals(type)) {
                            excluded.add(index);
                        }
                        return null;
                    }
                    return super.visitCall(call);
                }

                @Override
                public Void visitInputRef(RexInputRef ref) {
                    excluded.add(ref.getIndex());
                    return null;
                }
            });
        }
        casts.keySet().removeAll(excluded);
        return casts;
    }

    private static boolean convertible(StageFilesScan scan, int index, RelDataType type) {
        TableColumn column = scan.columns().get(index);
        return column.output() instanceof OutputColumn.Field field && field.type().equals(ColumnType.VARCHAR)
                && CONVERTIBLE.contains(type.getSqlTypeName());
    }
}
