package dev.stowage.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.channels.NetworkChannel;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import org.apache.calcite.avatica.jdbc.JdbcMeta;
import org.apache.calcite.avatica.remote.Driver.Serialization;
import org.apache.calcite.avatica.remote.LocalService;
import org.apache.calcite.avatica.server.HttpServer;
import org.apache.calcite.avatica.server.ServerCustomizer;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * An Avatica HTTP server over one Stowage JDBC URL. Every remote connection opens a local connection to that URL,
 * so all remote clients share its catalog.
 *
 * <p>The server speaks Avatica's protobuf serialization and listens on {@code 127.0.0.1} unless
 * {@link Builder#bindAddress(String)} names another address:
 *
 * <pre>{@code
 * try (EmbeddedServer server = EmbeddedServer.builder().url("jdbc:stowage:mem:shared").build()) {
 *     int port = server.start();
 *     // clients: jdbc:avatica:remote:url=http://127.0.0.1:<port>;serialization=protobuf
 * }
 * }</pre>
 */
public final class EmbeddedServer implements AutoCloseable {
    /** The JDBC URL served when none is given: the persistent catalog in the default home. */
    public static final String DEFAULT_URL = "jdbc:stowage:";

    /** The address the server listens on when none is given. */
    public static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";

    private final String url;
    private final int requestedPort;
    private final String bindAddress;
    private final Properties properties;

    private HttpServer httpServer;
    private ClosableJdbcMeta meta;
    private ServerConnector connector;

    private EmbeddedServer(Builder builder) {
        this.url = builder.url;
        this.requestedPort = builder.port;
        this.bindAddress = builder.bindAddress;
        this.properties = new Properties();
        this.properties.putAll(builder.properties);
    }

    /** Returns a builder with the defaults: {@value #DEFAULT_URL}, an ephemeral port, {@value #DEFAULT_BIND_ADDRESS}. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts listening and returns the port the server is bound to.
     *
     * @throws SQLException if the JDBC URL cannot be served
     * @throws IllegalStateException if the server is already started or cannot bind its address
     */
    public synchronized int start() throws SQLException {
        if (httpServer != null) {
            throw new IllegalStateException("The server is already started on port " + httpServer.getPort() + ".");
        }
        ClosableJdbcMeta newMeta = new ClosableJdbcMeta(url, properties);
        ServerCustomizer<Server> bindHost = server -> {
            for (Connector candidate : server.getConnectors()) {
                if (candidate instanceof ServerConnector serverConnector) {
                    serverConnector.setHost(bindAddress);
                    connector = serverConnector;
                }
            }
        };
        HttpServer newServer = new HttpServer.Builder<Server>()
                .withHandler(new LocalService(newMeta), Serialization.PROTOBUF)
                .withPort(requestedPort)
                .withServerCustomizers(List.of(bindHost), Server.class)
                .build();
        try {
            newServer.start();
        } catch (RuntimeException e) {
            IllegalStateException failure = new IllegalStateException(
                    "Cannot start the server on " + bindAddress + ":" + requestedPort + ".", e);
            try {
                newServer.stop();
            } catch (RuntimeException stopFailed) {
                failure.addSuppressed(stopFailed);
            }
            connector = null;
            newMeta.closeAll();
            throw failure;
        }
        httpServer = newServer;
        meta = newMeta;
        return httpServer.getPort();
    }

    /** Returns the port the server is bound to, or {@code -1} when it is not running. */
    public synchronized int port() {
        return httpServer == null ? -1 : httpServer.getPort();
    }

    /**
     * Returns the local address of the listening socket.
     *
     * @throws IllegalStateException if the server is not running
     */
    public synchronized InetSocketAddress localAddress() {
        if (httpServer == null || connector == null) {
            throw new IllegalStateException("The server is not running.");
        }
        Object transport = connector.getTransport();
        if (transport instanceof NetworkChannel channel) {
            try {
                SocketAddress address = channel.getLocalAddress();
                if (address instanceof InetSocketAddress inet) {
                    return inet;
                }
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read the server's local address.", e);
            }
        }
        throw new IllegalStateException("The server has no open socket.");
    }

    /** Returns the address the server was configured to listen on. */
    public String bindAddress() {
        return bindAddress;
    }

    /** Returns the Stowage JDBC URL the server serves. */
    public String url() {
        return url;
    }

    /** Stops the server and closes the local connections it opened; does nothing when it is not running. */
    @Override
    public synchronized void close() {
        if (httpServer == null) {
            return;
        }
        try {
            httpServer.stop();
        } finally {
            httpServer = null;
            connector = null;
            meta.closeAll();
            meta = null;
        }
    }

    /** Configures an {@link EmbeddedServer}. */
    public static final class Builder {
        private String url = DEFAULT_URL;
        private int port;
        private String bindAddress = DEFAULT_BIND_ADDRESS;
        private final Properties properties = new Properties();

        private Builder() {
        }

        /** Sets the Stowage JDBC URL to serve; default {@value EmbeddedServer#DEFAULT_URL}. */
        public Builder url(String jdbcUrl) {
            this.url = Objects.requireNonNull(jdbcUrl, "jdbcUrl");
            return this;
        }

        /** Sets the port to listen on; default 0, an ephemeral port reported by {@link EmbeddedServer#start()}. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("Port must be between 0 and 65535, got " + port + ".");
            }
            this.port = port;
            return this;
        }

        /** Sets the host name or IP address to listen on; default {@value EmbeddedServer#DEFAULT_BIND_ADDRESS}. */
        public Builder bindAddress(String bindAddress) {
            Objects.requireNonNull(bindAddress, "bindAddress");
            if (bindAddress.isBlank()) {
                throw new IllegalArgumentException("The bind address must not be blank.");
            }
            this.bindAddress = bindAddress;
            return this;
        }

        /** Sets a connection property passed to every local connection; remote clients' properties override it. */
        public Builder property(String name, String value) {
            properties.setProperty(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Returns the server, not yet started. */
        public EmbeddedServer build() {
            return new EmbeddedServer(this);
        }
    }

    /** A {@link JdbcMeta} whose open connections and statements can all be closed at once. */
    private static final class ClosableJdbcMeta extends JdbcMeta {
        ClosableJdbcMeta(String url, Properties properties) throws SQLException {
            super(url, properties);
        }

        void closeAll() {
            getStatementCache().invalidateAll();
            getConnectionCache().invalidateAll();
        }
    }
}
