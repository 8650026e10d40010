package dev.stowage.calcite;

import dev.stowage.scan.Column;
import dev.stowage.scan.ColumnPredicate;
import dev.stowage.scan.OutputColumn;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;

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

    private static ColumnPredicate predicate(StageFilesScan scan, RexNode node) {
        if (!(node instanceof RexCall call)) {
            return null;
        }
        SqlKind kind = call.getKind();
        if ((kind == SqlKind.IS_NULL || kind == SqlKind.IS_NOT_NULL) && call.operands.get(0) instanceof RexInputRef ref) {
            int index = schemaIndex(scan, ref);
            return index < 0 ? null : new ColumnPredicate(index,
                    kind == SqlKind.IS_NULL ? ColumnPredicate.Op.IS_NULL : ColumnPredicate.Op.IS_NOT_NULL, null);
        }
        if (call.operands.size() != 2) {
            return null;
        }
        RexNode left = call.operands.get(0);
        RexNode right = call.operands.get(1);
        boolean flipped = false;
        if (left instanceof RexLiteral && right instanceof RexInputRef) {
            RexNode swap = left;
            left = right;
            right = swap;
            flipped = true;
        }
        if (!(left instanceof RexInputRef ref) || !(right instanceof RexLiteral literal) || literal.isNull()) {
            return null;
        }
        ColumnPredicate.Op op = switch (kind) {
            case EQUALS -> ColumnPredicate.Op.EQ;
            case NOT_EQUALS -> ColumnPredicate.Op.NE;
            case LESS_THAN -> flipped ? ColumnPredicate.Op.GT : ColumnPredicate.Op.LT;
            case LESS_THAN_OR_EQUAL -> flipped ? ColumnPredicate.Op.GE : ColumnPredicate.Op.LE;
            case GREATER_THAN -> flipped ? ColumnPredicate.Op.LT : ColumnPredicate.Op.GT;
            case GREATER_THAN_OR_EQUAL -> flipped ? ColumnPredicate.Op.LE : ColumnPredicate.Op.GE;
            default -> null;
        };
        int index = schemaIndex(scan, ref);
        if (op == null || index < 0) {
            return null;
        }
        Column column = scan.stageTable().schema().get(index);
        Comparable<?> value = value(literal, column);
        return value == null ? null : new ColumnPredicate(index, op, value);
    }

    private static int schemaIndex(StageFilesScan scan, RexInputRef ref) {
        return scan.columns().get(ref.getIndex()).output() instanceof OutputColumn.Field field ? field.index() : -1;
    }

    /** The literal in the internal representation of the column's type, or null when it has no exact one. */
    private static Comparable<?> value(RexLiteral literal, Column column) {
        try {
            return switch (column.type().typeName()) {
                case TINYINT -> literal.getValueAs(Byte.class);
                case SMALLINT -> literal.getValueAs(Short.class);
                case INTEGER, DATE, TIME -> literal.getValueAs(Integer.class);
                case BIGINT, TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE -> literal.getValueAs(Long.class);
                case REAL -> literal.getValueAs(Float.class);
                case DOUBLE -> literal.getValueAs(Double.class);
                case DECIMAL -> literal.getValueAs(BigDecimal.class);
                case VARCHAR -> literal.getValueAs(String.class);
                case BOOLEAN -> literal.getValueAs(Boolean.class);
                default -> null;
            };
        } catch (RuntimeException notExact) {
            return null;
        }
    }
}
