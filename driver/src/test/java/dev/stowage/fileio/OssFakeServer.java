package dev.stowage.fileio;

import com.sun.net.httpserver.Headers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * A fake Alibaba Cloud OSS: PUT/GET (with Range)/HEAD/DELETE object and ListObjectsV2, authenticated with OSS
 * signature V1 ({@code Authorization: OSS <AccessKeyId>:<Signature>}), the scheme OpenDAL's signer (reqsign 0.16)
 * sends:
 *
 * <pre>
 * Signature = base64(hmac-sha1(AccessKeySecret, VERB + "\n" + Content-MD5 + "\n" + Content-Type + "\n" + Date + "\n"
 *                              + CanonicalizedOSSHeaders + CanonicalizedResource))
 * </pre>
 *
 * <p>CanonicalizedResource is {@code /bucket/key} whatever the addressing style, followed by the sub-resources among
 * the query parameters. A wrong secret gets {@code 403 SignatureDoesNotMatch}, an unknown key id
 * {@code 403 InvalidAccessKeyId}, a Date more than 15 minutes off {@code 403 RequestTimeTooSkewed}, and no
 * Authorization header {@code 403 AccessDenied}, each with OSS's XML error body. V4 signatures
 * ({@code OSS4-HMAC-SHA256}) are refused, since OpenDAL does not send them.
 */
public final class OssFakeServer extends FakeObjectStorage {
    /** The service host; buckets are its subdomains. Never resolved: clients reach it through the proxy. */
    public static final String SERVICE_HOST = "oss-cn-stowage.aliyuncs.com";
    public static final String BUCKET = "stowage-oss";
    public static final String ACCESS_KEY_ID = "LTAI5tStowageTestKey01";
    public static final String ACCESS_KEY_SECRET = "oss-secret/KEY+for+stowage=tests";

    /** ListObjectsV2's page size when the request does not say, and its maximum (Aliyun's documented values). */
    static final int DEFAULT_MAX_KEYS = 100;
    static final int MAX_KEYS = 1000;

    /** Query parameters that are part of CanonicalizedResource (Aliyun's sub-resource list, as its SDKs sign them). */
    private static final Set<String> SUB_RESOURCES = Set.of("acl", "uploads", "location", "cors", "logging",
            "website", "referer", "lifecycle", "delete", "append", "tagging", "objectMeta", "uploadId", "partNumber",
            "security-token", "position", "img", "style", "styleName", "replication", "replicationProgress",
            "replicationLocation", "cname", "bucketInfo", "comp", "qos", "live", "status", "vod", "startTime",
            "endTime", "symlink", "x-oss-process", "response-content-type", "x-oss-traffic-limit",
            "response-content-language", "response-expires", "response-cache-control", "response-content-disposition",
            "response-content-encoding", "udf", "udfName", "udfImage", "udfId", "udfImageDesc", "udfApplication",
            "udfApplicationLog", "restore", "callback", "callback-var", "qosInfo", "policy", "stat", "encryption",
            "versions", "versioning", "versionId", "requestPayment", "x-oss-request-payer", "sequential", "inventory",
            "inventoryId", "continuation-token", "asyncFetch", "worm", "wormId", "wormExtend", "withHashContext",
            "x-oss-enable-md5", "x-oss-enable-sha1", "x-oss-enable-sha256", "x-oss-hash-ctx", "x-oss-md5-ctx",
            "transferAcceleration", "regionList", "cloudboxes", "x-oss-ac-source-ip", "x-oss-ac-subnet-mask",
            "x-oss-ac-vpc-id", "x-oss-ac-forward-allow", "metaQuery");
    private static final Duration MAX_SKEW = Duration.ofMinutes(15);

    private OssFakeServer() throws IOException {
        super(SERVICE_HOST);
    }

    /** Starts a server with the bucket {@link #BUCKET}. */
    public static OssFakeServer start() throws IOException {
        OssFakeServer server = new OssFakeServer();
        server.createBucket(BUCKET);
        server.startServer();
        return server;
    }

    @Override
    protected boolean allowsPathStyle() {
        return true;
    }

    @Override
    protected boolean strictRange(Request request) {
        // OSS answers an out-of-range start with the whole object unless the client asks for standard behaviour
        return "standard".equals(request.headers().getFirst("x-oss-range-behavior"));
    }

    @Override
    protected Failure authenticate(Request request) throws Exception {
        String authorization = request.headers().getFirst("Authorization");
        if (authorization == null) {
            return new Failure(403, "AccessDenied", "You have no right to access this object because of bucket acl.");
        }
        if (authorization.startsWith("OSS4-HMAC-SHA256")) {
            return new Failure(400, "InvalidArgument", "This fake verifies OSS signature V1 only.");
        }
        if (!authorization.startsWith("OSS ") || authorization.indexOf(':') < 0) {
            return new Failure(400, "InvalidArgument", "Authorization header is invalid.",
                    Map.of("Authorization", authorization.replaceAll(":.*", ":****")));
        }
        String credentials = authorization.substring("OSS ".length());
        int colon = credentials.lastIndexOf(':');
        String keyId = credentials.substring(0, colon);
        String signature = credentials.substring(colon + 1);
        if (!keyId.equals(ACCESS_KEY_ID)) {
            return new Failure(403, "InvalidAccessKeyId", "The OSS Access Key Id you provided does not exist in our records.",
                    Map.of("OSSAccessKeyId", keyId));
        }
        String date = request.headers().getFirst("Date");
        if (date == null) {
            return new Failure(403, "AccessDenied", "Missing Date Header.");
        }
        try {
            Instant sent = ZonedDateTime.parse(date, HTTP_DATE).toInstant();
            if (Duration.between(sent, Instant.now()).abs().compareTo(MAX_SKEW) > 0) {
                return new Failure(403, "RequestTimeTooSkewed",
                        "The difference between the request time and the current time is too large.");
            }
        } catch (DateTimeParseException e) {
            return new Failure(403, "AccessDenied", "Invalid Date Header.");
        }
        String stringToSign = stringToSign(request);
        String expected = Base64.getEncoder().encodeToString(
                hmac("HmacSHA1", ACCESS_KEY_SECRET.getBytes(StandardCharsets.UTF_8), stringToSign));
        if (!sameSignature(expected, signature)) {
            Map<String, String> details = new LinkedHashMap<>();
            details.put("OSSAccessKeyId", keyId);
            details.put("SignatureProvided", signature);
            details.put("StringToSign", stringToSign);
            details.put("StringToSignBytes", HexFormat.ofDelimiter(" ").withUpperCase()
                    .formatHex(stringToSign.getBytes(StandardCharsets.UTF_8)));
            return new Failure(403, "SignatureDoesNotMatch", "The request signature we calculated does not match the"
                    + " signature you provided. Check your key and signing method.", details);
        }
        return null;
    }

    @Override
    protected String describeAuthorization(Request request) {
        String authorization = request.headers().getFirst("Authorization");
        if (authorization == null) {
            return "anonymous";
        }
        List<String> ossHeaders = new ArrayList<>();
        request.headers().keySet().forEach(name -> {
            if (name.toLowerCase(Locale.ROOT).startsWith("x-oss-")) {
                ossHeaders.add(name.toLowerCase(Locale.ROOT));
            }
        });
        Collections.sort(ossHeaders);
        String scheme = authorization.startsWith("OSS ") ? "OSS-V1" : authorization.split(" ", 2)[0];
        return "auth=" + scheme + " date=" + (request.headers().containsKey("Date") ? "Date" : "none")
                + " content-type=" + (request.headers().containsKey("Content-Type") ? "yes" : "no")
                + " content-md5=" + (request.headers().containsKey("Content-MD5") ? "yes" : "no")
                + " oss-headers=" + ossHeaders;
    }

    /** Builds the V1 string to sign of {@code request}, as Aliyun's documentation defines it. */
    static String stringToSign(Request request) {
        Headers headers = request.headers();
        StringBuilder text = new StringBuilder();
        text.append(request.method()).append('\n');
        text.append(orEmpty(headers.getFirst("Content-MD5"))).append('\n');
        text.append(orEmpty(headers.getFirst("Content-Type"))).append('\n');
        text.append(orEmpty(headers.getFirst("Date"))).append('\n');
        TreeMap<String, String> ossHeaders = new TreeMap<>();
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (name.startsWith("x-oss-")) {
                ossHeaders.put(name, String.join(",", header.getValue()).strip());
            }
        }
        ossHeaders.forEach((name, value) -> text.append(name).append(':').append(value).append('\n'));
        text.append('/').append(request.bucket()).append('/').append(request.key());
        TreeMap<String, String> subResources = new TreeMap<>();
        for (Map.Entry<String, String> parameter : request.query()) {
            if (SUB_RESOURCES.contains(parameter.getKey())) {
                subResources.put(parameter.getKey(), parameter.getValue());
            }
        }
        String separator = "?";
        for (Map.Entry<String, String> parameter : subResources.entrySet()) {
            text.append(separator).append(parameter.getKey());
            if (!parameter.getValue().isEmpty()) {
                text.append('=').append(parameter.getValue());
            }
            separator = "&";
        }
        return text.toString();
    }

    @Override
    protected void list(Request request, NavigableMap<String, StoredObject> objects, Reply reply) throws IOException {
        if (!"2".equals(request.param("list-type"))) {
            reply.fail(new Failure(501, "NotImplemented", "This fake serves ListObjectsV2 (list-type=2) only."), request);
            return;
        }
        String prefix = orEmpty(request.param("prefix"));
        String delimiter = orEmpty(request.param("delimiter"));
        String token = request.param("continuation-token");
        String startAfter = request.param("start-after");
        boolean urlEncoding = "url".equals(request.param("encoding-type"));
        int maxKeys = DEFAULT_MAX_KEYS;
        if (request.param("max-keys") != null) {
            try {
                maxKeys = Integer.parseInt(request.param("max-keys"));
            } catch (NumberFormatException e) {
                maxKeys = -1;
            }
            if (maxKeys < 1 || maxKeys > MAX_KEYS) {
                reply.fail(new Failure(400, "InvalidArgument", "max-keys must be between 1 and " + MAX_KEYS + "."),
                        request);
                return;
            }
        }
        String after = startAfter;
        if (token != null && !token.isEmpty()) {
            try {
                after = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                reply.fail(new Failure(400, "InvalidArgument", "The continuation token provided is incorrect."), request);
                return;
            }
        }
        ListPage page = page(objects, prefix, delimiter, after, maxKeys);
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ListBucketResult>\n");
        element(xml, "Name", request.bucket());
        element(xml, "Prefix", encode(prefix, urlEncoding));
        if (startAfter != null) {
            element(xml, "StartAfter", encode(startAfter, urlEncoding));
        }
        if (token != null) {
            element(xml, "ContinuationToken", token);
        }
        element(xml, "MaxKeys", String.valueOf(maxKeys));
        element(xml, "Delimiter", encode(delimiter, urlEncoding));
        if (urlEncoding) {
            element(xml, "EncodingType", "url");
        }
        element(xml, "IsTruncated", String.valueOf(page.truncated()));
        if (page.truncated()) {
            element(xml, "NextContinuationToken", Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(page.lastItem().getBytes(StandardCharsets.UTF_8)));
        }
        for (Map.Entry<String, StoredObject> entry : page.contents()) {
            StoredObject object = entry.getValue();
            xml.append("  <Contents>\n");
            element(xml, "Key", encode(entry.getKey(), urlEncoding));
            element(xml, "LastModified", ISO_MILLIS.format(object.lastModified()));
            element(xml, "ETag", etag(object));
            element(xml, "Type", "Normal");
            element(xml, "Size", String.valueOf(object.data().length));
            element(xml, "StorageClass", "Standard");
            xml.append("  </Contents>\n");
        }
        for (String common : page.commonPrefixes()) {
            xml.append("  <CommonPrefixes>\n");
            element(xml, "Prefix", encode(common, urlEncoding));
            xml.append("  </CommonPrefixes>\n");
        }
        element(xml, "KeyCount", String.valueOf(page.contents().size() + page.commonPrefixes().size()));
        xml.append("</ListBucketResult>\n");
        reply.xml(200, xml.toString());
    }

    @Override
    protected String errorXml(Failure failure, Request request, String requestId) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error>\n");
        element(xml, "Code", failure.code());
        element(xml, "Message", failure.message());
        element(xml, "RequestId", requestId);
        element(xml, "HostId", request == null ? SERVICE_HOST : request.bucket() + "." + SERVICE_HOST);
        if (failure.code().equals("NoSuchKey") && request != null) {
            element(xml, "Key", request.key());
        }
        if (failure.code().equals("NoSuchBucket") && request != null) {
            element(xml, "BucketName", request.bucket());
        }
        failure.details().forEach((name, value) -> element(xml, name, value));
        element(xml, "EC", failure.status() == 403 ? "0002-00000040" : "0000-00000000");
        xml.append("</Error>\n");
        return xml.toString();
    }

    @Override
    protected void decorate(Headers headers, String requestId) {
        headers.set("Server", "AliyunOSS");
        headers.set("x-oss-request-id", requestId);
    }

    @Override
    protected String etag(StoredObject object) {
        return "\"" + object.md5Hex().toUpperCase(Locale.ROOT) + "\"";
    }

    private static String encode(String value, boolean urlEncoding) {
        return urlEncoding ? encodeUnreserved(value).replace("%2F", "/") : value;
    }

    private static void element(StringBuilder xml, String name, String value) {
        xml.append("  <").append(name).append('>').append(xmlEscape(value)).append("</").append(name).append(">\n");
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    /** Returns the Databend parameters that reach this fake through the proxy, with the right keys. */
    public static Map<String, String> parameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("endpoint_url", "http://" + SERVICE_HOST);
        parameters.put("access_key_id", ACCESS_KEY_ID);
        parameters.put("access_key_secret", ACCESS_KEY_SECRET);
        return parameters;
    }

    /** Returns the summary lines of listing requests, for assertions about paging. */
    public List<String> listRequests() {
        List<String> lines = new ArrayList<>();
        for (String line : requests()) {
            if (line.contains("list-type=2")) {
                lines.add(line);
            }
        }
        return lines;
    }
}
