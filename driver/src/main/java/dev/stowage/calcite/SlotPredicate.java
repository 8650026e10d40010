package dev.stowage.calcite;

import dev.stowage.scan.ColumnPredicate;
import dev.stowage.scan.ColumnType;
import java.math.BigDecimal;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;

/**
 * A simple condition on one column of a staged-file scan's rows, {@code column <op> constant}, with SQL's meaning:
 * a comparison with NULL is not true.
 *
 * @param slot the column's position in the scan's rows
 * @param op the comparison
 * @param value the constant in the internal representation of the column's type; null for the NULL tests
 */
record SlotPredicate(int slot, ColumnPredicate.Op op, Comparable<?> value) {
    /**
     * Returns the condition {@code node} states on a column of {@code scan}, or null when it is not a comparison of
     * a column with a constant of exactly the column's type.
     */
    static SlotPredicate of(StageFilesScan scan, RexNode node) {
        if (!(node instanceof RexCall call)) {
            return null;
        }
        SqlKind kind = call.getKind();
        if ((kind == SqlKind.IS_NULL || kind == SqlKind.IS_NOT_NULL) && call.operands.get(0) instanceof RexInputRef ref) {
            return new SlotPredicate(ref.getIndex(),
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
        if (op == null) {
            return null;
        }
        Comparable<?> value = value(literal, scan.columns().get(ref.getIndex()).type());
        return value == null ? null : new SlotPredicate(ref.getIndex(), op, value);
    }

    /** The literal in the internal representation of {@code type}, or null when it has no exact one. */
    private static Comparable<?> value(RexLiteral literal, ColumnType type) {
        try {
            return switch (type.typeName()) {
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

    /** Returns whether {@code row} satisfies the condition. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    boolean test(Object[] row) {
        Object actual = row[slot];
        if (op == ColumnPredicate.Op.IS_NULL || op == ColumnPredicate.Op.IS_NOT_NULL) {
            return (actual == null) == (op == ColumnPredicate.Op.IS_NULL);
        }
        if (actual == null) {
            return false;
        }
        int order = actual instanceof BigDecimal decimal ? decimal.compareTo((BigDecimal) value)
                : ((Comparable) actual).compareTo(value);
        return switch (op) {
            case EQ -> order == 0;
            case NE -> order != 0;
            case LT -> order < 0;
            case LE -> order <= 0;
            case GT -> order > 0;
            case GE -> order >= 0;
            default -> throw new AssertionError(op);
        };
    }

    @Override
    public String toString() {
        return "$" + slot + " " + op + (value == null ? "" : " " + value);
    }
}
