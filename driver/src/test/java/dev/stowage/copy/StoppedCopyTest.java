package dev.stowage.copy;

import static dev.stowage.testing.Sql.execute;
import static dev.stowage.testing.Sql.newMemoryConnection;
import static dev.stowage.testing.Sql.rows;
import static dev.stowage.testing.Sql.systemSchema;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.calcite.InsertCall;
import dev.stowage.calcite.SystemSchema;
import dev.stowage.catalog.Catalog;
import dev.stowage.error.ErrorCode;
import dev.stowage.error.StowageException;
import dev.stowage.format.FileFormatParser;
import dev.stowage.format.FileFormatType;
import dev.stowage.scan.StopCondition;
import dev.stowage.stage.FileSelection;
import dev.stowage.table.TableAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.linq4j.QueryProvider;
import org.apache.calcite.schema.SchemaPlus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** COPY and INSERT stopped by a cancel or a query timeout write nothing. */
class StoppedCopyTest {
    private static final StopCondition CANCELLED = StopCondition.of(new AtomicBoolean(true), null);
    private static final StopCondition TIMED_OUT = new StopCondition(null, System.nanoTime() - 1, 1000L);

    @TempDir
    Path scratch;

    private Connection connection;
    private SystemSchema system;
    private Catalog catalog;

    @BeforeEach
    void open() throws Exception {
        connection = newMemoryConnection();
        system = systemSchema(connection);
        catalog = system.catalog();
        Files.createDirectories(scratch.resolve("in"));
        Files.writeString(scratch.resolve("in/a.csv"), "1\n2\n3\n");
        execute(connection, "CREATE STAGE s URL = 'fs://" + scratch + "/'");
        execute(connection, "CREATE TABLE t (a INT)");
    }

    @AfterEach
    void close() throws Exception {
        connection.close();
    }

    @Test
    void aLoadPastItsTimeoutLoadsNothingAndForgetsNothing() throws Exception {
        TableLoad load = new TableLoad(catalog, system.stageFiles(), system.tableFiles(), catalog.requireTable("t"),
                FileSelection.resolve(catalog, "@s/in/", Map.of(), null, List.of(), "copy"),
                FileFormatParser.defaults(FileFormatType.CSV), LoadOptions.of(Map.of()), 2);
        assertThatThrownBy(() -> load.run(TIMED_OUT)).isInstanceOfSatisfying(StowageException.class,
                e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.TIMEOUT));
        assertThat(rows(connection, "SELECT count(*) FROM t")).containsExactly(List.of("0"));
        // the file was not recorded as loaded: the next COPY loads it
        assertThat(rows(connection, "COPY INTO t FROM @s/in/ FILE_FORMAT = (TYPE = CSV)")).hasSize(1);
        assertThat(rows(connection, "SELECT sum(a) FROM t")).containsExactly(List.of("6"));
    }

    @Test
    void aCancelledUnloadUploadsNothing() throws Exception {
        execute(connection, "INSERT INTO t VALUES (1), (2)");
        LocationUnload unload = new LocationUnload(connection, "SELECT * FROM t",
                () -> system.stageFiles().open(catalog.requireStage("s")), "out/",
                FileFormatParser.defaults(FileFormatType.CSV), UnloadOptions.of(Map.of()));
        assertThatThrownBy(() -> unload.run(CANCELLED)).isInstanceOfSatisfying(StowageException.class,
                e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.CANCELED));
        assertThat(rows(connection, "LIST @s/out/")).isEmpty();
    }

    @Test
    void aCancelledInsertAddsNothing() throws Exception {
        InsertCall insert = new InsertCall(new TableAppender(catalog, system.tableFiles(), catalog.requireTable("t")), true);
        assertThatThrownBy(() -> insert.append(Linq4j.asEnumerable(List.of(1, 2, 3)), cancelled()))
                .isInstanceOfSatisfying(StowageException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.CANCELED));
        assertThat(rows(connection, "SELECT count(*) FROM t")).containsExactly(List.of("0"));
    }

    /** The data context of a statement that was cancelled. */
    private static DataContext cancelled() {
        return new DataContext() {
            @Override
            public SchemaPlus getRootSchema() {
                return null;
            }

            @Override
            public JavaTypeFactory getTypeFactory() {
                return null;
            }

            @Override
            public QueryProvider getQueryProvider() {
                return null;
            }

            @Override
            public Object get(String name) {
                return DataContext.Variable.CANCEL_FLAG.camelName.equals(name) ? new AtomicBoolean(true) : null;
            }
        };
    }
}
