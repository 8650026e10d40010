package dev.stowage.jdbc;

import static dev.stowage.testing.Sql.execute;
import static dev.stowage.testing.Sql.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.stowage.catalog.ConnectionDefinition;
import dev.stowage.sql.parser.impl.StowageParserImpl;
import dev.stowage.testing.LogCapture;
import dev.stowage.testing.Sql;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every kind of failing statement with distinctive secret values and checks that none of them reaches an
 * exception (message, cause chain or printed stack trace), a log record at any level (with every logger at ALL),
 * SHOW/DESC output or {@code toString()}.
 */
class SecretLeakTest {
    private static final String SECRET = "Zq8SECRETvalue-9f3kLm";
    private static final String TOKEN = "TOKEN-7yH2kP-session";
    private static final String KEY = "AZUREkey0123456789==";

    @TempDir
    Path home;

    /** Statements holding secrets as option values that fail at every stage: lexing, parsing, catalog rules. */
    private static List<String> secretStatements() {
        return List.of(
                "CREATE CONNECTION c STORAGE_TYPE = 's3' SECRET_ACCESS_KEY = '" + SECRET + "', SESSION_TOKEN = '" + TOKEN + "'",
                "CREATE CONNECTION c STORAGE_TYPE = 's3' SECRET_ACCESS_KEY '" + SECRET + "'",
                "CREATE CONNECTION c STORAGE_TYPE = 's3' SECRET_ACCESS_KEY = '" + SECRET + "' 'dangling'",
                "CREATE CONNECTION c STORAGE_TYPE = 's3' SECRET_ACCESS_KEY = '" + SECRET + "' REGION = 42",
                "CREATE CONNECTION c STORAGE_TYPE = 's3' SECRET_ACCESS_KEY = '" + SECRET + "' BOGUS = '" + TOKEN + "'",
                "CREATE CONNECTION c STORAGE_TYPE = 'azblob' ACCOUNT_KEY = '" + KEY + "'",
                "CREATE CONNECTION c STORAGE_TYPE = 'nope' SECRET_ACCESS_KEY = '" + SECRET + "'",
                "CREATE CONNECTION existing STORAGE_TYPE = 's3' SECRET_ACCESS_KEY = '" + SECRET + "'",
                "CREATE OR REPLACE CONNECTION IF NOT EXISTS c STORAGE_TYPE = 's3' SECRET_ACCESS_KEY = '" + SECRET + "'",
                "CREATE CONNECTION c STORAGE_TYPE = 's3' SECRET_ACCESS_KEY = '" + SECRET + "' ENABLE_VIRTUAL_HOST_STYLE = 'yes'",
                "CREATE CONNECTION c STORAGE_TYPE = 's3' SECRET_ACCESS_KEY = '" + SECRET + "' ENABLE_VIRTUAL_HOST_STYLE = FALSE"
                        + " CONNECTION_NAME = 'x'",
                "CREATE CONNECTION c STORAGE_TYPE = 's3' SECRET_ACCESS_KEY = '" + SECRET,
                "CREATE CONNECTION c STORAGE_TYPE = 's3' SECRET_ACCESS_KEY = '" + SECRET + "' ;; SELECT",
                "CREATE STAGE s URL = 's3://b/dir' CONNECTION = (SECRET_ACCESS_KEY = '" + SECRET + "')",
                "CREATE STAGE s URL = 's3://b/' CONNECTION = (SECRET_ACCESS_KEY = '" + SECRET + "' BOGUS = '" + TOKEN + "')",
                "CREATE STAGE s URL = 's3://b/' CONNECTION = (SECRET_ACCESS_KEY = '" + SECRET + "', CONNECTION_NAME = 'x')",
                "CREATE STAGE s URL = 'azblob://c/' CONNECTION = (ENDPOINT_URL = 'http://127.0.0.1:1' ACCOUNT_KEY = '"
                        + KEY + "') FILE_FORMAT = (TYPE = CSV FIELD_DELIMITER = 'ab')",
                "CREATE STAGE s URL = 's3://b/' CONNECTION = (SECRET_ACCESS_KEY = '" + SECRET + "' REGION = 7)",
                "CREATE STAGE s URL = 'gcs://b/' CONNECTION = (CREDENTIAL = '" + KEY + "' CREDENTIAL2 = 'x')");
    }

    /**
     * Queries whose literals fail validation or execution. A query's literals are data rather than credentials, and
     * Calcite's own TRACE logging may print them; exception messages must still not repeat them.
     */
    private static List<String> literalStatements() {
        return List.of(
                "SELECT '" + SECRET + "' FROM no_such_table",
                "SELECT CAST(x AS INTEGER) FROM (VALUES ('" + SECRET + "')) AS t(x)",
                "SELECT * FROM system.connections WHERE name = '" + SECRET + "' AND no_such_column = 1",
                "SELECT '" + SECRET + "' +");
    }

    @Test
    void noSecretReachesAnException() throws Exception {
        List<String> leaks = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:stowage:" + home)) {
            execute(connection, "CREATE CONNECTION existing STORAGE_TYPE = 's3' SECRET_ACCESS_KEY = '" + SECRET + "'");
            for (String sql : allStatements()) {
                SQLException statementFailure = catchThrowableOfType(SQLException.class, () -> execute(connection, sql));
                assertThat((Throwable) statementFailure).as("statement should fail: %s", sql).isNotNull();
                assertThat(statementFailure.getSQLState()).as("SQLState for %s", sql).isNotNull().hasSize(5);
                collectLeaks(sql, statementFailure, leaks);
                SQLException prepareFailure = catchThrowableOfType(SQLException.class, () -> {
                    try (PreparedStatement prepared = connection.prepareStatement(sql);
                         java.sql.ResultSet resultSet = prepared.executeQuery()) {
                        while (resultSet.next()) {
                            resultSet.getObject(1);
                        }
                    }
                });
                if (prepareFailure != null) {
                    collectLeaks("prepared " + sql, prepareFailure, leaks);
                }
                try (Statement statement = connection.createStatement()) {
                    assertThat(statement.toString()).doesNotContain(SECRET);
                }
            }
        }
        assertThat(leaks).isEmpty();
    }

    @Test
    void noCredentialReachesALogAtAnyLevel() throws Exception {
        try (LogCapture logs = LogCapture.start();
             Connection connection = DriverManager.getConnection("jdbc:stowage:" + home.resolve("logs"))) {
            execute(connection, "CREATE CONNECTION existing STORAGE_TYPE = 's3' SECRET_ACCESS_KEY = '" + SECRET + "'");
            execute(connection, "CREATE OR REPLACE CONNECTION existing STORAGE_TYPE = 's3' SESSION_TOKEN = '" + TOKEN + "'");
            for (String sql : secretStatements()) {
                catchThrowableOfType(SQLException.class, () -> execute(connection, sql));
            }
            rows(connection, "SHOW CONNECTIONS");
            assertThat(logs.formatted()).noneMatch(SecretLeakTest::containsSecret);
        }
    }

    private static List<String> allStatements() {
        List<String> all = new ArrayList<>(secretStatements());
        all.addAll(literalStatements());
        return all;
    }

    @Test
    void showDescSystemTableAndToStringMaskSecrets() throws Exception {
        try (Connection connection = Sql.newMemoryConnection()) {
            execute(connection, "CREATE CONNECTION c STORAGE_TYPE = 's3' SECRET_ACCESS_KEY = '" + SECRET
                    + "' SESSION_TOKEN = '" + TOKEN + "'");
            execute(connection, "CREATE STAGE st URL = 's3://bucket/p/' CONNECTION = (ACCESS_KEY_ID = 'AKIAID'"
                    + " SECRET_ACCESS_KEY = '" + SECRET + "' SECURITY_TOKEN = '" + TOKEN + "')");
            for (String sql : List.of("SHOW CONNECTIONS", "DESC CONNECTION c", "SELECT * FROM system.connections",
                    "SHOW STAGES", "DESC STAGE st", "SELECT * FROM system.stages")) {
                assertThat(rows(connection, sql).toString()).as(sql).doesNotContain(SECRET, TOKEN);
            }
            assertThat(connection.toString()).doesNotContain(SECRET);
        }
        ConnectionDefinition definition = ConnectionDefinition.of("c", "s3", Map.of("secret_access_key", SECRET));
        assertThat(definition.toString()).doesNotContain(SECRET);

        SqlNode node = SqlParser.create("CREATE CONNECTION c STORAGE_TYPE = 's3' SECRET_ACCESS_KEY = '" + SECRET
                        + "' TOKEN = '" + TOKEN + "' REGION = 'eu-west-1'",
                SqlParser.config().withParserFactory(StowageParserImpl.FACTORY).withQuoting(Quoting.DOUBLE_QUOTE)
                        .withUnquotedCasing(Casing.UNCHANGED)).parseStmt();
        assertThat(node.toString()).doesNotContain(SECRET, TOKEN).contains("'eu-west-1'", "'***'");
    }

    private static void collectLeaks(String sql, SQLException failure, List<String> leaks) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (containsSecret(String.valueOf(t.getMessage())) || containsSecret(t.toString())) {
                leaks.add(sql + " -> " + t);
            }
        }
        if (containsSecret(trace.toString())) {
            leaks.add(sql + " -> stack trace");
        }
    }

    private static boolean containsSecret(String text) {
        return text.contains(SECRET) || text.contains(TOKEN) || text.contains(KEY);
    }
}
