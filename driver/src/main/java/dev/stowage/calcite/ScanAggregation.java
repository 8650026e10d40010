package dev.stowage.calcite;

import dev.stowage.scan.PartialAggregate;
import java.math.BigDecimal;
import java.util.List;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Global aggregates (COUNT, SUM, MIN, MAX; no grouping, no DISTINCT) of the rows of a staged-file scan that satisfy
 * all of some simple conditions, computed per scan unit where the rows are decoded and merged in unit order.
 * Immutable; the state of a unit is one {@link Accumulator} per aggregate.
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
        Accumulator newAccumulator() {
            return switch (kind) {
                case COUNT_ALL -> new CountAll();
                case COUNT -> new Count(slot);
                case SUM, SUM0 -> switch (sum) {
                    case BIGINT -> new LongSum(slot, kind == Kind.SUM0);
                    case DOUBLE, FLOAT -> new DoubleSum(slot, kind == Kind.SUM0, false);
                    case REAL -> new DoubleSum(slot, kind == Kind.SUM0, true);
                    default -> new DecimalSum(slot, kind == Kind.SUM0);
                };
                case MIN -> new Extreme(slot, true);
                case MAX -> new Extreme(slot, false);
            };
        }
    }

    /** The running value of one aggregate over the rows of one unit, then of the units merged into it. */
    private interface Accumulator {
        void add(Object[] row);

        /** Adds {@code other}, an accumulator of the same call over later rows. */
        void merge(Accumulator other);

        /** Returns the value in the internal representation of the aggregate's result type. */
        Object result();
    }

    private final Call[] calls;
    private final SlotPredicate[] conditions;

    ScanAggregation(List<Call> calls, List<SlotPredicate> conditions) {
        this.calls = calls.toArray(new Call[0]);
        this.conditions = conditions.toArray(new SlotPredicate[0]);
    }

    @Override
    public Object[] start() {
        Object[] state = new Object[calls.length];
        for (int i = 0; i < state.length; i++) {
            state[i] = calls[i].newAccumulator();
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
        for (Object accumulator : state) {
            ((Accumulator) accumulator).add(row);
        }
    }

    /** Adds the partial state {@code state} of a later unit to {@code total}. */
    void merge(Object[] total, Object[] state) {
        for (int i = 0; i < total.length; i++) {
            ((Accumulator) total[i]).merge((Accumulator) state[i]);
        }
    }

    /** Returns the aggregates' values, in the internal representation of their result types. */
    Object[] result(Object[] state) {
        Object[] row = new Object[state.length];
        for (int i = 0; i < row.length; i++) {
            row[i] = ((Accumulator) state[i]).result();
        }
        return row;
    }

    private static final class CountAll implements Accumulator {
        private long count;

        @Override
        public void add(Object[] row) {
            count++;
        }

        @Override
        public void merge(Accumulator other) {
            count += ((CountAll) other).count;
        }

        @Override
        public Object result() {
            return count;
        }
    }

    private static final class Count implements Accumulator {
        private final int slot;
        private long count;

        Count(int slot) {
            this.slot = slot;
        }

        @Override
        public void add(Object[] row) {
            if (row[slot] != null) {
                count++;
            }
        }

        @Override
        public void merge(Accumulator other) {
            count += ((Count) other).count;
        }

        @Override
        public Object result() {
            return count;
        }
    }

    /** An integer sum to a BIGINT result (of integers narrower than BIGINT, which cannot overflow it in practice). */
    private static final class LongSum implements Accumulator {
        private final int slot;
        private final boolean zeroWhenEmpty;
        private long sum;
        private long count;

        LongSum(int slot, boolean zeroWhenEmpty) {
            this.slot = slot;
            this.zeroWhenEmpty = zeroWhenEmpty;
        }

        @Override
        public void add(Object[] row) {
            Object value = row[slot];
            if (value != null) {
                sum = Math.addExact(sum, ((Number) value).longValue());
                count++;
            }
        }

        @Override
        public void merge(Accumulator other) {
            LongSum later = (LongSum) other;
            sum = Math.addExact(sum, later.sum);
            count += later.count;
        }

        @Override
        public Object result() {
            return count == 0 && !zeroWhenEmpty ? null : sum;
        }
    }

    private static final class DoubleSum implements Accumulator {
        private final int slot;
        private final boolean zeroWhenEmpty;
        private final boolean real;
        private double sum;
        private long count;

        DoubleSum(int slot, boolean zeroWhenEmpty, boolean real) {
            this.slot = slot;
            this.zeroWhenEmpty = zeroWhenEmpty;
            this.real = real;
        }

        @Override
        public void add(Object[] row) {
            Object value = row[slot];
            if (value != null) {
                sum += ((Number) value).doubleValue();
                count++;
            }
        }

        @Override
        public void merge(Accumulator other) {
            DoubleSum later = (DoubleSum) other;
            sum += later.sum;
            count += later.count;
        }

        @Override
        public Object result() {
            if (count == 0 && !zeroWhenEmpty) {
                return null;
            }
            return real ? (Object) (float) sum : (Object) sum;
        }
    }

    private static final class DecimalSum implements Accumulator {
        private final int slot;
        private final boolean zeroWhenEmpty;
        private BigDecimal sum;

        DecimalSum(int slot, boolean zeroWhenEmpty) {
            this.slot = slot;
            this.zeroWhenEmpty = zeroWhenEmpty;
        }

        @Override
        public void add(Object[] row) {
            Object value = row[slot];
            if (value != null) {
                add(value instanceof BigDecimal exact ? exact : BigDecimal.valueOf(((Number) value).longValue()));
            }
        }

        private void add(BigDecimal value) {
            sum = sum == null ? value : sum.add(value);
        }

        @Override
        public void merge(Accumulator other) {
            BigDecimal later = ((DecimalSum) other).sum;
            if (later != null) {
                add(later);
            }
        }

        @Override
        public Object result() {
            return sum == null && zeroWhenEmpty ? BigDecimal.ZERO : sum;
        }
    }

    /** MIN or MAX: the least or greatest non-null value. */
    private static final class Extreme implements Accumulator {
        private final int slot;
        private final boolean least;
        private Comparable<Object> value;

        Extreme(int slot, boolean least) {
            this.slot = slot;
            this.least = least;
        }

        @Override
        public void add(Object[] row) {
            keep(row[slot]);
        }

        @SuppressWarnings("unchecked")
        private void keep(Object candidate) {
            if (candidate == null) {
                return;
            }
            if (value == null) {
                value = (Comparable<Object>) candidate;
                return;
            }
            int order = ((Comparable<Object>) candidate).compareTo(value);
            if (least ? order < 0 : order > 0) {
                value = (Comparable<Object>) candidate;
            }
        }

        @Override
        public void merge(Accumulator other) {
            keep(((Extreme) other).value);
        }

        @Override
        public Object result() {
            return value;
        }
    }
}
