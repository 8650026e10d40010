package dev.stowage.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.stowage.calcite.SystemSchema;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.calcite.jdbc.CalciteConnection;

/** Small JDBC helpers for tests that go through the driver as a user would. */
public final class Sql {
    private Sql() {
    }

    /** Opens a connection to a new in-memory catalog nobody else uses. */
    public static Connection newMemoryConnection() throws SQLException {
        return DriverManager.getConnection("jdbc:stowage:mem:" + UUID.randomUUID());
    }

    /** Returns the {@code system} schema of a connection: its catalog, its storage and the plans it keeps. */
    public static SystemSchema systemSchema(Connection connection) throws SQLException {
        return connection.unwrap(CalciteConnection.class).getRootSchema().getSubSchema("system")
                .unwrap(SystemSchema.class);
    }

    /** Runs a statement and reads every row it returns, so that failures while fetching surface too. */
    public static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            if (statement.execute(sql)) {
                try (ResultSet resultSet = statement.getResultSet()) {
                    int columns = resultSet.getMetaData().getColumnCount();
                    while (resultSet.next()) {
                        for (int i = 1; i <= columns; i++) {
                            resultSet.getObject(i);
                        }
                    }
                }
            }
        }
    }

    /** Runs a query and returns its rows, each value as a string (null stays null). */
    public static List<List<String>> rows(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet resultSet = statement.executeQuery(sql)) {
            int columns = resultSet.getMetaData().getColumnCount();
            List<List<String>> rows = new ArrayList<>();
            while (resultSet.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(resultSet.getString(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    /** Returns the column labels of a query's result. */
    public static List<String> columns(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet resultSet = statement.executeQuery(sql)) {
            ResultSetMetaData metaData = resultSet.getMetaData();
            List<String> labels = new ArrayList<>();
            for (int i = 1; i <= metaData.getColumnCount(); i++) {
                labels.add(metaData.getColumnLabel(i));
            }
            return labels;
        }
    }

    /**
     * Runs {@code sql}, asserts it fails with {@code sqlState} and {@code errorCode}, and returns the exception (as a
     * Throwable, because AssertJ treats an {@code SQLException} as an iterable).
     */
    public static Throwable failure(Connection connection, String sql, String sqlState, int errorCode) {
        SQLException e = catchThrowableOfType(SQLException.class, () -> execute(connection, sql));
        assertThat((Throwable) e).as("failure of %s", sql).isNotNull();
        assertThat(e.getSQLState()).as("SQLState of %s: %s", sql, e.getMessage()).isEqualTo(sqlState);
        assertThat(e.getErrorCode()).as("error code of %s: %s", sql, e.getMessage()).isEqualTo(errorCode);
        return e;
    }
}
