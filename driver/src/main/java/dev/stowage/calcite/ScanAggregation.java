package dev.stowage.calcite;

import dev.stowage.scan.PartialAggregate;
import java.math.BigDecimal;
import java.util.List;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Global aggregates (COUNT, SUM, MIN, MAX; no grouping, no DISTINCT) of the rows of a staged-file scan that satisfy
 * all of some simple conditions, computed per scan unit where the rows are decoded and merged in unit order.
 * Immutable.
 */
final class ScanAggregation implements PartialAggregate {
    /** What one aggregate computes. */
    enum Kind {
        COUNT_ALL, COUNT, SUM, SUM0, MIN, MAX
    }

    /**
     * One aggregate.
     *
     * @param kind what it computes
     * @param slot the scan column it reads; unused for {@link Kind#COUNT_ALL}
     * @param sum how a SUM adds, from its result type
     */
    record Call(Kind kind, int slot, SqlTypeName sum) {
    }

    private final List<Call> calls;
    private final List<SlotPredicate> conditions;

    ScanAggregation(List<Call> calls, List<SlotPredicate> conditions) {
        this.calls = List.copyOf(calls);
        this.conditions = List.copyOf(conditions);
    }

    @Override
    public Object[] start() {
        Object[] state = new Object[calls.size()];
        for (int i = 0; i < state.length; i++) {
            Call call = calls.get(i);
            state[i] = switch (call.kind()) {
                case COUNT_ALL, COUNT -> new long[1];
                case SUM, SUM0 -> switch (call.sum()) {
                    case BIGINT -> new LongSum();
                    case DOUBLE, REAL, FLOAT -> new double[2];
                    default -> new BigDecimal[1];
                };
                case MIN, MAX -> new Object[1];
            };
        }
        return state;
    }

    @Override
    public void add(Object[] state, Object[] row) {
        for (SlotPredicate condition : conditions) {
            if (!condition.test(row)) {
                return;
            }
        }
        for (int i = 0; i < state.length; i++) {
            Call call = calls.get(i);
            Object value = call.kind() == Kind.COUNT_ALL ? null : row[call.slot()];
            switch (call.kind()) {
                case COUNT_ALL -> ((long[]) state[i])[0]++;
                case COUNT -> {
                    if (value != null) {
                        ((long[]) state[i])[0]++;
                    }
                }
                case SUM, SUM0 -> {
                    if (value != null) {
                        addToSum(state[i], value);
                    }
                }
                case MIN, MAX -> keepExtreme((Object[]) state[i], value, call.kind() == Kind.MIN);
            }
        }
    }

    /** Adds the partial state {@code state} of a later unit to {@code total}. */
    void merge(Object[] total, Object[] state) {
        for (int i = 0; i < total.length; i++) {
            switch (calls.get(i).kind()) {
                case COUNT_ALL, COUNT -> ((long[]) total[i])[0] += ((long[]) state[i])[0];
                case SUM, SUM0 -> {
                    if (total[i] instanceof LongSum sum) {
                        sum.merge((LongSum) state[i]);
                    } else if (total[i] instanceof double[] sum) {
                        double[] other = (double[]) state[i];
                        sum[0] += other[0];
                        sum[1] += other[1];
                    } else {
                        BigDecimal other = ((BigDecimal[]) state[i])[0];
                        if (other != null) {
                            addToSum(total[i], other);
                        }
                    }
                }
                case MIN, MAX -> keepExtreme((Object[]) total[i], ((Object[]) state[i])[0],
                        calls.get(i).kind() == Kind.MIN);
            }
        }
    }

    /** Returns the aggregates' values, in the internal representation of their result types. */
    Object[] result(Object[] state) {
        Object[] row = new Object[state.length];
        for (int i = 0; i < row.length; i++) {
            Call call = calls.get(i);
            row[i] = switch (call.kind()) {
                case COUNT_ALL, COUNT -> ((long[]) state[i])[0];
                case SUM, SUM0 -> sumResult(state[i], call);
                case MIN, MAX -> ((Object[]) state[i])[0];
            };
        }
        return row;
    }

    private static Object sumResult(Object state, Call call) {
        boolean zeroWhenEmpty = call.kind() == Kind.SUM0;
        if (state instanceof LongSum sum) {
            return sum.count == 0 && !zeroWhenEmpty ? null : (Object) sum.value;
        }
        if (state instanceof double[] sum) {
            if (sum[1] == 0 && !zeroWhenEmpty) {
                return null;
            }
            return call.sum() == SqlTypeName.REAL ? (Object) (float) sum[0] : (Object) sum[0];
        }
        BigDecimal sum = ((BigDecimal[]) state)[0];
        return sum == null && zeroWhenEmpty ? BigDecimal.ZERO : sum;
    }

    private static void addToSum(Object state, Object value) {
        if (state instanceof LongSum sum) {
            sum.add(((Number) value).longValue());
        } else if (state instanceof double[] sum) {
            sum[0] += ((Number) value).doubleValue();
            sum[1]++;
        } else {
            BigDecimal[] sum = (BigDecimal[]) state;
            BigDecimal decimal = value instanceof BigDecimal exact ? exact : BigDecimal.valueOf(((Number) value).longValue());
            sum[0] = sum[0] == null ? decimal : sum[0].add(decimal);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void keepExtreme(Object[] state, Object value, boolean min) {
        if (value == null) {
            return;
        }
        if (state[0] == null) {
            state[0] = value;
            return;
        }
        int order = ((Comparable) value).compareTo(state[0]);
        if (min ? order < 0 : order > 0) {
            state[0] = value;
        }
    }

    /** An integer sum to a BIGINT result (of integers narrower than BIGINT, which cannot overflow it in practice). */
    private static final class LongSum {
        long value;
        long count;

        void add(long addend) {
            value = Math.addExact(value, addend);
            count++;
        }

        void merge(LongSum other) {
            value = Math.addExact(value, other.value);
            count += other.count;
        }
    }
}
