package dev.stowage.calcite;

import dev.stowage.scan.ColumnType;
import dev.stowage.scan.OutputColumn;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Moves {@code CAST($n AS <type>)} of CSV and TSV fields into the scan: the reader converts the text while it
 * decodes, on its own threads, and names the file and line of a value that does not convert. Matches a projection
 * over the scan, with or without a filter between them; a field is converted only when every use of it, in the
 * projection and the filter, is the same cast, and one of those casts is evaluated for every row.
 */
final class StageCastRule extends RelRule<RuleConfig> {
    /** Matches {@code Project(StageFilesScan)}. */
    static final StageCastRule PROJECT_SCAN = (StageCastRule) RuleConfig.of("StageCastRule(Project)",
            b0 -> b0.operand(Project.class).oneInput(b1 -> b1.operand(StageFilesScan.class)
                    .predicate(StageCastRule::positional).noInputs()),
            StageCastRule::new).toRule();

    /** Matches {@code Project(Filter(StageFilesScan))}. */
    static final StageCastRule PROJECT_FILTER_SCAN = (StageCastRule) RuleConfig.of("StageCastRule(Project, Filter)",
            b0 -> b0.operand(Project.class).oneInput(b1 -> b1.operand(Filter.class).oneInput(
                    b2 -> b2.operand(StageFilesScan.class).predicate(StageCastRule::positional).noInputs())),
            StageCastRule::new).toRule();

    private static final Set<SqlTypeName> CONVERTIBLE = EnumSet.of(SqlTypeName.TINYINT, SqlTypeName.SMALLINT,
            SqlTypeName.INTEGER, SqlTypeName.BIGINT, SqlTypeName.REAL, SqlTypeName.FLOAT, SqlTypeName.DOUBLE,
            SqlTypeName.DECIMAL, SqlTypeName.BOOLEAN, SqlTypeName.DATE, SqlTypeName.TIMESTAMP);

    private StageCastRule(RuleConfig config) {
        super(config);
    }

    static boolean positional(StageFilesScan scan) {
        return scan.stageTable().schema().isEmpty();
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
        Project project = call.rel(0);
        Filter filter = call.rels.length == 3 ? call.rel(1) : null;
        StageFilesScan scan = call.rel(call.rels.length - 1);
        // what every row evaluates: the projection over a bare scan, else only the filter's first conjunct
        List<RexNode> everyRow = new ArrayList<>();
        List<RexNode> someRows = new ArrayList<>();
        if (filter == null) {
            everyRow.addAll(project.getProjects());
        } else {
            List<RexNode> conjuncts = RelOptUtil.conjunctions(filter.getCondition());
            everyRow.add(conjuncts.get(0));
            someRows.addAll(conjuncts.subList(1, conjuncts.size()));
            someRows.addAll(project.getProjects());
        }
        Map<Integer, RelDataType> casts = castsOf(everyRow, someRows, scan).everyRow();
        if (casts.isEmpty()) {
            return;
        }
        StageFilesScan converted = converting(scan, casts, Map.of());
        RexShuttle rewrite = castsRead(converted, casts);
        RelNode input = converted;
        if (filter != null) {
            input = filter.copy(filter.getTraitSet(), converted, filter.getCondition().accept(rewrite));
        }
        List<RexNode> projects = new ArrayList<>();
        for (RexNode node : project.getProjects()) {
            projects.add(node.accept(rewrite));
        }
        call.transformTo(project.copy(project.getTraitSet(), input, projects, project.getRowType()));
    }

    /**
     * Returns {@code scan} converting the fields of {@code everyRow} and, deferring their failures to the consumer of
     * the batches ({@link OutputColumn.Field#deferred()}), those of {@code someRows}, each to its type.
     */
    static StageFilesScan converting(StageFilesScan scan, Map<Integer, RelDataType> everyRow,
                                     Map<Integer, RelDataType> someRows) {
        List<TableColumn> columns = new ArrayList<>(scan.columns());
        Map<Integer, RelDataType> all = new HashMap<>(everyRow);
        all.putAll(someRows);
        all.forEach((index, type) -> {
            TableColumn column = columns.get(index);
            ColumnType converted = new ColumnType(type.getSqlTypeName() == SqlTypeName.FLOAT ? SqlTypeName.DOUBLE
                    : type.getSqlTypeName(), type.getPrecision(), type.getScale());
            OutputColumn.Field field = (OutputColumn.Field) column.output();
            columns.set(index, new TableColumn(column.name(), converted, true,
                    new OutputColumn.Field(field.index(), converted, someRows.containsKey(index))));
        });
        return scan.withColumns(columns);
    }

    /** Replaces each moved cast by a read of the converted field (cast again only where nullability differs). */
    static RexShuttle castsRead(StageFilesScan converted, Map<Integer, RelDataType> casts) {
        RexBuilder rexBuilder = converted.getCluster().getRexBuilder();
        return new RexShuttle() {
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
        };
    }

    /**
     * The fields a reader can convert.
     *
     * @param everyRow those cast in an expression evaluated for every row, which the reader can convert as it reads
     * @param someRows the others, cast only for some rows: converting them in the reader must not raise an error for
     *     a value the query would never have cast
     */
    record Casts(Map<Integer, RelDataType> everyRow, Map<Integer, RelDataType> someRows) {
    }

    /**
     * The scan fields used only as {@code CAST(field AS t)} with one convertible {@code t}, and that type, split by
     * whether a cast of the field is evaluated for every row ({@code everyRow} expressions) or only for some
     * ({@code someRows}).
     */
    static Casts castsOf(List<RexNode> everyRow, List<RexNode> someRows, StageFilesScan scan) {
        CastUses uses = new CastUses(scan);
        everyRow.forEach(node -> uses.visit(node, true));
        someRows.forEach(node -> uses.visit(node, false));
        uses.casts.keySet().removeAll(uses.excluded);
        Map<Integer, RelDataType> always = new HashMap<>();
        Map<Integer, RelDataType> sometimes = new HashMap<>();
        uses.casts.forEach((index, type) -> (uses.alwaysCast.contains(index) ? always : sometimes).put(index, type));
        return new Casts(always, sometimes);
    }

    /** Collects how an expression uses each scan field, and whether a cast of it is evaluated for every row. */
    private static final class CastUses {
        /** Operators that evaluate operands after the first only for some rows. */
        private static final Set<SqlKind> CONDITIONAL = EnumSet.of(SqlKind.CASE, SqlKind.AND, SqlKind.OR,
                SqlKind.COALESCE, SqlKind.NULLIF);

        private final StageFilesScan scan;
        final Map<Integer, RelDataType> casts = new HashMap<>();
        final Set<Integer> excluded = new HashSet<>();
        final Set<Integer> alwaysCast = new HashSet<>();

        CastUses(StageFilesScan scan) {
            this.scan = scan;
        }

        void visit(RexNode node, boolean everyRow) {
            if (node instanceof RexInputRef ref) {
                excluded.add(ref.getIndex());
            } else if (node instanceof RexCall call) {
                if (call.getKind() == SqlKind.CAST && call.operands.get(0) instanceof RexInputRef ref) {
                    int index = ref.getIndex();
                    RelDataType type = call.getType();
                    RelDataType seen = casts.putIfAbsent(index, type);
                    if (!convertible(scan, index, type) || seen != null && !sameValues(seen, type)) {
                        excluded.add(index);
                    }
                    if (everyRow) {
                        alwaysCast.add(index);
                    }
                    return;
                }
                boolean conditional = CONDITIONAL.contains(call.getKind());
                for (int i = 0; i < call.operands.size(); i++) {
                    visit(call.operands.get(i), everyRow && (i == 0 || !conditional));
                }
            }
        }
    }

    /** Casts that differ only in nullability produce the same values. */
    private static boolean sameValues(RelDataType a, RelDataType b) {
        return a.getSqlTypeName() == b.getSqlTypeName() && a.getPrecision() == b.getPrecision()
                && a.getScale() == b.getScale();
    }

    private static boolean convertible(StageFilesScan scan, int index, RelDataType type) {
        TableColumn column = scan.columns().get(index);
        return column.output() instanceof OutputColumn.Field field && field.type().equals(ColumnType.VARCHAR)
                && CONVERTIBLE.contains(type.getSqlTypeName());
    }
}
