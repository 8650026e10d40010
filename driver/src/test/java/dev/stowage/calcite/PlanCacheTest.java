package dev.stowage.calcite;

import static dev.stowage.testing.Sql.execute;
import static dev.stowage.testing.Sql.newMemoryConnection;
import static dev.stowage.testing.Sql.rows;
import static dev.stowage.testing.Sql.systemSchema;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When a connection reuses the plan of a query it ran before, and when it plans again. */
class PlanCacheTest {
    @TempDir
    Path scratch;

    private Connection connection;
    private PlanCache plans;

    @BeforeEach
    void open() throws Exception {
        connection = newMemoryConnection();
        plans = systemSchema(connection).planCache();
        Files.writeString(scratch.resolve("a.csv"), "1,2\n3,4\n");
        execute(connection, "CREATE STAGE s URL = 'fs://" + scratch + "/'");
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    @Test
    void theSameQueryReusesItsPlanWhileNothingChanges() throws Exception {
        String sql = "SELECT sum($1::INT) FROM @s/a.csv (FILE_FORMAT => 'CSV')";
        assertThat(rows(connection, sql)).containsExactly(List.of("4"));
        assertThat(rows(connection, sql)).containsExactly(List.of("4"));
        assertThat(rows(connection, sql)).containsExactly(List.of("4"));
        assertThat(plans.reuses()).isEqualTo(2);
        // another statement object, the same text
        try (Statement statement = connection.createStatement()) {
            statement.executeQuery(sql).close();
        }
        assertThat(plans.reuses()).isEqualTo(3);
    }

    @Test
    void aCatalogChangePlansAgain() throws Exception {
        String sql = "SELECT sum($2::INT) FROM @s/a.csv (FILE_FORMAT => 'CSV')";
        assertThat(rows(connection, sql)).containsExactly(List.of("6"));
        execute(connection, "CREATE CONNECTION unrelated STORAGE_TYPE = 's3' ACCESS_KEY_ID = 'k'"
                + " SECRET_ACCESS_KEY = 's'");
        assertThat(rows(connection, sql)).containsExactly(List.of("6"));
        assertThat(plans.reuses()).isZero();
    }

    @Test
    void aChangeMadeByAnotherConnectionOfTheCatalogPlansAgain() throws Exception {
        Path home = scratch.resolve("home");
        Files.createDirectories(scratch.resolve("one"));
        Files.createDirectories(scratch.resolve("two"));
        Files.writeString(scratch.resolve("one/f.csv"), "1\n");
        Files.writeString(scratch.resolve("two/f.csv"), "2\n");
        try (Connection first = DriverManager.getConnection("jdbc:stowage:" + home);
                Connection second = DriverManager.getConnection("jdbc:stowage:" + home)) {
            execute(first, "CREATE STAGE p URL = 'fs://" + scratch.resolve("one") + "/'");
            String sql = "SELECT $1 FROM @p/f.csv (FILE_FORMAT => 'CSV')";
            assertThat(rows(first, sql)).containsExactly(List.of("1"));
            assertThat(rows(first, sql)).containsExactly(List.of("1"));
            execute(second, "CREATE OR REPLACE STAGE p URL = 'fs://" + scratch.resolve("two") + "/'");
            assertThat(rows(first, sql)).containsExactly(List.of("2"));
        }
    }

    @Test
    void aMaximumRowCountIsPartOfThePlan() throws Exception {
        String sql = "SELECT $1 FROM @s/a.csv (FILE_FORMAT => 'CSV')";
        assertThat(rows(connection, sql)).hasSize(2);
        try (Statement statement = connection.createStatement()) {
            statement.setMaxRows(1);
            var rs = statement.executeQuery(sql);
            int count = 0;
            while (rs.next()) {
                count++;
            }
            assertThat(count).isEqualTo(1);
        }
        assertThat(rows(connection, sql)).hasSize(2);
        assertThat(plans.reuses()).isEqualTo(1);
    }

    @Test
    void plansOfSystemTablesAndListingsAreNotKept() throws Exception {
        rows(connection, "SELECT * FROM system.stages");
        rows(connection, "SELECT * FROM system.stages");
        rows(connection, "LIST @s");
        rows(connection, "LIST @s");
        assertThat(plans.reuses()).isZero();
    }
}
