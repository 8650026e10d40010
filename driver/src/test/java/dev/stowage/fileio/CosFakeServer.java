package dev.stowage.fileio;

import com.sun.net.httpserver.Headers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;

/**
 * A fake Tencent Cloud COS: PUT/GET (with Range)/HEAD/DELETE object and GET Bucket (ListObjects, version 1), reached
 * only virtual-host style ({@code <bucket>-<appid>.cos.<region>.myqcloud.com}, which is all COS supports), so clients
 * come through this server acting as their HTTP proxy.
 *
 * <p>Requests are authenticated with COS's documented HMAC-SHA1 scheme; the {@code Authorization} header is
 * {@code q-sign-algorithm=sha1&q-ak=<SecretId>&q-sign-time=<start>;<end>&q-key-time=<start>;<end>
 * &q-header-list=<names>&q-url-param-list=<names>&q-signature=<hex>} and:
 *
 * <pre>
 * SignKey      = hex(hmac-sha1(SecretKey, q-key-time))
 * HttpString   = lower(method) \n path \n k=v&... (listed params) \n k=v&... (listed headers) \n
 * StringToSign = sha1 \n q-sign-time \n hex(sha1(HttpString)) \n
 * Signature    = hex(hmac-sha1(SignKey, StringToSign))
 * </pre>
 *
 * where names are lower-case and values URL-encoded (everything but {@code A-Z a-z 0-9 - _ . ~}). A wrong secret
 * gets {@code 403 SignatureDoesNotMatch}, an unknown SecretId {@code 403 InvalidAccessKeyId}, an expired or future
 * sign time {@code 403 AccessDenied}, with COS's XML error body.
 */
public final class CosFakeServer extends FakeObjectStorage {
    /** The service host; buckets are its subdomains. Never resolved: clients reach it through the proxy. */
    public static final String SERVICE_HOST = "cos.ap-stowage.myqcloud.com";
    public static final String BUCKET = "stowage-1250000000";
    public static final String SECRET_ID = "AKIDstowageTestSecretId0001";
    public static final String SECRET_KEY = "cos-secret/KEY+for+stowage=tests";

    /** GET Bucket's default and maximum page size (Tencent's documented values). */
    static final int MAX_KEYS = 1000;
    private static final Duration MAX_SKEW = Duration.ofMinutes(15);

    private CosFakeServer() throws IOException {
        super(SERVICE_HOST);
    }

    /** Starts a server with the bucket {@link #BUCKET}. */
    public static CosFakeServer start() throws IOException {
        CosFakeServer server = new CosFakeServer();
        server.createBucket(BUCKET);
        server.startServer();
        return server;
    }

    @Override
    protected boolean allowsPathStyle() {
        return false;
    }

    @Override
    protected Failure authenticate(Request request) throws Exception {
        String authorization = request.headers().getFirst("Authorization");
        if (authorization == null) {
            return new Failure(403, "AccessDenied", "Access Denied.");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String part : authorization.split("&")) {
            int equals = part.indexOf('=');
            if (equals > 0) {
                fields.put(part.substring(0, equals), part.substring(equals + 1));
            }
        }
        for (String required : List.of("q-sign-algorithm", "q-ak", "q-sign-time", "q-key-time", "q-header-list",
                "q-url-param-list", "q-signature")) {
            if (!fields.containsKey(required)) {
                return new Failure(403, "AccessDenied", "Authorization header is missing " + required + ".");
            }
        }
        if (!fields.get("q-sign-algorithm").equals("sha1")) {
            return new Failure(403, "AccessDenied", "q-sign-algorithm must be sha1.");
        }
        if (!fields.get("q-ak").equals(SECRET_ID)) {
            return new Failure(403, "InvalidAccessKeyId", "The access key Id format you provided is invalid.");
        }
        String signTime = fields.get("q-sign-time");
        String[] window = signTime.split(";");
        try {
            long now = Instant.now().getEpochSecond();
            if (window.length != 2 || Long.parseLong(window[0]) > now + MAX_SKEW.toSeconds()
                    || Long.parseLong(window[1]) < now) {
                return new Failure(403, "AccessDenied", "Request has expired");
            }
        } catch (NumberFormatException e) {
            return new Failure(403, "AccessDenied", "q-sign-time is invalid.");
        }
        String httpString = httpString(request, fields.get("q-url-param-list"), fields.get("q-header-list"));
        String stringToSign = "sha1\n" + signTime + "\n" + sha1Hex(httpString) + "\n";
        String signKey = HexFormat.of().formatHex(
                hmac("HmacSHA1", SECRET_KEY.getBytes(StandardCharsets.UTF_8), fields.get("q-key-time")));
        String expected = HexFormat.of().formatHex(
                hmac("HmacSHA1", signKey.getBytes(StandardCharsets.UTF_8), stringToSign));
        if (!sameSignature(expected, fields.get("q-signature"))) {
            return new Failure(403, "SignatureDoesNotMatch",
                    "The Signature you specified does not match what we calculated.",
                    Map.of("StringToSign", stringToSign, "FormatString", httpString));
        }
        return null;
    }

    @Override
    protected String describeAuthorization(Request request) {
        String authorization = request.headers().getFirst("Authorization");
        if (authorization == null) {
            return "anonymous";
        }
        return "auth=" + authorization.replaceAll("q-ak=[^&]*", "q-ak=*").replaceAll("q-signature=.*", "q-signature=*");
    }

    /** Builds the HttpString over the parameters and headers the client listed as signed. */
    static String httpString(Request request, String paramList, String headerList) {
        StringBuilder text = new StringBuilder();
        text.append(request.method().toLowerCase(Locale.ROOT)).append('\n');
        text.append(request.decodedPath()).append('\n');
        StringBuilder params = new StringBuilder();
        for (String name : names(paramList)) {
            String value = null;
            for (Map.Entry<String, String> parameter : request.query()) {
                if (parameter.getKey().toLowerCase(Locale.ROOT).equals(name)) {
                    value = parameter.getValue();
                    break;
                }
            }
            params.append(params.length() == 0 ? "" : "&").append(encodeUnreserved(name)).append('=')
                    .append(value == null ? "" : encodeUnreserved(value));
        }
        text.append(params).append('\n');
        StringBuilder headers = new StringBuilder();
        for (String name : names(headerList)) {
            String value = request.headers().getFirst(name);
            headers.append(headers.length() == 0 ? "" : "&").append(encodeUnreserved(name)).append('=')
                    .append(value == null ? "" : encodeUnreserved(value));
        }
        text.append(headers).append('\n');
        return text.toString();
    }

    private static List<String> names(String list) {
        return list.isEmpty() ? List.of() : List.of(list.toLowerCase(Locale.ROOT).split(";"));
    }

    @Override
    protected void list(Request request, NavigableMap<String, StoredObject> objects, Reply reply) throws IOException {
        String prefix = orEmpty(request.param("prefix"));
        String delimiter = orEmpty(request.param("delimiter"));
        String marker = request.param("marker");
        boolean urlEncoding = "url".equals(request.param("encoding-type"));
        int maxKeys = MAX_KEYS;
        if (request.param("max-keys") != null) {
            try {
                maxKeys = Math.min(MAX_KEYS, Integer.parseInt(request.param("max-keys")));
            } catch (NumberFormatException e) {
                maxKeys = -1;
            }
            if (maxKeys < 0) {
                reply.fail(new Failure(400, "InvalidArgument", "max-keys is invalid."), request);
                return;
            }
        }
        ListPage page = page(objects, prefix, delimiter, marker == null || marker.isEmpty() ? null : marker, maxKeys);
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ListBucketResult>\n");
        element(xml, "Name", request.bucket());
        if (urlEncoding) {
            element(xml, "EncodingType", "url");
        }
        element(xml, "Prefix", encode(prefix, urlEncoding));
        element(xml, "Marker", encode(orEmpty(marker), urlEncoding));
        element(xml, "MaxKeys", String.valueOf(maxKeys));
        if (!delimiter.isEmpty()) {
            element(xml, "Delimiter", encode(delimiter, urlEncoding));
        }
        element(xml, "IsTruncated", String.valueOf(page.truncated()));
        if (page.truncated()) {
            element(xml, "NextMarker", encode(page.lastItem(), urlEncoding));
        }
        for (String common : page.commonPrefixes()) {
            xml.append("  <CommonPrefixes>\n");
            element(xml, "Prefix", encode(common, urlEncoding));
            xml.append("  </CommonPrefixes>\n");
        }
        for (Map.Entry<String, StoredObject> entry : page.contents()) {
            StoredObject object = entry.getValue();
            xml.append("  <Contents>\n");
            element(xml, "Key", encode(entry.getKey(), urlEncoding));
            element(xml, "LastModified", ISO_MILLIS.format(object.lastModified()));
            element(xml, "ETag", etag(object));
            element(xml, "Size", String.valueOf(object.data().length));
            xml.append("    <Owner><ID>1250000000</ID><DisplayName>1250000000</DisplayName></Owner>\n");
            element(xml, "StorageClass", "STANDARD");
            xml.append("  </Contents>\n");
        }
        xml.append("</ListBucketResult>\n");
        reply.xml(200, xml.toString());
    }

    @Override
    protected String errorXml(Failure failure, Request request, String requestId) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error>\n");
        element(xml, "Code", failure.code());
        element(xml, "Message", failure.message());
        element(xml, "Resource", request == null ? SERVICE_HOST
                : request.bucket() + "." + SERVICE_HOST + request.decodedPath());
        element(xml, "RequestId", requestId);
        element(xml, "TraceId", "OGVmYzZiMmQ3YjA2OWNhODk0NTRkMTBiOWVmMDAxODc0OWRkZjk0ZDM1NmI1M2E2MTRlY2MzZDhmNmI5MWI1OTBjYzE2MjAxN2M1MzJiOTdkZjMxMDVlYTZjN2FiMmI0");
        failure.details().forEach((name, value) -> element(xml, name, value));
        xml.append("</Error>\n");
        return xml.toString();
    }

    @Override
    protected void decorate(Headers headers, String requestId) {
        headers.set("Server", "tencent-cos");
        headers.set("x-cos-request-id", requestId);
    }

    @Override
    protected String etag(StoredObject object) {
        return "\"" + object.md5Hex() + "\"";
    }

    private static String encode(String value, boolean urlEncoding) {
        return urlEncoding ? encodeUnreserved(value) : value;
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
        parameters.put("secret_id", SECRET_ID);
        parameters.put("secret_key", SECRET_KEY);
        return parameters;
    }
}
