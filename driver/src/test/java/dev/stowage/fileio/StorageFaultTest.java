package dev.stowage.fileio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How the storage layer behaves when S3 misbehaves: a local server speaking S3's wire protocol answers each request
 * as the test scripts it (anonymous access, so no signatures are involved).
 */
class StorageFaultTest {
    private static final StorageSettings FAST = new StorageSettings(Duration.ofSeconds(2), 3);

    private HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<Socket> silentSockets = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() throws IOException {
        if (server != null) {
            server.stop(0);
        }
        for (Socket socket : silentSockets) {
            socket.close();
        }
    }

    /** Starts a server on 127.0.0.1 that accepts connections and never answers on them. */
    private ServerSocket silentServer() throws IOException {
        ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            try {
                while (!silent.isClosed()) {
                    silentSockets.add(silent.accept());
                }
            } catch (IOException closed) {
                // the test is over
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        return silent;
    }

    private interface Script {
        void answer(HttpExchange exchange, int attempt) throws IOException;
    }

    private FileIO serve(Script script, StorageSettings settings) throws IOException {
        AtomicInteger attempts = new AtomicInteger();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            try {
                script.answer(exchange, attempts.incrementAndGet());
            } finally {
                exchange.close();
            }
        });
        server.start();
        return open("http://127.0.0.1:" + server.getAddress().getPort(), settings);
    }

    private static FileIO open(String endpoint, StorageSettings settings) throws IOException {
        return FileIOs.open(Location.parse("s3://bucket/root/"), Map.of("endpoint_url", endpoint), settings);
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/xml");
        if ("HEAD".equals(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().set("Content-Length", String.valueOf(bytes.length));
            exchange.sendResponseHeaders(status, -1);
        } else {
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    private static String error(String code) {
        return "<?xml version=\"1.0\"?><Error><Code>" + code + "</Code><Message>" + code + "</Message></Error>";
    }

    private static void object(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Last-Modified", "Tue, 24 Nov 2026 10:00:00 GMT");
        exchange.getResponseHeaders().set("ETag", "\"abc\"");
        respond(exchange, 200, "hello");
    }

    @Test
    void transientErrorsAreRetried() throws IOException {
        try (FileIO io = serve((exchange, attempt) -> {
            if (attempt == 1) {
                respond(exchange, 503, error("SlowDown"));
            } else if (attempt == 2) {
                respond(exchange, 429, error("TooManyRequests"));
            } else {
                object(exchange);
            }
        }, FAST)) {
            assertThat(io.stat("a.txt").size()).isEqualTo(5);
        }
        assertThat(requests).hasSize(3).allMatch(request -> request.startsWith("HEAD /bucket/root/a.txt"));
    }

    @Test
    void permanentErrorsAreNotRetried() throws IOException {
        try (FileIO io = serve((exchange, attempt) -> respond(exchange, 403, error("AccessDenied")), FAST)) {
            assertThatThrownBy(() -> io.read("a.txt", 0, 5))
                    .isInstanceOfSatisfying(StorageException.class,
                            e -> assertThat(e.kind()).isEqualTo(StorageException.Kind.PERMISSION_DENIED))
                    .hasMessageContaining("s3://bucket/root/a.txt");
        }
        assertThat(requests).hasSize(1);
    }

    @Test
    void persistentServerErrorsFailAfterTheRetries() throws IOException {
        try (FileIO io = serve((exchange, attempt) -> respond(exchange, 500, error("InternalError")),
                new StorageSettings(Duration.ofSeconds(10), 2))) {
            assertThatThrownBy(() -> io.stat("a.txt"))
                    .isInstanceOfSatisfying(StorageException.class,
                            e -> assertThat(e.kind()).isEqualTo(StorageException.Kind.OTHER))
                    .hasMessageContaining("after retries");
        }
        assertThat(requests).hasSize(3);
    }

    @Test
    void aServerThatNeverAnswersHitsTheDeadline() throws Exception {
        try (ServerSocket silent = silentServer()) {
            try (FileIO io = open("http://127.0.0.1:" + silent.getLocalPort(),
                    new StorageSettings(Duration.ofMillis(800), 3))) {
                long start = System.nanoTime();
                assertThatThrownBy(() -> io.stat("a.txt"))
                        .isInstanceOfSatisfying(StorageException.class,
                                e -> assertThat(e.kind()).isEqualTo(StorageException.Kind.TIMEOUT))
                        .hasMessageContaining("did not answer stat within 800 ms");
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
            }
        }
    }

    @Test
    void aReadFromAServerThatNeverAnswersHitsTheDeadlineAndCloseReturns() throws Exception {
        try (ServerSocket silent = silentServer()) {
            long start = System.nanoTime();
            FileIO io = open("http://127.0.0.1:" + silent.getLocalPort(), new StorageSettings(Duration.ofMillis(800), 0));
            assertThatThrownBy(() -> io.read("a.txt", 0, 10))
                    .isInstanceOfSatisfying(StorageException.class,
                            e -> assertThat(e.kind()).isEqualTo(StorageException.Kind.TIMEOUT))
                    .hasMessageContaining("did not answer read within 800 ms");
            io.close();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
            assertThatThrownBy(() -> io.read("a.txt", 0, 10)).isInstanceOf(IOException.class);
        }
    }

    @Test
    void aRefusedConnectionIsUnreachable() throws IOException {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        try (FileIO io = open("http://127.0.0.1:" + closedPort, new StorageSettings(Duration.ofSeconds(10), 1))) {
            assertThatThrownBy(() -> io.stat("a.txt"))
                    .isInstanceOfSatisfying(StorageException.class,
                            e -> assertThat(e.kind()).isEqualTo(StorageException.Kind.UNREACHABLE))
                    .hasMessageContaining("connection refused");
        }
    }

    @Test
    void aServerThatDiesMidListingFailsTheListing() throws IOException {
        try (FileIO io = serve((exchange, attempt) -> {
            String query = exchange.getRequestURI().getRawQuery();
            if (query != null && query.contains("continuation-token")) {
                // the server goes away: the connection closes without a response
                exchange.getResponseBody().close();
                return;
            }
            respond(exchange, 200, "<?xml version=\"1.0\"?><ListBucketResult><Name>bucket</Name><Prefix>root/</Prefix>"
                    + "<KeyCount>1</KeyCount><MaxKeys>1000</MaxKeys><IsTruncated>true</IsTruncated>"
                    + "<NextContinuationToken>page2</NextContinuationToken>"
                    + "<Contents><Key>root/a.csv</Key><Size>3</Size><LastModified>2026-11-24T10:00:00.000Z</LastModified>"
                    + "<ETag>\"x\"</ETag></Contents></ListBucketResult>");
        }, FAST)) {
            assertThatThrownBy(() -> io.list("").toList()).isInstanceOf(StorageException.class)
                    .hasMessageContaining("s3://bucket/root/");
        }
        assertThat(requests).anyMatch(request -> request.contains("continuation-token=page2"));
    }
}
