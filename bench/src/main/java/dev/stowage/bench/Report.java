package dev.stowage.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The Markdown report: the setup, the timings with their ratio to DuckDB, and every engine's answer. */
final class Report {
    private Report() {
    }

    static String markdown(DataSet data, int iterations, List<String> notes, List<Measurement> measurements)
            throws IOException {
        Runtime runtime = Runtime.getRuntime();
        StringBuilder out = new StringBuilder();
        out.append("# Stowage stage-scan benchmark\n\n");
        line(out, "- rows: %,d (x.csv %.1f MB, x_snappy.parquet %.1f MB) in %s", data.rows,
                Files.size(data.csv) / 1e6, Files.size(data.parquet) / 1e6, data.dir);
        line(out, "- iterations: %d per query on a warm connection; iter0 is the first, median is over the other %d;"
                + " times are wall clock from executeQuery to the last row read, in ms", iterations, iterations - 1);
        line(out, "- a Stowage connection reuses the plan of a statement text it ran before (while the catalog and the"
                + " file the schema came from are unchanged); 'planned every run' adds a comment that differs in each"
                + " run, so each run is planned as a statement seen for the first time");
        line(out, "- JVM: %s %s (%s), options %s", System.getProperty("java.vm.name"), System.getProperty("java.version"),
                System.getProperty("java.vendor"), ManagementFactory.getRuntimeMXBean().getInputArguments());
        line(out, "- cores: %d, max heap: %d MB, OS: %s %s", runtime.availableProcessors(),
                runtime.maxMemory() / (1024 * 1024), System.getProperty("os.name"), System.getProperty("os.arch"));
        for (String note : notes) {
            line(out, "- %s", note);
        }
        out.append("\n| query | engine | storage | iter0 ms | median ms | vs DuckDB |\n");
        out.append("|---|---|---|---:|---:|---:|\n");
        for (Measurement m : measurements) {
            if (m.failed()) {
                row(out, m.query().label, m.engine().name(), m.engine().storage(), "n/a (" + m.failure() + ")", "", "");
            } else {
                Measurement duck = duckDb(measurements, m.query());
                String ratio = duck == null ? "" : String.format(Locale.ROOT, "%.2fx",
                        m.medianMillis() / duck.medianMillis());
                row(out, m.query().label, m.engine().name(), m.engine().storage(), millis(m.firstMillis()),
                        millis(m.medianMillis()), ratio);
            }
        }
        out.append("\n## Answers\n\n");
        List<String> mismatches = new ArrayList<>();
        line(out, "Expected, from the generator: count %,d and sum(a) %s over all rows; count %,d and sum(a) %s where"
                + " a < 1000. LIMIT 10 must return 10 rows of 4 columns.", data.all.count(), data.all.sumA(),
                data.filtered.count(), data.filtered.sumA());
        out.append("\n| query | engine | storage | count | sum(a) | avg(b) | check |\n");
        out.append("|---|---|---|---:|---:|---:|---|\n");
        for (Measurement m : measurements) {
            String mismatch = m.mismatch(data);
            if (mismatch != null) {
                mismatches.add(m.query().label + " / " + m.engine().name() + " / " + m.engine().storage() + ": "
                        + mismatch);
            }
            String check = m.failed() ? "n/a" : mismatch == null ? "ok" : "**MISMATCH**: " + mismatch;
            if (m.failed() || m.query().shape == Query.Shape.LIMIT) {
                String rows = m.failed() ? "" : m.rows().size() + " rows";
                row(out, m.query().label, m.engine().name(), m.engine().storage(), rows, "", "", check);
            } else {
                List<Object> answer = m.rows().isEmpty() ? List.of("", "", "") : m.rows().get(0);
                row(out, m.query().label, m.engine().name(), m.engine().storage(), String.valueOf(answer.get(0)),
                        String.valueOf(answer.get(1)), average(answer.get(2)), check);
            }
        }
        if (!mismatches.isEmpty()) {
            out.append("\n**!!! ").append(mismatches.size()).append(" WRONG ANSWER(S) !!!**\n\n");
            for (String mismatch : mismatches) {
                out.append("- ").append(mismatch).append('\n');
            }
        }
        return out.toString();
    }

    private static Measurement duckDb(List<Measurement> measurements, Query query) {
        for (Measurement m : measurements) {
            if (m.query() == query && m.engine().name().equals(Engine.DUCKDB) && !m.failed()) {
                return m;
            }
        }
        return null;
    }

    private static String millis(double millis) {
        return String.format(Locale.ROOT, "%,.1f", millis);
    }

    private static String average(Object value) {
        BigDecimal decimal = Measurement.decimal(value);
        return decimal == null ? "null" : decimal.setScale(6, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static void line(StringBuilder out, String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append('\n');
    }

    private static void row(StringBuilder out, String... cells) {
        List<String> escaped = new ArrayList<>();
        for (String cell : cells) {
            escaped.add(cell.replace("|", "\\|").replace('\n', ' '));
        }
        out.append("| ").append(String.join(" | ", escaped)).append(" |\n");
    }
}
