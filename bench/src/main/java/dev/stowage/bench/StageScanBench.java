package dev.stowage.bench;

import dev.stowage.jdbc.StowageDriver;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Times stage scans: Stowage on a local-filesystem stage and on an S3 stage (S3Proxy), DuckDB and Calcite's file
 * adapter on the same local files. A query that fails is reported as {@code n/a (<SQLState> <message>)} and the run
 * goes on. Writes the report to stdout and to {@code bench/target/results.md}; exits with 1 when an engine returned a
 * wrong answer.
 *
 * <pre>
 * --rows N           rows to generate (default 5000000)
 * --iterations N     runs per query, at least 2 (default 6)
 * --work-dir DIR     where the data sets live (default bench/target/data)
 * --engines LIST     any of stowage,duckdb,calcite (default all three)
 * </pre>
 */
public final class StageScanBench {
    private static final Set<String> ENGINES = Set.of("stowage", "duckdb", "calcite");

    private StageScanBench() {
    }

    public static void main(String[] args) throws Exception {
        long rows = 5_000_000;
        int iterations = 6;
        Path target = targetDirectory();
        Path workDir = target.resolve("data");
        Set<String> engines = ENGINES;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--rows" -> rows = Long.parseLong(required(args[i], value));
                case "--iterations" -> iterations = Integer.parseInt(required(args[i], value));
                case "--work-dir" -> workDir = Path.of(required(args[i], value));
                case "--engines" -> engines = Set.of(required(args[i], value).toLowerCase(Locale.ROOT).split(","));
                default -> usage("unknown argument " + args[i]);
            }
            i++;
        }
        if (rows < 1 || iterations < 2 || !ENGINES.containsAll(engines)) {
            usage("need --rows >= 1, --iterations >= 2 and --engines among " + ENGINES);
        }
        // S3Proxy's Jetty and the drivers log through java.util.logging; keep warnings only
        Logger.getLogger("").setLevel(Level.WARNING);

        List<String> notes = new ArrayList<>();
        notes.add(String.format(Locale.ROOT, "1-minute load average before the run: %.2f (other processes skew timings)",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        DataSet data = DataSet.prepare(rows, workDir);
        List<Engine> setUp = new ArrayList<>();
        Deque<AutoCloseable> resources = new ArrayDeque<>();
        try {
            if (engines.contains("stowage")) {
                notes.add("Stowage driver from " + StowageDriver.class.getProtectionDomain().getCodeSource().getLocation()
                        + "; Stowage on S3 reads S3Proxy on 127.0.0.1 (filesystem blob store)");
                setUpStowage(data, setUp, resources, notes);
            }
            if (engines.contains("duckdb")) {
                Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                resources.push(duck);
                setUp.add(Engine.duckDb(duck, data));
                notes.add("DuckDB " + scalar(duck, "SELECT version()") + ", threads = "
                        + scalar(duck, "SELECT current_setting('threads')") + "; local files only: DuckDB on S3 is"
                        + " skipped, since reading from S3Proxy needs its httpfs extension, a network download");
            }
            if (engines.contains("calcite")) {
                Connection calcite = Engine.calciteConnection(data);
                resources.push(calcite);
                setUp.add(Engine.calcite(calcite));
                notes.add("Calcite file adapter: CSV only (it has no Parquet reader), over calcite/x_header.csv (x.csv"
                        + " under the header line '" + DataSet.CALCITE_HEADER + "'), with typeSystem = Stowage's, where"
                        + " SUM of INTEGER is BIGINT (Calcite's default would wrap sum(a) around)");
            }

            List<Measurement> measurements = new ArrayList<>();
            for (Query query : Query.values()) {
                for (Engine engine : setUp) {
                    String sql = engine.sql().apply(query);
                    if (sql != null) {
                        Measurement m = Measurement.run(engine, query, sql, iterations);
                        System.err.printf(Locale.ROOT, "%-28s %-21s %-13s %s%n", query.label, engine.name(),
                                engine.storage(), m.failed() ? "n/a (" + m.failure() + ")"
                                        : String.format(Locale.ROOT, "iter0 %.1f ms, median %.1f ms",
                                                m.firstMillis(), m.medianMillis()));
                        measurements.add(m);
                    }
                }
            }

            String report = Report.markdown(data, iterations, notes, measurements);
            System.out.println();
            System.out.print(report);
            Path results = target.resolve("results.md");
            Files.writeString(results, report, StandardCharsets.UTF_8);
            System.out.println("\nwritten to " + results);
            long wrong = measurements.stream().filter(m -> m.mismatch(data) != null).count();
            if (wrong > 0) {
                System.err.println("!!! " + wrong + " query answer(s) differ from the expected count/sum(a) !!!");
                System.exit(1);
            }
        } finally {
            while (!resources.isEmpty()) {
                try {
                    resources.pop().close();
                } catch (Exception e) {
                    System.err.println("closing: " + e);
                }
            }
        }
    }

    /** The stages bench_fs and bench_s3 on one in-memory catalog; S3Proxy serves the files for the second. */
    private static void setUpStowage(DataSet data, List<Engine> setUp, Deque<AutoCloseable> resources,
            List<String> notes) throws Exception {
        Connection stowage;
        try {
            stowage = DriverManager.getConnection("jdbc:stowage:mem:bench");
        } catch (SQLException e) {
            setUp.add(new Engine(Engine.STOWAGE, "local fs", null, Engine.stowageSql("bench_fs"), e));
            setUp.add(new Engine(Engine.STOWAGE, "S3 (S3Proxy)", null, Engine.stowageSql("bench_s3"), e));
            return;
        }
        resources.push(stowage);
        Engine fs = Engine.stowageFs(stowage, data);
        setUp.add(fs);
        setUp.add(Engine.plannedEachRun(fs));
        S3Fixture s3 = S3Fixture.start(data.dir.resolve("s3proxy"));
        resources.push(s3);
        s3.upload(data.csv);
        s3.upload(data.parquet);
        setUp.add(Engine.stowageS3(stowage, s3));
        notes.add(listing(stowage, "@bench_fs/x", data));
        notes.add(listing(stowage, "@bench_s3/x", data));
    }

    /** What LIST sees of the two data files on a stage: a check of the stage, independent of SELECT. */
    private static String listing(Connection stowage, String location, DataSet data) throws IOException {
        StringBuilder seen = new StringBuilder("LIST " + location + ":");
        int matching = 0;
        try (Statement statement = stowage.createStatement();
                ResultSet rs = statement.executeQuery("LIST " + location)) {
            while (rs.next()) {
                String name = rs.getString(1);
                long size = rs.getLong(2);
                seen.append(' ').append(name).append(" (").append(size).append(" bytes)");
                for (Path file : List.of(data.csv, data.parquet)) {
                    if (name.equals(file.getFileName().toString()) && size == Files.size(file)) {
                        matching++;
                    }
                }
            }
        } catch (SQLException e) {
            return seen + " failed: " + e.getSQLState() + " " + e.getMessage().lines().findFirst().orElse("");
        }
        return seen + (matching == 2 ? ", both files with their local sizes" : ", **not both data files**");
    }

    private static String scalar(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** bench/target: the parent of target/classes, or of the jar, this class was loaded from. */
    private static Path targetDirectory() throws URISyntaxException {
        Path code = Path.of(StageScanBench.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return code.getParent();
    }

    private static String required(String option, String value) {
        if (value == null) {
            usage(option + " needs a value");
        }
        return value;
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: StageScanBench [--rows N] [--iterations N] [--work-dir DIR]"
                + " [--engines stowage,duckdb,calcite]");
        System.exit(2);
    }
}
