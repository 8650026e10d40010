package dev.stowage.fileio;

import dev.stowage.connection.StorageType;
import dev.stowage.error.ErrorCode;
import dev.stowage.error.StowageException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;

/**
 * A storage location, parsed and validated once: the storage type, the bucket (container, repository; empty for
 * {@code fs}) and the root path inside it, which always starts and ends with {@code /}.
 *
 * <p>Accepted forms follow Databend: {@code s3://bucket/path/}, {@code azblob://container/path/},
 * {@code gcs://bucket/path/}, {@code oss://bucket/path/}, {@code cos://bucket/path/}, {@code obs://bucket/path/},
 * {@code hf://owner/repo/path/} and {@code fs:///absolute/path/}.
 *
 * @param type the storage type
 * @param bucket the bucket, container or {@code owner/repo}; empty for {@code fs}
 * @param root the path inside the bucket, starting and ending with {@code /}
 */
public record Location(StorageType type, String bucket, String root) {
    public Location {
        Objects.requireNonNull(type, "type is null");
        Objects.requireNonNull(bucket, "bucket is null");
        if (!root.startsWith("/") || !root.endsWith("/")) {
            throw new IllegalArgumentException("root must start and end with '/': " + root);
        }
        checkNoTraversal(root, root);
    }

    /**
     * Parses {@code uri}.
     *
     * @throws StowageException {@link ErrorCode#INVALID_PARAMETER} with Databend's message for a malformed URI
     */
    public static Location parse(String uri) {
        String text = uri.strip();
        if (text.startsWith("/")) {
            throw invalid("local filesystem paths must use fs:///path/ instead of /path/");
        }
        if (text.regionMatches(true, 0, "file://", 0, "file://".length())) {
            throw invalid("local filesystem paths must use fs:///path/ instead of file:///path/");
        }
        int schemeEnd = text.indexOf("://");
        if (schemeEnd <= 0) {
            throw invalid("invalid uri " + text);
        }
        String scheme = text.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        StorageType type = StorageType.fromName(scheme, "use location " + text);
        if (type == StorageType.FS) {
            if (!text.startsWith("fs:///") && !text.startsWith("FS:///")) {
                throw invalid("fs locations must start with fs:///");
            }
            return new Location(type, "", directory(decode(text.substring("fs://".length()))));
        }
        URI parsed;
        try {
            parsed = new URI(text.replace(" ", "%20"));
        } catch (URISyntaxException e) {
            throw invalid("invalid uri " + text + ": " + e.getReason());
        }
        String host = parsed.getRawAuthority();
        if (host == null || host.isEmpty()) {
            throw invalid("invalid uri " + text + ": the bucket is missing");
        }
        String path = parsed.getRawPath() == null ? "" : decode(parsed.getRawPath());
        if (type == StorageType.HUGGINGFACE) {
            String[] segments = path.split("/", 3);
            if (segments.length < 2 || segments[1].isEmpty()) {
                throw invalid("input uri is not a valid huggingface uri");
            }
            return new Location(type, host + "/" + segments[1], directory(segments.length == 3 ? "/" + segments[2] : "/"));
        }
        return new Location(type, host, directory(path));
    }

    /** Returns a location in this JVM's memory; each {@link FileIO} opened on it has its own, empty store. */
    public static Location memory(String name) {
        return new Location(StorageType.MEMORY, name, "/");
    }

    /** Returns the full key of {@code relative} (a path below the root, no leading slash) without the leading slash. */
    public String key(String relative) {
        String key = (root + relative).substring(1);
        checkNoTraversal("/" + key, relative);
        return key;
    }

    @Override
    public String toString() {
        String scheme = type == StorageType.HUGGINGFACE ? "hf" : type.scheme();
        return scheme + "://" + bucket + root;
    }

    /** Returns this location followed by {@code relative}, for messages. */
    public String describe(String relative) {
        return this + relative;
    }

    private static String directory(String path) {
        String withSlash = path.isEmpty() ? "/" : path;
        if (!withSlash.startsWith("/")) {
            withSlash = "/" + withSlash;
        }
        return withSlash.endsWith("/") ? withSlash : withSlash + "/";
    }

    private static String decode(String path) {
        return URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static void checkNoTraversal(String path, String shown) {
        for (String segment : path.split("/")) {
            if (segment.equals("..") || segment.equals(".")) {
                throw invalid("path " + shown + " must not contain '.' or '..' segments");
            }
        }
    }

    private static StowageException invalid(String detail) {
        return new StowageException(ErrorCode.INVALID_PARAMETER, "invalid input parameter (%s)", detail);
    }
}
