package dev.stowage.fileio.huggingface;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stowage.fileio.ChunkedInputStream;
import dev.stowage.fileio.FileEntry;
import dev.stowage.fileio.FileIO;
import dev.stowage.fileio.Location;
import dev.stowage.fileio.StorageException;
import dev.stowage.fileio.StorageException.Kind;
import dev.stowage.fileio.StorageSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A read-only {@link FileIO} over a Hugging Face Hub repository (a dataset or a model), using the Hub's HTTP API
 * with the JDK's HTTP client:
 *
 * <ul>
 *   <li>list: {@code GET {endpoint}/api/{datasets|models}/{owner}/{repo}/tree/{revision}/{dir}?recursive=true&expand=true},
 *       following the {@code Link: <...>; rel="next"} header from page to page;</li>
 *   <li>stat: {@code POST {endpoint}/api/{datasets|models}/{owner}/{repo}/paths-info/{revision}} with
 *       {@code paths=<path>&expand=true};</li>
 *   <li>read: {@code GET {endpoint}/[datasets/]{owner}/{repo}/resolve/{revision}/{path}} with a {@code Range} header,
 *       following redirects (LFS files are served from a CDN).</li>
 * </ul>
 *
 * <p>The token, if any, is sent as {@code Authorization: Bearer} to the endpoint's own origin only, never to a CDN a
 * download is redirected to, and never appears in a message. Every request waits at most
 * {@link StorageSettings#timeout()}; 5xx and 429 answers and connection failures are retried up to
 * {@link StorageSettings#retries()} times with exponential backoff, other 4xx answers are not.
 *
 * <p>Databend parameters: {@code repo_type} ({@code dataset}, the default, or {@code model}), {@code revision}
 * (default {@code main}), {@code token}, and {@code endpoint_url} (default {@code https://huggingface.co}, for
 * mirrors).
 */
public final class HuggingFaceFileIO implements FileIO {
    /** The Hub's public endpoint. */
    public static final String DEFAULT_ENDPOINT = "https://huggingface.co";
    static final String DEFAULT_REVISION = "main";
    private static final int MAX_REDIRECTS = 5;
    private static final long MIN_BACKOFF_MILLIS = 100;
    private static final long MAX_BACKOFF_MILLIS = 2_000;
    private static final Pattern NEXT_LINK = Pattern.compile("<([^>]*)>\\s*;[^,]*rel=\"?next\"?");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Location location;
    private final StorageSettings settings;
    private final URI endpoint;
    private final String repoType;
    private final String revision;
    private final String token;
    private final HttpClient client;
    private volatile boolean closed;

    private HuggingFaceFileIO(Location location, StorageSettings settings, URI endpoint, String repoType,
            String revision, String token) {
        this.location = location;
        this.settings = settings;
        this.endpoint = endpoint;
        this.repoType = repoType;
        this.revision = revision;
        this.token = token;
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * Creates the client for {@code location} ({@code hf://owner/repo/path/}) with a connection's Databend
     * {@code parameters}.
     *
     * @throws StorageException {@link Kind#INVALID_CONFIGURATION} if the parameters cannot work
     */
    public static HuggingFaceFileIO open(Location location, Map<String, String> parameters, StorageSettings settings)
            throws StorageException {
        String repoType = value(parameters, "repo_type", "dataset").toLowerCase(Locale.ROOT);
        if (!repoType.equals("dataset") && !repoType.equals("model")) {
            throw new StorageException(Kind.INVALID_CONFIGURATION, "Invalid storage configuration for " + location
                    + ": repo_type must be dataset or model, not '" + repoType + "'.");
        }
        if (location.bucket().split("/", -1).length != 2) {
            throw new StorageException(Kind.INVALID_CONFIGURATION, "Invalid storage configuration for " + location
                    + ": the repository must be named owner/repo.");
        }
        String token = value(parameters, "token", null);
        return new HuggingFaceFileIO(location, settings, endpoint(location, value(parameters, "endpoint_url", null)),
                repoType, value(parameters, "revision", DEFAULT_REVISION), token);
    }

    @Override
    public Location location() {
        return location;
    }

    @Override
    public Stream<FileEntry> list(String prefix) throws IOException {
        location.key(prefix);
        String directory = prefix.substring(0, prefix.lastIndexOf('/') + 1);
        String rootKey = location.key("");
        String directoryKey = trimSlash(location.key(directory));
        URI next = uri("api/" + repoType + "s/" + location.bucket() + "/tree/" + encodeSegment(revision)
                + (directoryKey.isEmpty() ? "" : "/" + encodePath(directoryKey)) + "?recursive=true&expand=true");
        List<FileEntry> files = new ArrayList<>();
        boolean firstPage = true;
        while (next != null) {
            Response response = exchange("list", prefix, "GET", next, null);
            if (response.status() == 404 && firstPage && "EntryNotFound".equals(response.errorCode())) {
                return Stream.empty();
            }
            if (response.status() != 200) {
                throw failure("list", prefix, response);
            }
            for (JsonNode item : parseArray("list", prefix, response)) {
                String path = item.path("path").asText("");
                if (!"file".equals(item.path("type").asText()) || !path.startsWith(rootKey)) {
                    continue;
                }
                String relative = path.substring(rootKey.length());
                if (relative.startsWith(prefix)) {
                    files.add(entry(relative, item));
                }
            }
            next = nextLink(response);
            firstPage = false;
        }
        files.sort(Comparator.comparing(FileEntry::path));
        return files.stream();
    }

    @Override
    public FileEntry stat(String path) throws IOException {
        String key = location.key(path);
        URI uri = uri("api/" + repoType + "s/" + location.bucket() + "/paths-info/" + encodeSegment(revision));
        byte[] form = ("paths=" + URLEncoder.encode(key, StandardCharsets.UTF_8) + "&expand=true")
                .getBytes(StandardCharsets.UTF_8);
        Response response = exchange("stat", path, "POST", uri, form);
        if (response.status() != 200) {
            throw failure("stat", path, response);
        }
        for (JsonNode item : parseArray("stat", path, response)) {
            if (key.equals(item.path("path").asText())) {
                if (!"file".equals(item.path("type").asText())) {
                    throw new StorageException(Kind.NOT_FOUND, "Storage object " + location.describe(path)
                            + " is a directory, not a file.");
                }
                return entry(path, item);
            }
        }
        throw new StorageException(Kind.NOT_FOUND, "Storage object " + location.describe(path) + " not found.");
    }

    @Override
    public byte[] read(String path, long offset, int length) throws IOException {
        String key = location.key(path);
        checkOpen("read", path);
        if (length == 0) {
            return new byte[0];
        }
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("offset and length must not be negative");
        }
        URI uri = uri((repoType.equals("dataset") ? "datasets/" : "") + location.bucket() + "/resolve/"
                + encodeSegment(revision) + "/" + encodePath(key));
        Response response = exchange("read", path, "GET", uri, null,
                "Range", "bytes=" + offset + "-" + (offset + length - 1));
        byte[] body = response.body();
        switch (response.status()) {
            case 206 -> {
                return body.length <= length ? body : Arrays.copyOf(body, length);
            }
            case 200 -> {
                // the server ignored the range
                if (offset >= body.length) {
                    return new byte[0];
                }
                return Arrays.copyOfRange(body, (int) offset, (int) Math.min(body.length, offset + length));
            }
            case 416 -> {
                return new byte[0];
            }
            default -> throw failure("read", path, response);
        }
    }

    @Override
    public InputStream open(String path) throws IOException {
        long size = stat(path).size();
        return new ChunkedInputStream(this, path, size);
    }

    @Override
    public void write(String path, byte[] bytes) throws IOException {
        location.key(path);
        throw readOnly("write", path);
    }

    @Override
    public void delete(String path) throws IOException {
        location.key(path);
        throw readOnly("delete", path);
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public String toString() {
        return "HuggingFaceFileIO[" + location + ", " + repoType + "@" + revision + "]";
    }

    private StorageException readOnly(String operation, String path) {
        return new StorageException(Kind.UNSUPPORTED, "Hugging Face repositories are read-only: cannot " + operation
                + " " + location.describe(path) + ".");
    }

    /** One HTTP answer, after redirects. */
    private record Response(int status, HttpHeaders headers, byte[] body, int attempts) {
        String errorCode() {
            return headers.firstValue("X-Error-Code").orElse(null);
        }
    }

    /**
     * Sends a request, following redirects, and retries it on 5xx, 429 and connection failures.
     *
     * @param headerPairs extra request headers as name, value, name, value...
     */
    private Response exchange(String operation, String path, String method, URI uri, byte[] form,
            String... headerPairs) throws IOException {
        String where = location.describe(path);
        for (int attempt = 0; ; attempt++) {
            checkOpen(operation, path);
            Response response;
            try {
                response = followRedirects(method, uri, form, headerPairs, attempt + 1);
            } catch (HttpTimeoutException e) {
                throw new StorageException(Kind.TIMEOUT, "The storage of " + where + " did not answer " + operation
                        + " within " + settings.timeout().toMillis() + " ms.");
            } catch (InterruptedIOException e) {
                throw e;
            } catch (IOException e) {
                if (attempt < settings.retries()) {
                    backoff(attempt, Optional.empty(), operation, where);
                    continue;
                }
                throw new StorageException(Kind.UNREACHABLE, "Cannot reach the storage of " + where + " to "
                        + operation + ": " + networkProblem(e) + (attempt > 0 ? " (after " + attempt + " retries)" : "")
                        + ".");
            }
            int status = response.status();
            if ((status >= 500 || status == 429) && attempt < settings.retries()) {
                backoff(attempt, response.headers().firstValue("Retry-After"), operation, where);
                continue;
            }
            return response;
        }
    }

    private Response followRedirects(String method, URI uri, byte[] form, String[] headerPairs, int attempts)
            throws IOException {
        URI current = uri;
        String currentMethod = method;
        byte[] currentBody = form;
        for (int hop = 0; ; hop++) {
            HttpResponse<byte[]> response = send(currentMethod, current, currentBody, headerPairs);
            int status = response.statusCode();
            Optional<String> target = response.headers().firstValue("Location");
            boolean redirect = status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
            if (!redirect || target.isEmpty() || hop == MAX_REDIRECTS
                    || (!currentMethod.equals("GET") && status != 307 && status != 308)) {
                return new Response(status, response.headers(), response.body(), attempts);
            }
            try {
                current = current.resolve(new URI(target.get()));
            } catch (URISyntaxException e) {
                return new Response(status, response.headers(), response.body(), attempts);
            }
            if (status == 303) {
                currentMethod = "GET";
                currentBody = null;
            }
        }
    }

    /** Sends one request and waits for the whole answer at most the configured timeout. */
    private HttpResponse<byte[]> send(String method, URI uri, byte[] form, String[] headerPairs) throws IOException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(settings.timeout())
                .header("User-Agent", "stowage-jdbc")
                .method(method, form == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(form));
        if (form != null) {
            builder.header("Content-Type", "application/x-www-form-urlencoded");
        }
        for (int i = 0; i + 1 < headerPairs.length; i += 2) {
            builder.header(headerPairs[i], headerPairs[i + 1]);
        }
        if (token != null && sameOrigin(uri, endpoint)) {
            builder.header("Authorization", "Bearer " + token);
        }
        CompletableFuture<HttpResponse<byte[]>> future =
                client.sendAsync(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        try {
            return future.get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new HttpTimeoutException("request timed out");
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            InterruptedIOException interrupted = new InterruptedIOException("Hugging Face request was interrupted.");
            interrupted.initCause(e);
            throw interrupted;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException(cause == null ? e : cause);
        }
    }

    private void backoff(int attempt, Optional<String> retryAfter, String operation, String where)
            throws InterruptedIOException {
        long delay = Math.min(MAX_BACKOFF_MILLIS, MIN_BACKOFF_MILLIS << Math.min(attempt, 20));
        delay = delay / 2 + ThreadLocalRandom.current().nextLong(delay / 2 + 1);
        if (retryAfter.isPresent()) {
            try {
                delay = Math.max(delay, Math.min(MAX_BACKOFF_MILLIS, Long.parseLong(retryAfter.get().trim()) * 1000));
            } catch (NumberFormatException e) {
                // an HTTP date: keep the computed backoff
            }
        }
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            InterruptedIOException interrupted = new InterruptedIOException(operation + " " + where + " was interrupted.");
            interrupted.initCause(e);
            throw interrupted;
        }
    }

    private StorageException failure(String operation, String path, Response response) {
        String where = location.describe(path);
        int status = response.status();
        String code = response.errorCode();
        String detail = " (" + (code == null ? "" : code + ", ") + "HTTP " + status + ")";
        if (status == 401 || status == 403) {
            return new StorageException(Kind.PERMISSION_DENIED, "Permission denied to " + operation + " " + where
                    + detail + ": the repository is private, gated or does not exist, or the token is invalid;"
                    + " check the connection's token.");
        }
        if (status == 404) {
            if ("RepoNotFound".equals(code)) {
                return new StorageException(Kind.NOT_FOUND, "Hugging Face " + repoType + " repository "
                        + location.bucket() + " of " + where + " does not exist" + detail + ".");
            }
            if ("RevisionNotFound".equals(code)) {
                return new StorageException(Kind.NOT_FOUND, "Revision '" + revision + "' of " + where
                        + " does not exist" + detail + ".");
            }
            return new StorageException(Kind.NOT_FOUND, "Storage object " + where + " not found" + detail + ".");
        }
        String retried = response.attempts() > 1 ? " after " + (response.attempts() - 1) + " retries" : "";
        return new StorageException(Kind.OTHER, "Cannot " + operation + " " + where + detail + ": storage error"
                + retried + ".");
    }

    private JsonNode parseArray(String operation, String path, Response response) throws StorageException {
        try {
            JsonNode node = JSON.readTree(response.body());
            if (node != null && node.isArray()) {
                return node;
            }
        } catch (IOException e) {
            // reported below
        }
        throw new StorageException(Kind.OTHER, "Cannot " + operation + " " + location.describe(path)
                + ": the Hub answered with something other than a JSON array.");
    }

    private URI nextLink(Response response) {
        for (String link : response.headers().allValues("Link")) {
            Matcher matcher = NEXT_LINK.matcher(link);
            if (matcher.find()) {
                return endpoint.resolve(URI.create(matcher.group(1)));
            }
        }
        return null;
    }

    private static FileEntry entry(String path, JsonNode item) {
        JsonNode lfs = item.path("lfs");
        String etag = lfs.hasNonNull("oid") ? lfs.path("oid").asText() : item.path("oid").asText(null);
        Instant lastModified = null;
        String date = item.path("lastCommit").path("date").asText(null);
        if (date != null) {
            try {
                lastModified = Instant.parse(date);
            } catch (DateTimeParseException e) {
                // no usable date
            }
        }
        return new FileEntry(path, item.path("size").asLong(), lastModified, etag);
    }

    private void checkOpen(String operation, String path) throws StorageException {
        if (closed) {
            throw new StorageException(Kind.OTHER, "Cannot " + operation + " " + location.describe(path)
                    + ": the storage client is closed.");
        }
    }

    private URI uri(String relative) {
        return URI.create(endpoint + "/" + relative);
    }

    private static URI endpoint(Location location, String value) throws StorageException {
        String text = value == null || value.isBlank() ? DEFAULT_ENDPOINT : value.strip();
        String lower = text.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            text = "https://" + text;
        }
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        try {
            URI uri = new URI(text);
            if (uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new URISyntaxException(text, "expected http(s)://host[:port][/path]");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new StorageException(Kind.INVALID_CONFIGURATION, "Invalid storage configuration for " + location
                    + ": endpoint_url is not a valid URL.");
        }
    }

    private static boolean sameOrigin(URI uri, URI origin) {
        return uri.getScheme().equalsIgnoreCase(origin.getScheme())
                && uri.getHost() != null && uri.getHost().equalsIgnoreCase(origin.getHost())
                && port(uri) == port(origin);
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    }

    private static String value(Map<String, String> parameters, String key, String defaultValue) {
        String value = parameters.get(key);
        return value == null || value.isBlank() ? defaultValue : value.strip();
    }

    private static String trimSlash(String key) {
        return key.endsWith("/") ? key.substring(0, key.length() - 1) : key;
    }

    /** Percent-encodes a path, keeping its slashes. */
    private static String encodePath(String path) {
        StringJoiner joined = new StringJoiner("/");
        for (String segment : path.split("/", -1)) {
            joined.add(encodeSegment(segment));
        }
        return joined.toString();
    }

    /** Percent-encodes every byte but {@code A-Z a-z 0-9 - _ . ~}. */
    private static String encodeSegment(String text) {
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

    private static String networkProblem(IOException e) {
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (e.getCause() instanceof UnresolvedAddressException || message.contains("unresolved")) {
            return "the host name does not resolve";
        }
        if (e instanceof ConnectException || message.contains("connection refused")) {
            return "connection refused";
        }
        if (message.contains("reset") || message.contains("closed") || message.contains("eof")) {
            return "the connection was reset";
        }
        return "network error";
    }
}
