package dev.stowage.calcite;

import dev.stowage.scan.ColumnBatch;
import dev.stowage.scan.ColumnPredicate;
import dev.stowage.scan.ColumnType;
import dev.stowage.scan.ColumnVector;
import dev.stowage.scan.DoubleVector;
import dev.stowage.scan.LongVector;
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
    boolean test(Object[] row) {
        return matches(row[slot]);
    }

    /** Returns whether the value {@code actual} of the column satisfies the condition. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private boolean matches(Object actual) {
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

    /**
     * Keeps those of the rows {@code selection[0..count)} of {@code batch} that satisfy the condition, in order, at
     * the start of {@code selection}, and returns how many they are. Integers and floating-point numbers compare as
     * {@link #test} compares their boxed values ({@link Double#compare} order for the latter).
     */
    int select(ColumnBatch batch, int[] selection, int count) {
        ColumnVector vector = batch.vector(slot);
        if (op == ColumnPredicate.Op.IS_NULL || op == ColumnPredicate.Op.IS_NOT_NULL) {
            boolean wanted = op == ColumnPredicate.Op.IS_NULL;
            int kept = 0;
            for (int k = 0; k < count; k++) {
                int row = selection[k];
                if (vector.isNull(row) == wanted) {
                    selection[kept++] = row;
                }
            }
            return kept;
        }
        if (vector instanceof LongVector longs && isIntegral(value)) {
            Range range = Range.of(op, ((Number) value).longValue());
            long[] values = longs.values();
            boolean[] nulls = longs.hasNulls() ? longs.nulls() : null;
            int kept = 0;
            for (int k = 0; range != null && k < count; k++) {
                int row = selection[k];
                if (range.contains(values[row]) && (nulls == null || !nulls[row])) {
                    selection[kept++] = row;
                }
            }
            return kept;
        }
        if (vector instanceof DoubleVector doubles && (value instanceof Double || value instanceof Float)) {
            Range range = Range.of(op, orderKey(((Number) value).doubleValue()));
            double[] values = doubles.values();
            boolean[] nulls = doubles.hasNulls() ? doubles.nulls() : null;
            int kept = 0;
            for (int k = 0; range != null && k < count; k++) {
                int row = selection[k];
                if (range.contains(orderKey(values[row])) && (nulls == null || !nulls[row])) {
                    selection[kept++] = row;
                }
            }
            return kept;
        }
        int kept = 0;
        for (int k = 0; k < count; k++) {
            int row = selection[k];
            if (matches(vector.get(row))) {
                selection[kept++] = row;
            }
        }
        return kept;
    }

    /** The values a comparison with a constant accepts: those in {@code [low, high]}, or outside it. */
    private record Range(long low, long high, boolean outside) {
        /** Returns the values {@code op constant} accepts, or null when there are none. */
        static Range of(ColumnPredicate.Op op, long constant) {
            return switch (op) {
                case EQ -> new Range(constant, constant, false);
                case NE -> new Range(constant, constant, true);
                case LT -> constant == Long.MIN_VALUE ? null : new Range(Long.MIN_VALUE, constant - 1, false);
                case LE -> new Range(Long.MIN_VALUE, constant, false);
                case GT -> constant == Long.MAX_VALUE ? null : new Range(constant + 1, Long.MAX_VALUE, false);
                case GE -> new Range(constant, Long.MAX_VALUE, false);
                default -> throw new AssertionError(op);
            };
        }

        boolean contains(long value) {
            return (value >= low && value <= high) != outside;
        }
    }

    private static boolean isIntegral(Object value) {
        return value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte;
    }

    /** A key whose signed order is {@link Double#compare}'s order of the doubles (NaN last, -0.0 before 0.0). */
    private static long orderKey(double value) {
        long bits = Double.doubleToLongBits(value);
        return bits >= 0 ? bits : bits ^ Long.MAX_VALUE;
    }

    @Override
    public String toString() {
        return "$" + slot + " " + op + (value == null ? "" : " " + value);
    }
}
