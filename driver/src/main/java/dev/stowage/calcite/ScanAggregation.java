package dev.stowage.calcite;

import dev.stowage.scan.ColumnBatch;
import dev.stowage.scan.ColumnVector;
import dev.stowage.scan.DeferredFailures;
import dev.stowage.scan.DoubleVector;
import dev.stowage.scan.LongVector;
import dev.stowage.scan.PartialAggregate;
import java.math.BigDecimal;
import java.util.List;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Global aggregates (COUNT, SUM, MIN, MAX; no grouping, no DISTINCT) of the rows of a staged-file scan that satisfy
 * all of some simple conditions, computed per scan unit where the rows are decoded and merged in unit order.
 * Batches of primitive vectors are filtered into a selection of rows and folded by tight loops, with the same
 * results as row by row: double sums add in row order, integer sums are exact. Immutable; the state of a unit is one
 * {@link Accumulator} per aggregate.
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

        /**
         * Adds the rows {@code selection[0..count)} of {@code batch}, in order, or its rows {@code 0..count) when
         * {@code selection} is null.
         */
        void addBatch(ColumnBatch batch, int[] selection, int count);

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

    /**
     * {@inheritDoc}
     *
     * <p>The conditions select rows one after another, as the filter's conjuncts are evaluated. A value of a
     * deferred field that did not convert ({@link ColumnBatch#failures}) fails the query when its row is still
     * selected where it is used: before a condition on it, or when the aggregates add the selected rows (as the
     * projection of the rows the filter keeps evaluates every cast in it).
     */
    @Override
    public void addBatch(Object[] state, ColumnBatch batch) {
        int count = batch.size();
        int[] selection = null;
        if (conditions.length > 0) {
            selection = new int[count];
            for (int row = 0; row < count; row++) {
                selection[row] = row;
            }
            for (SlotPredicate condition : conditions) {
                check(batch, condition.slot(), selection, count);
                count = condition.select(batch, selection, count);
            }
        }
        if (count == 0) {
            return;
        }
        for (int slot = 0; slot < batch.width(); slot++) {
            check(batch, slot, selection, count);
        }
        for (Object accumulator : state) {
            ((Accumulator) accumulator).addBatch(batch, selection, count);
        }
    }

    /** Raises the conversion failure of the first selected row whose deferred value of {@code slot} failed. */
    private static void check(ColumnBatch batch, int slot, int[] selection, int count) {
        DeferredFailures failures = batch.failures(slot);
        if (failures != null) {
            failures.check(selection, count);
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

    /** Returns the row of the {@code k}th selected row: {@code selection[k]}, or {@code k} when all are selected. */
    private static int row(int[] selection, int k) {
        return selection == null ? k : selection[k];
    }

    private static final class CountAll implements Accumulator {
        private long count;

        @Override
        public void add(Object[] row) {
            count++;
        }

        @Override
        public void addBatch(ColumnBatch batch, int[] selection, int count) {
            this.count += count;
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

    /** An aggregate of one column's values; by default a batch is added value by value. */
    private abstract static class ColumnAccumulator implements Accumulator {
        final int slot;

        ColumnAccumulator(int slot) {
            this.slot = slot;
        }

        /** Adds the column's value of a row, null for NULL. */
        abstract void addValue(Object value);

        @Override
        public final void add(Object[] row) {
            addValue(row[slot]);
        }

        @Override
        public void addBatch(ColumnBatch batch, int[] selection, int count) {
            addValues(batch.vector(slot), selection, count);
        }

        final void addValues(ColumnVector vector, int[] selection, int count) {
            for (int k = 0; k < count; k++) {
                addValue(vector.get(row(selection, k)));
            }
        }
    }

    private static final class Count extends ColumnAccumulator {
        private long count;

        Count(int slot) {
            super(slot);
        }

        @Override
        void addValue(Object value) {
            if (value != null) {
                count++;
            }
        }

        @Override
        public void addBatch(ColumnBatch batch, int[] selection, int count) {
            ColumnVector vector = batch.vector(slot);
            boolean noNulls = vector instanceof LongVector longs && !longs.hasNulls()
                    || vector instanceof DoubleVector doubles && !doubles.hasNulls();
            if (noNulls) {
                this.count += count;
                return;
            }
            for (int k = 0; k < count; k++) {
                if (!vector.isNull(row(selection, k))) {
                    this.count++;
                }
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

    /**
     * An integer sum to a BIGINT result (of integers narrower than BIGINT, which cannot overflow it in practice). A
     * batch of them is summed without overflow checks, since it cannot overflow a long, then added exactly.
     */
    private static final class LongSum extends ColumnAccumulator {
        private final boolean zeroWhenEmpty;
        private long sum;
        private long count;

        LongSum(int slot, boolean zeroWhenEmpty) {
            super(slot);
            this.zeroWhenEmpty = zeroWhenEmpty;
        }

        @Override
        void addValue(Object value) {
            if (value != null) {
                sum = Math.addExact(sum, ((Number) value).longValue());
                count++;
            }
        }

        @Override
        public void addBatch(ColumnBatch batch, int[] selection, int count) {
            if (!(batch.vector(slot) instanceof LongVector longs) || !narrow(longs)) {
                super.addBatch(batch, selection, count);
                return;
            }
            long[] values = longs.values();
            long batchSum = 0;
            long added = 0;
            if (!longs.hasNulls()) {
                if (selection == null) {
                    for (int row = 0; row < count; row++) {
                        batchSum += values[row];
                    }
                } else {
                    for (int k = 0; k < count; k++) {
                        batchSum += values[selection[k]];
                    }
                }
                added = count;
            } else {
                boolean[] nulls = longs.nulls();
                for (int k = 0; k < count; k++) {
                    int row = row(selection, k);
                    if (!nulls[row]) {
                        batchSum += values[row];
                        added++;
                    }
                }
            }
            sum = Math.addExact(sum, batchSum);
            this.count += added;
        }

        /** Whether a batch of the vector's values cannot overflow a long: they are 32-bit integers at most. */
        private static boolean narrow(LongVector vector) {
            return switch (vector.type().typeName()) {
                case TINYINT, SMALLINT, INTEGER -> vector.capacity() <= 1 << 30;
                default -> false;
            };
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

    /** A floating-point sum; a batch adds its values one after another, in row order, as rows would. */
    private static final class DoubleSum extends ColumnAccumulator {
        private final boolean zeroWhenEmpty;
        private final boolean real;
        private double sum;
        private long count;

        DoubleSum(int slot, boolean zeroWhenEmpty, boolean real) {
            super(slot);
            this.zeroWhenEmpty = zeroWhenEmpty;
            this.real = real;
        }

        @Override
        void addValue(Object value) {
            if (value != null) {
                sum += ((Number) value).doubleValue();
                count++;
            }
        }

        @Override
        public void addBatch(ColumnBatch batch, int[] selection, int count) {
            ColumnVector vector = batch.vector(slot);
            if (vector instanceof DoubleVector doubles) {
                add(doubles.values(), doubles.hasNulls() ? doubles.nulls() : null, selection, count);
            } else if (vector instanceof LongVector longs) {
                long[] values = longs.values();
                boolean[] nulls = longs.hasNulls() ? longs.nulls() : null;
                double total = sum;
                long added = 0;
                for (int k = 0; k < count; k++) {
                    int row = row(selection, k);
                    if (nulls == null || !nulls[row]) {
                        total += values[row];
                        added++;
                    }
                }
                sum = total;
                this.count += added;
            } else {
                addValues(vector, selection, count);
            }
        }

        private void add(double[] values, boolean[] nulls, int[] selection, int count) {
            double total = sum;
            long added = count;
            if (nulls == null && selection == null) {
                for (int row = 0; row < count; row++) {
                    total += values[row];
                }
            } else if (nulls == null) {
                for (int k = 0; k < count; k++) {
                    total += values[selection[k]];
                }
            } else {
                added = 0;
                for (int k = 0; k < count; k++) {
                    int row = row(selection, k);
                    if (!nulls[row]) {
                        total += values[row];
                        added++;
                    }
                }
            }
            sum = total;
            this.count += added;
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

    /** An exact sum to a DECIMAL result; a batch of integers is summed as a long unless that overflows. */
    private static final class DecimalSum extends ColumnAccumulator {
        private final boolean zeroWhenEmpty;
        private BigDecimal sum;

        DecimalSum(int slot, boolean zeroWhenEmpty) {
            super(slot);
            this.zeroWhenEmpty = zeroWhenEmpty;
        }

        @Override
        void addValue(Object value) {
            if (value != null) {
                add(value instanceof BigDecimal exact ? exact : BigDecimal.valueOf(((Number) value).longValue()));
            }
        }

        @Override
        public void addBatch(ColumnBatch batch, int[] selection, int count) {
            ColumnVector vector = batch.vector(slot);
            if (!(vector instanceof LongVector longs)) {
                addValues(vector, selection, count);
                return;
            }
            long[] values = longs.values();
            boolean[] nulls = longs.hasNulls() ? longs.nulls() : null;
            long batchSum = 0;
            boolean any = false;
            try {
                for (int k = 0; k < count; k++) {
                    int row = row(selection, k);
                    if (nulls == null || !nulls[row]) {
                        batchSum = Math.addExact(batchSum, values[row]);
                        any = true;
                    }
                }
            } catch (ArithmeticException overflow) {
                addValues(vector, selection, count);
                return;
            }
            if (any) {
                add(BigDecimal.valueOf(batchSum));
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
    private static final class Extreme extends ColumnAccumulator {
        private final boolean least;
        private Comparable<Object> value;

        Extreme(int slot, boolean least) {
            super(slot);
            this.least = least;
        }

        @Override
        void addValue(Object candidate) {
            keep(candidate);
        }

        @Override
        public void addBatch(ColumnBatch batch, int[] selection, int count) {
            ColumnVector vector = batch.vector(slot);
            if (vector instanceof LongVector longs) {
                keep(extreme(longs, selection, count));
            } else if (vector instanceof DoubleVector doubles) {
                keep(extreme(doubles, selection, count));
            } else {
                addValues(vector, selection, count);
            }
        }

        private Object extreme(LongVector vector, int[] selection, int count) {
            long[] values = vector.values();
            boolean[] nulls = vector.hasNulls() ? vector.nulls() : null;
            boolean found = false;
            long best = 0;
            for (int k = 0; k < count; k++) {
                int row = row(selection, k);
                if (nulls == null || !nulls[row]) {
                    long candidate = values[row];
                    if (!found || (least ? candidate < best : candidate > best)) {
                        best = candidate;
                        found = true;
                    }
                }
            }
            return found ? vector.box(best) : null;
        }

        /** As {@link Double#compareTo} orders: NaN above every number, -0.0 below 0.0. */
        private Object extreme(DoubleVector vector, int[] selection, int count) {
            double[] values = vector.values();
            boolean[] nulls = vector.hasNulls() ? vector.nulls() : null;
            boolean found = false;
            double best = 0;
            for (int k = 0; k < count; k++) {
                int row = row(selection, k);
                if (nulls == null || !nulls[row]) {
                    double candidate = values[row];
                    int order = Double.compare(candidate, best);
                    if (!found || (least ? order < 0 : order > 0)) {
                        best = candidate;
                        found = true;
                    }
                }
            }
            return found ? vector.box(best) : null;
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
