package dev.stowage.fileio.huggingface;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake Hugging Face Hub on 127.0.0.1 (port 0) with the endpoints the Hub API serves for reading repositories:
 *
 * <ul>
 *   <li>{@code GET /api/{datasets|models}/{owner}/{repo}/tree/{revision}[/{path}]?recursive=&expand=&cursor=}: pages
 *       of {@link #pageSize()} entries (the Hub uses 50 with {@code expand=true}), the next page announced by a
 *       {@code Link: <...>; rel="next"} header;</li>
 *   <li>{@code POST /api/{datasets|models}/{owner}/{repo}/paths-info/{revision}} with a form body
 *       {@code paths=...&expand=...};</li>
 *   <li>{@code GET|HEAD /[datasets/]{owner}/{repo}/resolve/{revision}/{path}}: for a regular file a relative
 *       {@code 307} to {@code /api/resolve-cache/...} (as the Hub does for branch names), which serves it with Range
 *       support; for an LFS file a {@code 302} to a signed CDN URL on another origin ({@code http://localhost:<port>}),
 *       which must not receive the token.</li>
 * </ul>
 *
 * <p>Errors follow the Hub: JSON {@code {"error": ...}} bodies with an {@code X-Error-Code} header
 * ({@code RepoNotFound}, {@code RevisionNotFound}, {@code EntryNotFound}); a private or missing repository answers
 * an anonymous caller with 401, an invalid token gets 401 everywhere, and a missing repository answers an
 * authenticated caller with 404.
 */
final class FakeHubServer implements AutoCloseable {
    static final String TOKEN = "hf_StowageTestToken0123456789abcdef";

    /** One request as received. */
    record Seen(String method, String host, String pathAndQuery, String authorization) {
    }

    private record HubFile(byte[] data, boolean lfs, String oid, String sha256, Instant committed) {
    }

    private static final class Repo {
        final boolean privateRepo;
        final Map<String, NavigableMap<String, HubFile>> revisions = new ConcurrentHashMap<>();

        Repo(boolean privateRepo) {
            this.privateRepo = privateRepo;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant COMMITTED = Instant.parse("2024-05-01T10:00:00Z");

    private final Map<String, Repo> repos = new ConcurrentHashMap<>();
    private final List<Seen> seen = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger failures = new AtomicInteger();
    private volatile int failureStatus;
    private final AtomicInteger hangs = new AtomicInteger();
    private volatile int pageSize = 50;
    private final HttpServer server;
    private final ExecutorService executor;

    private FakeHubServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "fake-hub");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    static FakeHubServer start() throws IOException {
        return new FakeHubServer();
    }

    /** Returns the endpoint URL, e.g. {@code http://127.0.0.1:4711}. */
    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Adds a repository, e.g. {@code addRepo("datasets", "acme/tiny", false)}. */
    void addRepo(String type, String id, boolean privateRepo) {
        repos.put(type + "/" + id, new Repo(privateRepo));
    }

    /** Adds a file to a repository at a revision; LFS files are served through the CDN redirect. */
    void addFile(String type, String id, String revision, String path, byte[] data, boolean lfs) {
        HubFile file = new HubFile(data, lfs, hex("SHA-1", ("blob " + data.length + "\0").getBytes(StandardCharsets.UTF_8), data),
                hex("SHA-256", data), COMMITTED);
        repos.get(type + "/" + id).revisions.computeIfAbsent(revision, r -> new TreeMap<>()).put(path, file);
    }

    int pageSize() {
        return pageSize;
    }

    void pageSize(int size) {
        pageSize = size;
    }

    /** Makes the next {@code count} requests fail with {@code status}. */
    void failNext(int count, int status) {
        failureStatus = status;
        failures.set(count);
    }

    /** Makes the next {@code count} requests hang for a minute before answering. */
    void hangNext(int count) {
        hangs.set(count);
    }

    /** Returns the requests seen so far. */
    List<Seen> seen() {
        synchronized (seen) {
            return List.copyOf(seen);
        }
    }

    void clearSeen() {
        seen.clear();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            URI uri = exchange.getRequestURI();
            seen.add(new Seen(exchange.getRequestMethod(), exchange.getRequestHeaders().getFirst("Host"),
                    uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()),
                    exchange.getRequestHeaders().getFirst("Authorization")));
            if (hangs.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                Thread.sleep(60_000);
                return;
            }
            if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                error(exchange, failureStatus, null, "injected failure");
                return;
            }
            List<String> segments = new ArrayList<>();
            for (String segment : uri.getRawPath().substring(1).split("/", -1)) {
                segments.add(URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8));
            }
            if (segments.get(0).equals("cdn")) {
                cdn(exchange, segments, uri.getRawQuery());
            } else if (segments.get(0).equals("api") && segments.size() >= 7 && segments.get(1).equals("resolve-cache")) {
                resolveCache(exchange, segments);
            } else if (segments.get(0).equals("api") && segments.size() >= 6
                    && (segments.get(1).equals("datasets") || segments.get(1).equals("models"))) {
                api(exchange, segments, uri.getRawQuery(), body);
            } else {
                resolve(exchange, segments);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            e.printStackTrace();
            error(exchange, 500, null, e.toString());
        } finally {
            exchange.close();
        }
    }

    private void api(HttpExchange exchange, List<String> segments, String rawQuery, byte[] body) throws IOException {
        String type = segments.get(1);
        String id = segments.get(2) + "/" + segments.get(3);
        String action = segments.get(4);
        Repo repo = authorize(exchange, type, id);
        if (repo == null) {
            return;
        }
        String revision = segments.get(5);
        String path = String.join("/", segments.subList(6, segments.size()));
        NavigableMap<String, HubFile> files = repo.revisions.get(revision);
        if (files == null) {
            error(exchange, 404, "RevisionNotFound", "Invalid rev id: " + revision);
            return;
        }
        Map<String, List<String>> query = parseForm(rawQuery);
        switch (action) {
            case "tree" -> tree(exchange, type, id, revision, files, path, query);
            case "paths-info" -> {
                if (!exchange.getRequestMethod().equals("POST")) {
                    error(exchange, 405, null, "Method not allowed");
                    return;
                }
                Map<String, List<String>> form = parseForm(new String(body, StandardCharsets.UTF_8));
                boolean expand = "true".equalsIgnoreCase(first(form, "expand"));
                ArrayNode result = JSON.createArrayNode();
                for (String wanted : form.getOrDefault("paths", List.of())) {
                    if (files.containsKey(wanted)) {
                        result.add(fileNode(wanted, files.get(wanted), expand));
                    } else if (isDirectory(files, wanted)) {
                        result.add(directoryNode(wanted, expand));
                    }
                }
                json(exchange, 200, result, null);
            }
            default -> error(exchange, 404, null, "Not found");
        }
    }

    private void tree(HttpExchange exchange, String type, String id, String revision, NavigableMap<String, HubFile> files,
            String directory, Map<String, List<String>> query) throws IOException {
        boolean recursive = "true".equalsIgnoreCase(first(query, "recursive"));
        boolean expand = "true".equalsIgnoreCase(first(query, "expand"));
        if (!directory.isEmpty() && !isDirectory(files, directory)) {
            error(exchange, 404, "EntryNotFound", "Path " + directory + " not found");
            return;
        }
        String base = directory.isEmpty() ? "" : directory + "/";
        TreeSet<String> directories = new TreeSet<>();
        List<String> children = new ArrayList<>();
        for (String path : files.keySet()) {
            if (!path.startsWith(base)) {
                continue;
            }
            String rest = path.substring(base.length());
            String[] parts = rest.split("/");
            for (int i = 1; i < parts.length && (recursive || i == 1); i++) {
                directories.add(base + String.join("/", List.of(parts).subList(0, i)));
            }
            if (recursive || parts.length == 1) {
                children.add(path);
            }
        }
        // like the Hub: directories first, then files
        List<ObjectNode> entries = new ArrayList<>();
        directories.forEach(path -> entries.add(directoryNode(path, expand)));
        children.forEach(path -> entries.add(fileNode(path, files.get(path), expand)));
        int from = 0;
        String cursor = first(query, "cursor");
        if (cursor != null) {
            from = Integer.parseInt(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
        }
        int to = Math.min(entries.size(), from + pageSize);
        ArrayNode page = JSON.createArrayNode();
        entries.subList(from, to).forEach(page::add);
        String link = null;
        if (to < entries.size()) {
            String next = Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(String.valueOf(to).getBytes(StandardCharsets.UTF_8));
            link = "<http://" + exchange.getRequestHeaders().getFirst("Host") + "/api/" + type + "/" + id + "/tree/"
                    + encode(revision) + (directory.isEmpty() ? "" : "/" + encodePath(directory))
                    + "?recursive=" + recursive + "&expand=" + expand + "&cursor=" + next + ">; rel=\"next\"";
        }
        json(exchange, 200, page, link);
    }

    private void resolve(HttpExchange exchange, List<String> segments) throws IOException {
        String type = "models";
        List<String> rest = segments;
        if (segments.get(0).equals("datasets")) {
            type = "datasets";
            rest = segments.subList(1, segments.size());
        }
        if (rest.size() < 5 || !rest.get(2).equals("resolve")) {
            error(exchange, 404, null, "Not found");
            return;
        }
        String id = rest.get(0) + "/" + rest.get(1);
        Repo repo = authorize(exchange, type, id);
        if (repo == null) {
            return;
        }
        String revision = rest.get(3);
        String path = String.join("/", rest.subList(4, rest.size()));
        NavigableMap<String, HubFile> files = repo.revisions.get(revision);
        if (files == null) {
            error(exchange, 404, "RevisionNotFound", "Invalid rev id: " + revision);
            return;
        }
        HubFile file = files.get(path);
        if (file == null) {
            error(exchange, 404, "EntryNotFound", "Entry not found");
            return;
        }
        String commit = commit(id, revision);
        exchange.getResponseHeaders().set("X-Repo-Commit", commit);
        if (file.lfs()) {
            exchange.getResponseHeaders().set("X-Linked-Size", String.valueOf(file.data().length));
            exchange.getResponseHeaders().set("X-Linked-ETag", "\"" + file.sha256() + "\"");
            exchange.getResponseHeaders().set("Location", "http://localhost:" + server.getAddress().getPort()
                    + "/cdn/" + file.sha256() + "?Expires=" + (Instant.now().getEpochSecond() + 3600) + "&Signature=ok");
            exchange.sendResponseHeaders(302, -1);
            return;
        }
        // the Hub answers a branch name with a relative redirect to its commit-pinned cache
        exchange.getResponseHeaders().set("Location", "/api/resolve-cache/" + type + "/" + id + "/" + commit + "/"
                + encodePath(path));
        exchange.sendResponseHeaders(307, -1);
    }

    /** Serves {@code /api/resolve-cache/{type}/{owner}/{repo}/{commit}/{path}}, where resolve redirects to. */
    private void resolveCache(HttpExchange exchange, List<String> segments) throws IOException {
        String type = segments.get(2);
        String id = segments.get(3) + "/" + segments.get(4);
        Repo repo = authorize(exchange, type, id);
        if (repo == null) {
            return;
        }
        NavigableMap<String, HubFile> files = null;
        for (Map.Entry<String, NavigableMap<String, HubFile>> revision : repo.revisions.entrySet()) {
            if (commit(id, revision.getKey()).equals(segments.get(5))) {
                files = revision.getValue();
            }
        }
        serveFile(exchange, files, String.join("/", segments.subList(6, segments.size())));
    }

    private static String commit(String id, String revision) {
        return hex("SHA-1", (id + "@" + revision).getBytes(StandardCharsets.UTF_8));
    }

    private void serveFile(HttpExchange exchange, NavigableMap<String, HubFile> files, String path) throws IOException {
        HubFile file = files == null ? null : files.get(path);
        if (file == null) {
            error(exchange, 404, "EntryNotFound", "Entry not found");
            return;
        }
        exchange.getResponseHeaders().set("ETag", "\"" + (file.lfs() ? file.sha256() : file.oid()) + "\"");
        bytes(exchange, file.data());
    }

    private void cdn(HttpExchange exchange, List<String> segments, String rawQuery) throws IOException {
        if (!"ok".equals(first(parseForm(rawQuery), "Signature"))) {
            exchange.getResponseHeaders().set("Content-Type", "application/xml");
            byte[] denied = "<Error><Code>AccessDenied</Code></Error>".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(403, denied.length);
            exchange.getResponseBody().write(denied);
            return;
        }
        for (Repo repo : repos.values()) {
            for (NavigableMap<String, HubFile> files : repo.revisions.values()) {
                for (HubFile file : files.values()) {
                    if (file.lfs() && file.sha256().equals(segments.get(1))) {
                        exchange.getResponseHeaders().set("ETag", "\"" + file.sha256() + "\"");
                        bytes(exchange, file.data());
                        return;
                    }
                }
            }
        }
        exchange.sendResponseHeaders(404, -1);
    }

    /** Serves {@code data} honouring a single {@code Range: bytes=} header. */
    private static void bytes(HttpExchange exchange, byte[] data) throws IOException {
        exchange.getResponseHeaders().set("Accept-Ranges", "bytes");
        exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
        String range = exchange.getRequestHeaders().getFirst("Range");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        int status = 200;
        byte[] body = data;
        if (range != null && range.startsWith("bytes=") && range.indexOf('-') > 0) {
            String[] bounds = range.substring("bytes=".length()).split("-", 2);
            long first = Long.parseLong(bounds[0]);
            long last = bounds[1].isEmpty() ? data.length - 1L : Math.min(Long.parseLong(bounds[1]), data.length - 1L);
            if (first >= data.length || first > last) {
                exchange.getResponseHeaders().set("Content-Range", "bytes */" + data.length);
                exchange.sendResponseHeaders(416, -1);
                return;
            }
            body = new byte[(int) (last - first + 1)];
            System.arraycopy(data, (int) first, body, 0, body.length);
            exchange.getResponseHeaders().set("Content-Range", "bytes " + first + "-" + last + "/" + data.length);
            status = 206;
        }
        if (head || body.length == 0) {
            exchange.getResponseHeaders().set("Content-Length", String.valueOf(body.length));
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Checks the caller may read the repository; answers and returns null if not. */
    private Repo authorize(HttpExchange exchange, String type, String id) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization != null && !authorization.equals("Bearer " + TOKEN)) {
            error(exchange, 401, null, "Invalid credentials in Authorization header");
            return null;
        }
        Repo repo = repos.get(type + "/" + id);
        if (repo == null || (repo.privateRepo && authorization == null)) {
            String message = "Repository not found";
            error(exchange, authorization == null ? 401 : 404, "RepoNotFound", message);
            return null;
        }
        return repo;
    }

    private static boolean isDirectory(NavigableMap<String, HubFile> files, String path) {
        String prefix = path + "/";
        String next = files.ceilingKey(prefix);
        return next != null && next.startsWith(prefix);
    }

    private static ObjectNode fileNode(String path, HubFile file, boolean expand) {
        ObjectNode node = JSON.createObjectNode();
        node.put("type", "file");
        node.put("oid", file.oid());
        node.put("size", file.data().length);
        node.put("path", path);
        if (file.lfs()) {
            ObjectNode lfs = node.putObject("lfs");
            lfs.put("oid", file.sha256());
            lfs.put("size", file.data().length);
            lfs.put("pointerSize", 134);
        }
        if (expand) {
            lastCommit(node, file.committed());
            node.putObject("securityFileStatus").put("status", "safe");
        }
        return node;
    }

    private static ObjectNode directoryNode(String path, boolean expand) {
        ObjectNode node = JSON.createObjectNode();
        node.put("type", "directory");
        node.put("oid", hex("SHA-1", path.getBytes(StandardCharsets.UTF_8)));
        node.put("size", 0);
        node.put("path", path);
        if (expand) {
            lastCommit(node, COMMITTED);
        }
        return node;
    }

    private static void lastCommit(ObjectNode node, Instant date) {
        ObjectNode commit = node.putObject("lastCommit");
        commit.put("id", hex("SHA-1", date.toString().getBytes(StandardCharsets.UTF_8)));
        commit.put("title", "Upload folder using huggingface_hub");
        commit.put("date", date.toString().replace("Z", ".000Z"));
    }

    private static void json(HttpExchange exchange, int status, Object value, String link) throws IOException {
        byte[] body = JSON.writeValueAsBytes(value);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        if (link != null) {
            exchange.getResponseHeaders().set("Link", link);
        }
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    private static void error(HttpExchange exchange, int status, String code, String message) throws IOException {
        if (code != null) {
            exchange.getResponseHeaders().set("X-Error-Code", code);
            exchange.getResponseHeaders().set("X-Error-Message", message);
        }
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", message);
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        json(exchange, status, body, null);
    }

    private static Map<String, List<String>> parseForm(String text) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return values;
        }
        for (String part : text.split("&")) {
            int equals = part.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? part : part.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(part.substring(equals + 1), StandardCharsets.UTF_8);
            values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return values;
    }

    private static String first(Map<String, List<String>> values, String name) {
        List<String> list = values.get(name);
        return list == null || list.isEmpty() ? null : list.get(0);
    }

    private static String encode(String segment) {
        return java.net.URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String encodePath(String path) {
        List<String> encoded = new ArrayList<>();
        for (String segment : path.split("/", -1)) {
            encoded.add(encode(segment));
        }
        return String.join("/", encoded);
    }

    private static String hex(String algorithm, byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance(algorithm);
            for (byte[] part : parts) {
                digest.update(part);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
