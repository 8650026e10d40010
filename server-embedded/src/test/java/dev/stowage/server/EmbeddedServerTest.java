package dev.stowage.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EmbeddedServerTest {
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    private EmbeddedServer server;
    private int port;

    @BeforeEach
    void startServer() throws SQLException {
        server = EmbeddedServer.builder().url("jdbc:stowage:mem:embedded-" + UUID.randomUUID()).build();
        port = server.start();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private Connection remote() throws SQLException {
        return DriverManager.getConnection(
                "jdbc:avatica:remote:url=http://127.0.0.1:" + port + ";serialization=protobuf");
    }

    @Test
    void servesOneCatalogToRemoteClientsOverLoopbackOnly() throws Exception {
        assertThat(port).isPositive();
        assertThat(server.port()).isEqualTo(port);
        assertThat(server.bindAddress()).isEqualTo("127.0.0.1");
        InetSocketAddress listening = server.localAddress();
        assertThat(listening.getAddress()).isEqualTo(InetAddress.getByName("127.0.0.1"));
        assertThat(listening.getPort()).isEqualTo(port);

        try (Connection first = remote(); Statement statement = first.createStatement()) {
            statement.execute("CREATE CONNECTION toronto STORAGE_TYPE = 's3'"
                    + " ACCESS_KEY_ID = 'AKIAIOSFODNN7EXAMPLE' SECRET_ACCESS_KEY = '" + SECRET + "'");
            List<List<String>> rows = rows(statement, "SHOW CONNECTIONS");
            assertThat(rows).containsExactly(
                    List.of("toronto", "s3", "access_key_id=AK***LE secret_access_key=wJ***EY"));
            assertThat(rows.toString()).doesNotContain(SECRET).doesNotContain("AKIAIOSFODNN7EXAMPLE");

            try (Connection second = remote(); Statement other = second.createStatement()) {
                assertThat(rows(other, "SHOW CONNECTIONS")).isEqualTo(rows);
                assertThat(rows(other, "SELECT name, storage_type FROM system.connections"))
                        .containsExactly(List.of("toronto", "s3"));
            }
        }
    }

    @Test
    void remoteClientsShareTables() throws Exception {
        try (Connection first = remote(); Statement statement = first.createStatement()) {
            statement.execute("CREATE TABLE events (id INT NOT NULL, name VARCHAR)");
            assertThat(statement.executeUpdate("INSERT INTO events VALUES (1, 'signup'), (2, 'login')")).isEqualTo(2);
            try (Connection second = remote(); Statement other = second.createStatement()) {
                assertThat(rows(other, "SELECT id, name FROM events ORDER BY id"))
                        .containsExactly(List.of("1", "signup"), List.of("2", "login"));
                try (ResultSet tables = second.getMetaData().getTables(null, "default", "%", null)) {
                    assertThat(tables.next()).isTrue();
                    assertThat(tables.getString("TABLE_NAME")).isEqualTo("events");
                    assertThat(tables.getString("TABLE_TYPE")).isEqualTo("TABLE");
                }
            }
        }
    }

    @Test
    void errorsReachTheRemoteClient() throws SQLException {
        try (Connection connection = remote(); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeQuery("DESC CONNECTION nope"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("Connection 'nope' does not exist.");
        }
    }

    @Test
    void closeStopsListeningAndStartCanOnlyRunOnce() throws SQLException {
        assertThatThrownBy(server::start).isInstanceOf(IllegalStateException.class);
        server.close();
        assertThat(server.port()).isEqualTo(-1);
        assertThatThrownBy(this::remote).hasRootCauseInstanceOf(ConnectException.class);
        server.close();
    }

    @Test
    void aPortInUseIsReported() {
        EmbeddedServer second = EmbeddedServer.builder().url(server.url()).port(port).build();
        assertThatThrownBy(second::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("127.0.0.1:" + port);
        assertThat(second.port()).isEqualTo(-1);
    }

    private static List<List<String>> rows(Statement statement, String sql) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (ResultSet resultSet = statement.executeQuery(sql)) {
            int columns = resultSet.getMetaData().getColumnCount();
            while (resultSet.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(resultSet.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
