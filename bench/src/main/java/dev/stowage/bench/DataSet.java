package dev.stowage.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The benchmark's files, generated once by DuckDB into {@code <work dir>/<rows>/} and reused afterwards:
 * {@code x.csv} (no header), {@code x_snappy.parquet} (DuckDB's default row groups) and, for Calcite's file adapter,
 * which takes its column names and types from a header line, {@code calcite/x_header.csv}.
 */
final class DataSet {
    static final String CALCITE_HEADER = "id:int,a:int,b:double,c:string";

    final long rows;
    final Path dir;
    final Path csv;
    final Path parquet;
    final Path calciteDir;
    final Path headerCsv;
    /** count(*) and sum(a) over every row, then over the rows with a &lt; 1000, computed from the generator. */
    final Answer all;
    final Answer filtered;

    /** The count and sum(a) an aggregate query must return. */
    record Answer(long count, BigDecimal sumA) {
    }

    private DataSet(long rows, Path workDir, Answer all, Answer filtered) {
        this.rows = rows;
        this.dir = workDir.resolve(Long.toString(rows));
        this.csv = dir.resolve("x.csv");
        this.parquet = dir.resolve("x_snappy.parquet");
        this.calciteDir = dir.resolve("calcite");
        this.headerCsv = calciteDir.resolve("x_header.csv");
        this.all = all;
        this.filtered = filtered;
    }

    /** Generates the files that are missing and computes the expected answers. */
    static DataSet prepare(long rows, Path workDir) throws SQLException, IOException {
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = duck.createStatement()) {
            // the files and the expected answers both come from this generator
            String generator = "SELECT i::INTEGER AS id, (hash(i) % 1000000)::INTEGER AS a,"
                    + " ((hash(i + 1) % 100000000) / 1000.0)::DOUBLE AS b, 's' || (hash(i + 2) % 1000000)::VARCHAR AS c"
                    + " FROM range(" + rows + ") t(i)";
            Answer all;
            Answer filtered;
            try (ResultSet rs = statement.executeQuery("SELECT count(*), sum(a), count(*) FILTER (WHERE a < 1000),"
                    + " sum(a) FILTER (WHERE a < 1000) FROM (" + generator + ")")) {
                rs.next();
                all = new Answer(rs.getLong(1), new BigDecimal(rs.getString(2)));
                filtered = new Answer(rs.getLong(3), new BigDecimal(rs.getString(4)));
            }
            DataSet data = new DataSet(rows, workDir.toAbsolutePath(), all, filtered);
            Files.createDirectories(data.calciteDir);
            copy(statement, generator, data.csv, "FORMAT csv, HEADER false");
            copy(statement, generator, data.parquet, "FORMAT parquet, COMPRESSION snappy");
            if (!Files.exists(data.headerCsv)) {
                System.err.println("writing " + data.headerCsv);
                Path partial = data.headerCsv.resolveSibling("x_header.csv.partial");
                try (OutputStream out = Files.newOutputStream(partial)) {
                    out.write((CALCITE_HEADER + "\n").getBytes(StandardCharsets.UTF_8));
                    Files.copy(data.csv, out);
                }
                Files.move(partial, data.headerCsv, StandardCopyOption.ATOMIC_MOVE);
            }
            return data;
        }
    }

    /** Writes the generator's rows to {@code target} unless it exists; a partial file never takes its name. */
    private static void copy(Statement duck, String generator, Path target, String options)
            throws SQLException, IOException {
        if (Files.exists(target)) {
            return;
        }
        System.err.println("writing " + target);
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        Files.deleteIfExists(partial);
        duck.execute("COPY (" + generator + ") TO " + literal(partial) + " (" + options + ")");
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
    }

    /** A path as an SQL string literal. */
    static String literal(Path path) {
        return "'" + path.toAbsolutePath().toString().replace("'", "''") + "'";
    }
}
