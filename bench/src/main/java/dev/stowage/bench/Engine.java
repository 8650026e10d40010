package dev.stowage.bench;

import dev.stowage.calcite.StowageTypeSystem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.function.Function;

/**
 * One engine reading one storage: the connection it runs on and its SQL for each {@link Query} (null for a query it
 * cannot run). A failed setup is kept in {@code setupFailure} so every query of the engine reports it.
 *
 * @param name the engine, as printed
 * @param storage where the files are read from, as printed
 * @param connection a warm connection, owned by the caller
 * @param sql the engine's SQL for a query, or null
 * @param setupFailure why the engine could not be set up, or null
 * @param planEachRun whether each run's text differs (by a comment), so that no run reuses an earlier run's plan
 */
record Engine(String name, String storage, Connection connection, Function<Query, String> sql,
        Exception setupFailure, boolean planEachRun) {

    Engine(String name, String storage, Connection connection, Function<Query, String> sql, Exception setupFailure) {
        this(name, storage, connection, sql, setupFailure, false);
    }

    static final String STOWAGE = "Stowage";
    static final String DUCKDB = "DuckDB";
    static final String CALCITE = "Calcite file adapter";

    /** Stowage on a stage: {@code @stage/x.csv} read positionally, {@code @stage/x_snappy.parquet} by name. */
    static Function<Query, String> stowageSql(String stage) {
        String csv = "@" + stage + "/x.csv (FILE_FORMAT => 'csv')";
        String parquet = "@" + stage + "/x_snappy.parquet";
        return query -> switch (query) {
            case CSV_AGGREGATE -> "SELECT count(*), sum(CAST($2 AS INTEGER)), avg(CAST($3 AS DOUBLE)) FROM " + csv;
            case CSV_AGGREGATE_FILTERED -> "SELECT count(*), sum(CAST($2 AS INTEGER)), avg(CAST($3 AS DOUBLE)) FROM "
                    + csv + " WHERE CAST($2 AS INTEGER) < 1000";
            case PARQUET_AGGREGATE -> "SELECT count(*), sum(a), avg(b) FROM " + parquet;
            case PARQUET_AGGREGATE_FILTERED -> "SELECT count(*), sum(a), avg(b) FROM " + parquet + " WHERE a < 1000";
            case CSV_LIMIT -> "SELECT $1, $2, $3, $4 FROM " + csv + " LIMIT 10";
            case PARQUET_LIMIT -> "SELECT * FROM " + parquet + " LIMIT 10";
        };
    }

    /** Stowage through an in-memory catalog with the stage {@code bench_fs} on the data set's directory. */
    static Engine stowageFs(Connection stowage, DataSet data) {
        return setUp(STOWAGE, "local fs", stowage, stowageSql("bench_fs"),
                "CREATE STAGE bench_fs URL = 'fs://" + data.dir + "/'");
    }

    /**
     * Stowage on {@code bench_fs} like {@code fs}, but with a comment that differs in each run, so every run plans the
     * statement anew, as a statement seen for the first time is.
     */
    static Engine plannedEachRun(Engine fs) {
        return new Engine(fs.name(), fs.storage() + ", planned every run", fs.connection(), fs.sql(),
                fs.setupFailure(), true);
    }

    /** Stowage with the stage {@code bench_s3} on S3Proxy's bucket, through a named connection. */
    static Engine stowageS3(Connection stowage, S3Fixture s3) {
        return setUp(STOWAGE, "S3 (S3Proxy)", stowage, stowageSql("bench_s3"),
                "CREATE CONNECTION bench_s3 STORAGE_TYPE = 's3' ACCESS_KEY_ID = '" + S3Fixture.ACCESS_KEY
                        + "' SECRET_ACCESS_KEY = '" + S3Fixture.SECRET_KEY + "' ENDPOINT_URL = '" + s3.endpoint()
                        + "' REGION = 'us-east-1'",
                "CREATE STAGE bench_s3 URL = 's3://" + S3Fixture.BUCKET + "/' CONNECTION = (CONNECTION_NAME = 'bench_s3')");
    }

    /** DuckDB on the local files, through read_csv with the columns spelled out and read_parquet. */
    static Engine duckDb(Connection duck, DataSet data) {
        String csv = "read_csv(" + DataSet.literal(data.csv)
                + ", header = false, columns = {'id': 'INTEGER', 'a': 'INTEGER', 'b': 'DOUBLE', 'c': 'VARCHAR'})";
        String parquet = "read_parquet(" + DataSet.literal(data.parquet) + ")";
        return new Engine(DUCKDB, "local fs", duck, byName(csv, parquet), null);
    }

    /**
     * Calcite's file adapter over {@code calcite/}, whose {@code x_header.csv} becomes table {@code x_header}. It has
     * no Parquet reader. Its connection uses Stowage's type system, where SUM of INTEGER is BIGINT, so sum(a) does
     * not wrap around as with Calcite's default (and the comparison with Stowage stays like for like).
     */
    static Connection calciteConnection(DataSet data) throws IOException, SQLException {
        Path model = data.calciteDir.resolve("model.json");
        Files.writeString(model, """
                {
                  "version": "1.0",
                  "defaultSchema": "bench",
                  "schemas": [{
                    "name": "bench",
                    "type": "custom",
                    "factory": "org.apache.calcite.adapter.file.FileSchemaFactory",
                    "operand": {"directory": "%s"}
                  }]
                }
                """.formatted(data.calciteDir.toString().replace("\\", "\\\\").replace("\"", "\\\"")),
                StandardCharsets.UTF_8);
        Properties properties = new Properties();
        properties.setProperty("model", model.toString());
        properties.setProperty("lex", "JAVA");
        properties.setProperty("typeSystem", StowageTypeSystem.class.getName());
        return DriverManager.getConnection("jdbc:calcite:", properties);
    }

    static Engine calcite(Connection calcite) {
        return new Engine(CALCITE, "local fs", calcite, byName("x_header", null), null);
    }

    /** The SQL of an engine whose sources have named, typed columns id, a, b, c; a null source is not read. */
    private static Function<Query, String> byName(String csv, String parquet) {
        return query -> {
            String source = query.format == Query.Format.CSV ? csv : parquet;
            if (source == null) {
                return null;
            }
            return switch (query.shape) {
                case AGGREGATE -> "SELECT count(*), sum(a), avg(b) FROM " + source;
                case FILTERED_AGGREGATE -> "SELECT count(*), sum(a), avg(b) FROM " + source + " WHERE a < 1000";
                case LIMIT -> "SELECT * FROM " + source + " LIMIT 10";
            };
        };
    }

    private static Engine setUp(String name, String storage, Connection connection, Function<Query, String> sql,
            String... ddl) {
        try (Statement statement = connection.createStatement()) {
            for (String each : ddl) {
                statement.execute(each);
            }
            return new Engine(name, storage, connection, sql, null);
        } catch (SQLException | RuntimeException e) {
            return new Engine(name, storage, connection, sql, e);
        }
    }
}
