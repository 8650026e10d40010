package dev.stowage.fileio;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An in-memory object store on 127.0.0.1 (port 0) that speaks one cloud's REST dialect; subclasses add the
 * service's authentication, listing and error formats.
 *
 * <p>Requests are addressed virtual-host style ({@code Host: bucket.<service host>}) or, where the service allows
 * it, path style ({@code /bucket/key} on an address host). The server also acts as a forward HTTP proxy: a client
 * started with {@code HTTP_PROXY=http://127.0.0.1:<port>} sends absolute-form requests
 * ({@code GET http://bucket.<service host>/key HTTP/1.1}) that are served here. Requests for any other host get a
 * 502 and are never forwarded anywhere. A plain {@code GET http://127.0.0.1:<port>/__fake/requests} returns the
 * request log, so tests running in another JVM can check what the client sent.
 */
abstract class FakeObjectStorage implements AutoCloseable {
    /** An object as stored. */
    protected record StoredObject(byte[] data, String md5Hex, Instant lastModified, String contentType) {
    }

    /** One parsed request, after addressing. */
    protected record Request(String method, String host, String bucket, String key, String rawPath,
            List<Map.Entry<String, String>> query, Headers headers, byte[] body, boolean virtualHost) {
        /** Returns the first value of query parameter {@code name}, or null. */
        String param(String name) {
            for (Map.Entry<String, String> entry : query) {
                if (entry.getKey().equals(name)) {
                    return entry.getValue();
                }
            }
            return null;
        }

        boolean hasParam(String name) {
            return query.stream().anyMatch(entry -> entry.getKey().equals(name));
        }

        /** Returns the request path, percent-decoded (a {@code +} stays a plus). */
        String decodedPath() {
            return percentDecode(rawPath);
        }
    }

    /** An error answer: HTTP status, the service's error code and message. */
    protected record Failure(int status, String code, String message, Map<String, String> details) {
        Failure(int status, String code, String message) {
            this(status, code, message, Map.of());
        }
    }

    /** What a listing page holds: objects, common prefixes, whether more follow, and the last item returned. */
    protected record ListPage(List<Map.Entry<String, StoredObject>> contents, List<String> commonPrefixes,
            boolean truncated, String lastItem) {
    }

    protected static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    protected static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** Where a client on 127.0.0.1 (not through the proxy) reads the request log. */
    static final String REQUESTS_PATH = "/__fake/requests";

    protected final String serviceHost;
    private final Map<String, NavigableMap<String, StoredObject>> buckets = new ConcurrentHashMap<>();
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong requestIds = new AtomicLong();
    private final HttpServer server;
    private final ExecutorService executor;

    /**
     * Creates the server; call {@link #startServer()} when the subclass is ready.
     *
     * @param serviceHost the service's host name, e.g. {@code oss-cn-stowage.aliyuncs.com}; buckets are its subdomains
     */
    protected FakeObjectStorage(String serviceHost) throws IOException {
        this.serviceHost = serviceHost;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, getClass().getSimpleName() + "-worker");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    protected final void startServer() {
        server.start();
    }

    /** Returns the port the server (and proxy) listens on. */
    public final int port() {
        return server.getAddress().getPort();
    }

    /** Creates an empty bucket. */
    public final void createBucket(String name) {
        buckets.putIfAbsent(name, new ConcurrentSkipListMap<>());
    }

    /** Returns a summary line of every request served so far: method, host, path and query, status. */
    public final List<String> requests() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** Summarizes how {@code request} was signed, without the signature, for the request log. */
    protected abstract String describeAuthorization(Request request);

    /** Returns null if the request is properly signed, else the failure to answer. */
    protected abstract Failure authenticate(Request request) throws Exception;

    /** Answers a bucket-level GET (a listing). */
    protected abstract void list(Request request, NavigableMap<String, StoredObject> objects, Reply reply) throws Exception;

    /** Returns the error document for {@code failure}. */
    protected abstract String errorXml(Failure failure, Request request, String requestId);

    /** Adds the service's own response headers (request id, server name). */
    protected abstract void decorate(Headers headers, String requestId);

    /** Returns the ETag header value of an object. */
    protected abstract String etag(StoredObject object);

    /** Returns whether path-style requests ({@code /bucket/key} on an address host) are served. */
    protected abstract boolean allowsPathStyle();

    /** Returns whether a range whose start lies past the end is answered with 416 (true) or the whole object. */
    protected boolean strictRange(Request request) {
        return true;
    }

    /** The answer under construction. */
    protected final class Reply {
        private final HttpExchange exchange;
        private final String requestId;
        private int status;

        Reply(HttpExchange exchange, String requestId) {
            this.exchange = exchange;
            this.requestId = requestId;
        }

        Headers headers() {
            return exchange.getResponseHeaders();
        }

        void send(int code, byte[] body) throws IOException {
            status = code;
            decorate(exchange.getResponseHeaders(), requestId);
            boolean head = exchange.getRequestMethod().equals("HEAD");
            if (head || body == null || body.length == 0) {
                if (head && body != null) {
                    exchange.getResponseHeaders().set("Content-Length", String.valueOf(body.length));
                }
                exchange.sendResponseHeaders(code, -1);
            } else {
                exchange.sendResponseHeaders(code, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }

        void xml(int code, String xml) throws IOException {
            headers().set("Content-Type", "application/xml");
            send(code, xml.getBytes(StandardCharsets.UTF_8));
        }

        void fail(Failure failure, Request request) throws IOException {
            headers().set("Content-Type", "application/xml");
            byte[] body = errorXml(failure, request, requestId).getBytes(StandardCharsets.UTF_8);
            if (exchange.getRequestMethod().equals("HEAD")) {
                status = failure.status();
                decorate(exchange.getResponseHeaders(), requestId);
                exchange.sendResponseHeaders(failure.status(), -1);
            } else {
                send(failure.status(), body);
            }
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String requestId = String.format("5F%022X", requestIds.incrementAndGet());
        Reply reply = new Reply(exchange, requestId);
        Request request = null;
        try {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            URI uri = exchange.getRequestURI();
            boolean proxied = uri.isAbsolute();
            String hostHeader = proxied ? uri.getHost() : exchange.getRequestHeaders().getFirst("Host");
            String host = stripPort(hostHeader == null ? "" : hostHeader).toLowerCase(Locale.ROOT);
            String rawPath = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            if (!proxied && isAddress(host) && rawPath.equals(REQUESTS_PATH)) {
                byte[] text = String.join("\n", requests()).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
                exchange.sendResponseHeaders(200, text.length == 0 ? -1 : text.length);
                exchange.getResponseBody().write(text);
                return;
            }
            List<Map.Entry<String, String>> query = parseQuery(uri.getRawQuery());
            String bucket;
            String key;
            boolean virtualHost;
            if (host.endsWith("." + serviceHost)) {
                bucket = host.substring(0, host.length() - serviceHost.length() - 1);
                key = percentDecode(rawPath).substring(1);
                virtualHost = true;
            } else if (allowsPathStyle() && !proxied && (isAddress(host) || host.equals(serviceHost))) {
                String path = percentDecode(rawPath).substring(1);
                int slash = path.indexOf('/');
                bucket = slash < 0 ? path : path.substring(0, slash);
                key = slash < 0 ? "" : path.substring(slash + 1);
                virtualHost = false;
            } else {
                record(exchange, host, uri, 502, "");
                byte[] text = ("fake proxy: " + hostHeader + " is not served here and is never forwarded\n")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(502, text.length);
                exchange.getResponseBody().write(text);
                return;
            }
            request = new Request(exchange.getRequestMethod(), host, bucket, key, rawPath, query,
                    exchange.getRequestHeaders(), body, virtualHost);
            Failure failure = authenticate(request);
            if (failure == null) {
                failure = serve(request, reply);
            }
            if (failure != null) {
                reply.fail(failure, request);
            }
            record(exchange, host, uri, reply.status, describeAuthorization(request));
        } catch (Exception e) {
            e.printStackTrace();
            if (reply.status == 0) {
                reply.fail(new Failure(500, "InternalError", e.toString()), request);
            }
        } finally {
            exchange.close();
        }
    }

    private Failure serve(Request request, Reply reply) throws Exception {
        NavigableMap<String, StoredObject> objects = buckets.get(request.bucket());
        if (objects == null) {
            return new Failure(404, "NoSuchBucket", "The specified bucket does not exist.");
        }
        if (request.key().isEmpty()) {
            if (request.method().equals("GET")) {
                list(request, objects, reply);
                return null;
            }
            return new Failure(405, "MethodNotAllowed", "The specified method is not allowed against this resource.");
        }
        if (!request.query().isEmpty() && !request.method().equals("GET") && !request.method().equals("HEAD")) {
            // multipart uploads, ACLs, tagging and the like are not part of this fake
            return new Failure(501, "NotImplemented", "This fake does not implement " + request.method() + " with "
                    + request.query());
        }
        switch (request.method()) {
            case "PUT" -> {
                return put(request, objects, reply);
            }
            case "GET", "HEAD" -> {
                return get(request, objects.get(request.key()), reply);
            }
            case "DELETE" -> {
                objects.remove(request.key());
                reply.send(204, null);
                return null;
            }
            default -> {
                return new Failure(405, "MethodNotAllowed", "The specified method is not allowed against this resource.");
            }
        }
    }

    private Failure put(Request request, NavigableMap<String, StoredObject> objects, Reply reply) throws IOException {
        byte[] digest = md5(request.body());
        String contentMd5 = request.headers().getFirst("Content-MD5");
        if (contentMd5 != null && !contentMd5.equals(java.util.Base64.getEncoder().encodeToString(digest))) {
            return new Failure(400, "InvalidDigest", "The Content-MD5 you specified was invalid.");
        }
        String contentType = request.headers().getFirst("Content-Type");
        StoredObject object = new StoredObject(request.body(), HexFormat.of().formatHex(digest),
                Instant.now().truncatedTo(ChronoUnit.SECONDS),
                contentType == null ? "application/octet-stream" : contentType);
        objects.put(request.key(), object);
        reply.headers().set("ETag", etag(object));
        reply.send(200, null);
        return null;
    }

    private Failure get(Request request, StoredObject object, Reply reply) throws IOException {
        if (object == null) {
            return new Failure(404, "NoSuchKey", "The specified key does not exist.");
        }
        Headers headers = reply.headers();
        headers.set("ETag", etag(object));
        headers.set("Last-Modified", HTTP_DATE.format(object.lastModified()));
        headers.set("Content-Type", object.contentType());
        headers.set("Accept-Ranges", "bytes");
        int size = object.data().length;
        String range = request.headers().getFirst("Range");
        long[] bounds = range == null ? null : parseRange(range, size);
        if (bounds == null || (bounds[0] >= size && !strictRange(request))) {
            reply.send(200, object.data());
            return null;
        }
        if (bounds[0] >= size || bounds[0] > bounds[1]) {
            headers.set("Content-Range", "bytes */" + size);
            return new Failure(416, "InvalidRange", "The requested range cannot be satisfied.");
        }
        int start = (int) bounds[0];
        int end = (int) Math.min(bounds[1], size - 1L);
        headers.set("Content-Range", "bytes " + start + "-" + end + "/" + size);
        byte[] slice = new byte[end - start + 1];
        System.arraycopy(object.data(), start, slice, 0, slice.length);
        reply.send(206, slice);
        return null;
    }

    /**
     * Returns one listing page of the keys in {@code objects} under {@code prefix} after {@code after} (exclusive),
     * rolling keys up to common prefixes at {@code delimiter}; both count towards {@code maxKeys}.
     */
    protected static ListPage page(NavigableMap<String, StoredObject> objects, String prefix, String delimiter,
            String after, int maxKeys) {
        List<Map.Entry<String, StoredObject>> contents = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        String start = after != null && after.compareTo(prefix) >= 0 ? after : prefix;
        boolean inclusive = after == null || after.compareTo(prefix) < 0;
        String last = null;
        boolean truncated = false;
        int count = 0;
        for (Map.Entry<String, StoredObject> entry : objects.tailMap(start, inclusive).entrySet()) {
            String key = entry.getKey();
            if (!key.startsWith(prefix)) {
                break;
            }
            int cut = delimiter == null || delimiter.isEmpty() ? -1 : key.indexOf(delimiter, prefix.length());
            if (cut >= 0) {
                String common = key.substring(0, cut + delimiter.length());
                if (common.equals(last) || (after != null && common.compareTo(after) <= 0)) {
                    continue;
                }
                if (count == maxKeys) {
                    truncated = true;
                    break;
                }
                prefixes.add(common);
                last = common;
            } else {
                if (count == maxKeys) {
                    truncated = true;
                    break;
                }
                contents.add(entry);
                last = key;
            }
            count++;
        }
        return new ListPage(contents, prefixes, truncated, last);
    }

    /** Returns {@code [first, last]} of a single {@code bytes=} range, or null if the header is not one. */
    private static long[] parseRange(String header, long size) {
        if (!header.startsWith("bytes=") || header.contains(",")) {
            return null;
        }
        String spec = header.substring("bytes=".length()).trim();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return null;
        }
        try {
            if (dash == 0) {
                long suffix = Long.parseLong(spec.substring(1));
                return new long[] {Math.max(0, size - suffix), size - 1};
            }
            long first = Long.parseLong(spec.substring(0, dash));
            long last = dash == spec.length() - 1 ? size - 1 : Long.parseLong(spec.substring(dash + 1));
            return new long[] {first, last};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void record(HttpExchange exchange, String host, URI uri, int status, String authorization) {
        String line = exchange.getRequestMethod() + " " + (uri.isAbsolute() ? "[proxied] " : "") + host + " "
                + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()) + " -> " + status
                + (authorization.isEmpty() ? "" : " " + authorization);
        log.add(line);
    }

    /**
     * Returns the request log of the fake listening on {@code port} (from any JVM), as {@link #requests()} does.
     */
    static List<String> requestsOf(int port) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + REQUESTS_PATH)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return response.body().isEmpty() ? List.of() : List.of(response.body().split("\n"));
    }

    /** Parses a raw query string the way form decoding does ({@code +} is a space), keeping order and repeats. */
    protected static List<Map.Entry<String, String>> parseQuery(String rawQuery) {
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return pairs;
        }
        for (String part : rawQuery.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int equals = part.indexOf('=');
            String name = equals < 0 ? part : part.substring(0, equals);
            String value = equals < 0 ? "" : part.substring(equals + 1);
            pairs.add(Map.entry(URLDecoder.decode(name, StandardCharsets.UTF_8),
                    URLDecoder.decode(value, StandardCharsets.UTF_8)));
        }
        return pairs;
    }

    /** Percent-decodes {@code text} as UTF-8; a {@code +} stays a plus. */
    protected static String percentDecode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** Percent-encodes every byte of {@code text} except {@code A-Z a-z 0-9 - _ . ~}, with upper-case hex. */
    protected static String encodeUnreserved(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    protected static String xmlEscape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    protected static byte[] hmac(String algorithm, byte[] key, String data) throws Exception {
        Mac mac = Mac.getInstance(algorithm);
        mac.init(new SecretKeySpec(key, algorithm));
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }

    /** Compares two signatures in constant time. */
    protected static boolean sameSignature(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    protected static String sha1Hex(String text) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] md5(byte[] data) {
        try {
            return MessageDigest.getInstance("MD5").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String stripPort(String host) {
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end < 0 ? host : host.substring(0, end + 1);
        }
        int colon = host.lastIndexOf(':');
        return colon < 0 ? host : host.substring(0, colon);
    }

    private static boolean isAddress(String host) {
        return host.equals("localhost") || host.matches("[0-9.]+") || host.startsWith("[");
    }
}
