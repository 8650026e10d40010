package dev.stowage.bench;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One query run {@code iterations} times on one engine: the wall-clock time of each run, from executeQuery to the
 * last row read, and the answer of the first run; or, when any run failed, why.
 *
 * @param engine the engine
 * @param query the query
 * @param nanos the time of each run; empty when {@code failure} is set
 * @param rows the rows of the first run, each column read with getObject
 * @param failure {@code <SQLState> <message>} of the failure, or null
 */
record Measurement(Engine engine, Query query, long[] nanos, List<List<Object>> rows, String failure) {

    static Measurement run(Engine engine, Query query, String sql, int iterations) {
        if (engine.setupFailure() != null) {
            return failed(engine, query, engine.setupFailure());
        }
        long[] nanos = new long[iterations];
        List<List<Object>> firstRows = null;
        try {
            for (int i = 0; i < iterations; i++) {
                List<List<Object>> rows = new ArrayList<>();
                try (Statement statement = engine.connection().createStatement()) {
                    long start = System.nanoTime();
                    String text = engine.planEachRun() ? sql + " /* run " + i + " */" : sql;
                    try (ResultSet rs = statement.executeQuery(text)) {
                        int columns = rs.getMetaData().getColumnCount();
                        while (rs.next()) {
                            List<Object> row = new ArrayList<>(columns);
                            for (int c = 1; c <= columns; c++) {
                                row.add(rs.getObject(c));
                            }
                            rows.add(row);
                        }
                        nanos[i] = System.nanoTime() - start;
                    }
                }
                if (firstRows == null) {
                    firstRows = rows;
                }
            }
        } catch (Exception | LinkageError | AssertionError e) {
            return failed(engine, query, e);
        }
        return new Measurement(engine, query, nanos, firstRows, null);
    }

    private static Measurement failed(Engine engine, Query query, Throwable e) {
        String state = e instanceof SQLException sql && sql.getSQLState() != null ? sql.getSQLState()
                : e.getClass().getSimpleName();
        String message = String.valueOf(e.getMessage()).strip().lines().findFirst().orElse("");
        if (message.length() > 200) {
            message = message.substring(0, 197) + "...";
        }
        return new Measurement(engine, query, new long[0], List.of(), state + " " + message);
    }

    boolean failed() {
        return failure != null;
    }

    /** The first run, in milliseconds. */
    double firstMillis() {
        return nanos[0] / 1e6;
    }

    /** The median of the runs after the first, in milliseconds. */
    double medianMillis() {
        long[] rest = Arrays.copyOfRange(nanos, 1, nanos.length);
        Arrays.sort(rest);
        int middle = rest.length / 2;
        double median = rest.length % 2 == 1 ? rest[middle] : (rest[middle - 1] + rest[middle]) / 2.0;
        return median / 1e6;
    }

    /** Null when the answer is right, else what is wrong with it; failed runs have no answer to check. */
    String mismatch(DataSet data) {
        if (failed()) {
            return null;
        }
        if (query.shape == Query.Shape.LIMIT) {
            if (rows.size() != 10 || rows.get(0).size() != 4) {
                return "expected 10 rows of 4 columns, got " + rows.size() + " rows of "
                        + (rows.isEmpty() ? 0 : rows.get(0).size()) + " columns";
            }
            return null;
        }
        DataSet.Answer expected = query.shape == Query.Shape.AGGREGATE ? data.all : data.filtered;
        if (rows.size() != 1) {
            return "expected one row, got " + rows.size();
        }
        BigDecimal count = decimal(rows.get(0).get(0));
        BigDecimal sumA = decimal(rows.get(0).get(1));
        if (count == null || count.compareTo(BigDecimal.valueOf(expected.count())) != 0
                || sumA == null || sumA.compareTo(expected.sumA()) != 0) {
            return "expected count " + expected.count() + " and sum(a) " + expected.sumA() + ", got " + count + " and "
                    + sumA;
        }
        return null;
    }

    static BigDecimal decimal(Object value) {
        return value == null ? null : new BigDecimal(value.toString());
    }
}
