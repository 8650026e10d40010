package dev.stowage.calcite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.scan.ColumnBatch;
import dev.stowage.scan.ColumnPredicate.Op;
import dev.stowage.scan.ColumnType;
import dev.stowage.scan.ColumnVector;
import dev.stowage.scan.DeferredFailures;
import dev.stowage.scan.DoubleVector;
import dev.stowage.scan.LongVector;
import dev.stowage.scan.ObjectVector;
import dev.stowage.scan.PartialAggregate;
import dev.stowage.scan.RowBatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;

/**
 * Aggregates folded from batches of primitive vectors equal those folded row by row, bit for bit: with NULLs, every
 * comparison, NaN and signed zeros, sums that overflow a long, and units merged in order.
 */
class ScanAggregationBatchTest {
    private static final ColumnType[] TYPES = {ColumnType.INTEGER, ColumnType.BIGINT, ColumnType.DOUBLE,
        ColumnType.REAL, ColumnType.VARCHAR, ColumnType.DATE, ColumnType.SMALLINT, ColumnType.TINYINT};
    private static final int INTEGER = 0;
    private static final int BIGINT = 1;
    private static final int DOUBLE = 2;
    private static final int REAL = 3;
    private static final int VARCHAR = 4;
    private static final int DATE = 5;
    private static final int SMALLINT = 6;
    private static final int TINYINT = 7;

    private final List<Object[]> rows = rows(new Random(20240229), 5_000);

    @Test
    void batchesAggregateAsRowsDo() {
        List<ScanAggregation.Call> calls = calls();
        for (List<SlotPredicate> conditions : conditionSets()) {
            ScanAggregation aggregation = new ScanAggregation(calls, conditions);
            Object[] expected = byRows(aggregation);
            assertThat(byVectors(aggregation, 1000)).as("primitive vectors, %s", conditions).containsExactly(expected);
            assertThat(byVectors(aggregation, 7)).as("small batches, %s", conditions).containsExactly(expected);
            assertThat(byObjectBatches(aggregation)).as("object vectors, %s", conditions).containsExactly(expected);
        }
    }

    @Test
    void emptyBatchesAndNoRowsGiveTheEmptyAggregates() {
        ScanAggregation aggregation = new ScanAggregation(calls(), List.of());
        Object[] state = aggregation.start();
        ColumnBatch batch = vectors(4);
        batch.size(0);
        aggregation.addBatch(state, batch);
        assertThat(aggregation.result(state)).containsExactly(aggregation.result(aggregation.start()));
    }

    @Test
    void aSumOfBigintsBeyondALongIsExact() {
        List<ScanAggregation.Call> calls = List.of(
                new ScanAggregation.Call(ScanAggregation.Kind.SUM, BIGINT, SqlTypeName.DECIMAL));
        ScanAggregation aggregation = new ScanAggregation(calls, List.of());
        Object[] state = aggregation.start();
        ColumnBatch batch = vectors(3);
        LongVector big = (LongVector) batch.vector(BIGINT);
        big.values()[0] = Long.MAX_VALUE;
        big.values()[1] = Long.MAX_VALUE;
        big.values()[2] = -5;
        batch.size(3);
        aggregation.addBatch(state, batch);
        assertThat(aggregation.result(state)[0]).isEqualTo(new java.math.BigDecimal("18446744073709551609"));
    }

    @Test
    void aDeferredFailureIsRaisedOnlyForARowStillSelected() {
        // rows 0..5: INTEGER 0, 10, 20, ...; the DOUBLE of rows 2 and 4 did not convert and is NULL
        ColumnBatch batch = vectors(8);
        List<Object[]> unit = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Object[] row = new Object[TYPES.length];
            row[INTEGER] = i * 10;
            row[DOUBLE] = i == 2 || i == 4 ? null : i + 0.5;
            unit.add(row);
        }
        fill(batch, unit);
        DeferredFailures failures = new DeferredFailures();
        failures.add(2, () -> new IllegalArgumentException("row 2"));
        failures.add(4, () -> new IllegalArgumentException("row 4"));
        batch.failures(DOUBLE, failures);
        List<ScanAggregation.Call> calls = List.of(new ScanAggregation.Call(ScanAggregation.Kind.COUNT_ALL, -1, null),
                new ScanAggregation.Call(ScanAggregation.Kind.SUM, DOUBLE, SqlTypeName.DOUBLE),
                new ScanAggregation.Call(ScanAggregation.Kind.MAX, DOUBLE, null));

        assertThat(fold(calls, List.of(new SlotPredicate(INTEGER, Op.NE, 20), new SlotPredicate(INTEGER, Op.NE, 40)),
                batch)).containsExactly(4L, 0.5 + 1.5 + 3.5 + 5.5, 5.5);
        assertThat(fold(calls, List.of(new SlotPredicate(INTEGER, Op.GT, 45)), batch)).containsExactly(1L, 5.5, 5.5);
        // a condition on the deferred column sees the failures of the rows earlier conditions kept
        assertThat(fold(calls, List.of(new SlotPredicate(INTEGER, Op.LT, 20), new SlotPredicate(DOUBLE, Op.GT, 1.0)),
                batch)).containsExactly(1L, 1.5, 1.5);
        assertThatThrownBy(() -> fold(calls, List.of(new SlotPredicate(INTEGER, Op.GE, 30),
                new SlotPredicate(DOUBLE, Op.IS_NULL, null)), batch)).hasMessage("row 4");
        assertThatThrownBy(() -> fold(calls, List.of(new SlotPredicate(INTEGER, Op.GT, 10)), batch))
                .hasMessage("row 2");
        assertThatThrownBy(() -> fold(calls, List.of(), batch)).hasMessage("row 2");
        // a deferred column the aggregates do not read still fails for a selected row, as a projection would
        assertThatThrownBy(() -> fold(List.of(new ScanAggregation.Call(ScanAggregation.Kind.COUNT_ALL, -1, null)),
                List.of(new SlotPredicate(INTEGER, Op.EQ, 40)), batch)).hasMessage("row 4");
        // the default fold of rows uses every row
        PartialAggregate rowByRow = new PartialAggregate() {
            @Override
            public Object[] start() {
                return new Object[0];
            }

            @Override
            public void add(Object[] state, Object[] row) {
            }
        };
        assertThatThrownBy(() -> rowByRow.addBatch(rowByRow.start(), batch)).hasMessage("row 2");
        failures.clear();
        assertThat(fold(calls, List.of(), batch)).containsExactly(6L, 0.5 + 1.5 + 3.5 + 5.5, 5.5);
    }

    private static Object[] fold(List<ScanAggregation.Call> calls, List<SlotPredicate> conditions,
                                 ColumnBatch batch) {
        ScanAggregation aggregation = new ScanAggregation(calls, conditions);
        Object[] state = aggregation.start();
        aggregation.addBatch(state, batch);
        return aggregation.result(state);
    }

    private static List<ScanAggregation.Call> calls() {
        List<ScanAggregation.Call> calls = new ArrayList<>();
        calls.add(new ScanAggregation.Call(ScanAggregation.Kind.COUNT_ALL, -1, null));
        for (int slot = 0; slot < TYPES.length; slot++) {
            calls.add(new ScanAggregation.Call(ScanAggregation.Kind.COUNT, slot, null));
            calls.add(new ScanAggregation.Call(ScanAggregation.Kind.MIN, slot, null));
            calls.add(new ScanAggregation.Call(ScanAggregation.Kind.MAX, slot, null));
        }
        for (ScanAggregation.Kind kind : List.of(ScanAggregation.Kind.SUM, ScanAggregation.Kind.SUM0)) {
            for (int slot : new int[] {INTEGER, SMALLINT, TINYINT}) {
                calls.add(new ScanAggregation.Call(kind, slot, SqlTypeName.BIGINT));
                calls.add(new ScanAggregation.Call(kind, slot, SqlTypeName.DOUBLE));
                calls.add(new ScanAggregation.Call(kind, slot, SqlTypeName.DECIMAL));
            }
            calls.add(new ScanAggregation.Call(kind, BIGINT, SqlTypeName.DECIMAL));
            calls.add(new ScanAggregation.Call(kind, BIGINT, SqlTypeName.DOUBLE));
            calls.add(new ScanAggregation.Call(kind, DOUBLE, SqlTypeName.DOUBLE));
            calls.add(new ScanAggregation.Call(kind, REAL, SqlTypeName.REAL));
            calls.add(new ScanAggregation.Call(kind, REAL, SqlTypeName.DOUBLE));
        }
        return calls;
    }

    private static List<List<SlotPredicate>> conditionSets() {
        List<List<SlotPredicate>> sets = new ArrayList<>();
        sets.add(List.of());
        for (Op op : Op.values()) {
            if (op == Op.IS_NULL || op == Op.IS_NOT_NULL) {
                for (int slot = 0; slot < TYPES.length; slot++) {
                    sets.add(List.of(new SlotPredicate(slot, op, null)));
                }
                continue;
            }
            for (int constant : new int[] {-3, 0, 7, Integer.MIN_VALUE, Integer.MAX_VALUE}) {
                sets.add(List.of(new SlotPredicate(INTEGER, op, constant)));
                sets.add(List.of(new SlotPredicate(DATE, op, constant)));
            }
            for (long constant : new long[] {Long.MIN_VALUE, Long.MAX_VALUE, 0L, 5_000_000_000L}) {
                sets.add(List.of(new SlotPredicate(BIGINT, op, constant)));
            }
            for (double constant : new double[] {0.0, -0.0, 1.5, Double.NaN, Double.NEGATIVE_INFINITY}) {
                sets.add(List.of(new SlotPredicate(DOUBLE, op, constant)));
                sets.add(List.of(new SlotPredicate(REAL, op, (float) constant)));
            }
            sets.add(List.of(new SlotPredicate(SMALLINT, op, (short) 2)));
            sets.add(List.of(new SlotPredicate(TINYINT, op, (byte) -1)));
            sets.add(List.of(new SlotPredicate(VARCHAR, op, "m")));
            sets.add(List.of(new SlotPredicate(INTEGER, op, 2), new SlotPredicate(DOUBLE, Op.IS_NOT_NULL, null),
                    new SlotPredicate(VARCHAR, Op.GT, "c")));
        }
        return sets;
    }

    /** Random rows: about one value in five NULL, small ranges so comparisons hit equal values. */
    private static List<Object[]> rows(Random random, int count) {
        double[] specials = {Double.NaN, -0.0, 0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1.5};
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Object[] row = new Object[TYPES.length];
            row[INTEGER] = random.nextInt(21) - 10;
            row[BIGINT] = random.nextInt(4) == 0 ? Long.MAX_VALUE - random.nextInt(3) : random.nextLong(-9, 10);
            row[DOUBLE] = random.nextInt(5) == 0 ? specials[random.nextInt(specials.length)]
                    : random.nextInt(9) * 0.1 - 0.4;
            row[REAL] = random.nextInt(5) == 0 ? (float) specials[random.nextInt(specials.length)]
                    : random.nextInt(9) * 0.3f;
            row[VARCHAR] = String.valueOf((char) ('a' + random.nextInt(26)));
            row[DATE] = random.nextInt(30) - 15;
            row[SMALLINT] = (short) (random.nextInt(9) - 4);
            row[TINYINT] = (byte) (random.nextInt(9) - 4);
            for (int slot = 0; slot < row.length; slot++) {
                if (random.nextInt(5) == 0) {
                    row[slot] = null;
                }
            }
            rows.add(row);
        }
        return rows;
    }

    /** Folds the rows one by one in two units, merged in order. */
    private Object[] byRows(ScanAggregation aggregation) {
        Object[] total = aggregation.start();
        for (List<Object[]> unit : units()) {
            Object[] state = aggregation.start();
            for (Object[] row : unit) {
                aggregation.add(state, row);
            }
            aggregation.merge(total, state);
        }
        return aggregation.result(total);
    }

    /** Folds batches of primitive vectors of {@code capacity} rows, in two units merged in order. */
    private Object[] byVectors(ScanAggregation aggregation, int capacity) {
        Object[] total = aggregation.start();
        for (List<Object[]> unit : units()) {
            Object[] state = aggregation.start();
            ColumnBatch batch = vectors(capacity);
            for (int start = 0; start < unit.size(); start += capacity) {
                int size = Math.min(capacity, unit.size() - start);
                fill(batch, unit.subList(start, start + size));
                aggregation.addBatch(state, batch);
            }
            aggregation.merge(total, state);
        }
        return aggregation.result(total);
    }

    /** Folds the batches of objects that row-producing readers hand out. */
    private Object[] byObjectBatches(ScanAggregation aggregation) {
        Object[] total = aggregation.start();
        for (List<Object[]> unit : units()) {
            Object[] state = aggregation.start();
            RowBatcher batcher = new RowBatcher(batch -> {
                aggregation.addBatch(state, batch);
                return true;
            });
            for (Object[] row : unit) {
                batcher.accept(row.clone());
            }
            batcher.flush();
            aggregation.merge(total, state);
        }
        return aggregation.result(total);
    }

    private List<List<Object[]>> units() {
        return List.of(rows.subList(0, 1_234), rows.subList(1_234, rows.size()));
    }

    private static ColumnBatch vectors(int capacity) {
        ColumnVector[] vectors = new ColumnVector[TYPES.length];
        for (int slot = 0; slot < TYPES.length; slot++) {
            ColumnType type = TYPES[slot];
            vectors[slot] = LongVector.holds(type) ? new LongVector(type, capacity)
                    : DoubleVector.holds(type) ? new DoubleVector(type, capacity) : new ObjectVector(type, capacity);
        }
        return new ColumnBatch(vectors);
    }

    /** Writes {@code rows} into the batch, leaving stale values under NULLs, as reused vectors have. */
    private static void fill(ColumnBatch batch, List<Object[]> rows) {
        for (int slot = 0; slot < TYPES.length; slot++) {
            ColumnVector vector = batch.vector(slot);
            boolean anyNull = false;
            for (int i = 0; i < rows.size(); i++) {
                Object value = rows.get(i)[slot];
                anyNull |= value == null;
                if (vector instanceof LongVector longs) {
                    longs.nulls()[i] = value == null;
                    if (value != null) {
                        longs.values()[i] = ((Number) value).longValue();
                    }
                } else if (vector instanceof DoubleVector doubles) {
                    doubles.nulls()[i] = value == null;
                    if (value != null) {
                        doubles.values()[i] = ((Number) value).doubleValue();
                    }
                } else {
                    ((ObjectVector) vector).values()[i] = value;
                }
            }
            if (vector instanceof LongVector longs) {
                longs.hasNulls(anyNull);
            } else if (vector instanceof DoubleVector doubles) {
                doubles.hasNulls(anyNull);
            }
        }
        batch.size(rows.size());
    }
}
