package dev.stowage.ddl;

import static dev.stowage.testing.Sql.execute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A running LIST stops when its statement is cancelled or runs past its query timeout. */
class ListingCancellationTest {
    @TempDir
    Path home;

    @Test
    void cancelStopsTheListingAtTheNextRow() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:stowage:" + home)) {
            execute(connection, "CREATE STAGE many");
            Path directory = home.resolve("data/stages/many");
            for (int i = 0; i < 2_000; i++) {
                Files.writeString(directory.resolve(String.format("f%05d.csv", i)), "x");
            }
            try (Statement statement = connection.createStatement();
                 ResultSet resultSet = statement.executeQuery("LIST @many")) {
                assertThat(resultSet.next()).isTrue();
                statement.cancel();
                SQLException cancelled = catchThrowableOfType(SQLException.class, () -> {
                    while (resultSet.next()) {
                        resultSet.getString(1);
                    }
                });
                assertThat((Throwable) cancelled).isNotNull();
                assertThat(cancelled.getSQLState()).as(cancelled.getMessage()).isEqualTo("57014");
            }
            assertThat(dev.stowage.testing.Sql.rows(connection, "SELECT count(*) FROM list_stage(location => '@many')"))
                    .containsExactly(java.util.List.of("2000"));
        }
    }

    @Test
    void theQueryTimeoutStopsTheListing() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:stowage:" + home)) {
            execute(connection, "CREATE STAGE slow");
            Path directory = home.resolve("data/stages/slow");
            for (int i = 0; i < 10; i++) {
                Files.writeString(directory.resolve("f" + i + ".csv"), "x");
            }
            try (Statement statement = connection.createStatement()) {
                statement.setQueryTimeout(1);
                try (ResultSet resultSet = statement.executeQuery("LIST @slow")) {
                    assertThat(resultSet.next()).isTrue();
                    Thread.sleep(1_200);
                    SQLException timedOut = catchThrowableOfType(SQLException.class, resultSet::next);
                    assertThat((Throwable) timedOut).isInstanceOf(java.sql.SQLTimeoutException.class)
                            .hasMessageContaining("query timeout of 1 s");
                    assertThat(timedOut.getSQLState()).isEqualTo("HYT00");
                }
            }
        }
    }
}
