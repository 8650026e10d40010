package dev.stowage.fileio;

import java.net.URI;
import java.util.Map;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;

/**
 * S3Proxy embedded on 127.0.0.1 with an in-memory store, checking AWS V2/V4 signatures against one key pair, so a
 * wrong secret really gets a 403.
 */
public final class S3ProxyServer implements AutoCloseable {
    public static final String ACCESS_KEY = "AKIASTOWAGETEST00001";
    public static final String SECRET_KEY = "s3proxy-secret/KEY+for-stowage-tests";

    private final S3Proxy proxy;
    private final TransientNio2BlobStore store = new TransientNio2BlobStore();
    private final int port;

    private S3ProxyServer() throws Exception {
        proxy = S3Proxy.builder()
                .blobStore(store)
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        proxy.start();
        while (!"STARTED".equals(proxy.getState())) {
            Thread.sleep(2);
        }
        port = proxy.getPort();
    }

    /** Starts a server. */
    public static S3ProxyServer start() throws Exception {
        return new S3ProxyServer();
    }

    /** Creates a bucket. */
    public void createBucket(String name) {
        store.createContainer(name);
    }

    /** Returns the endpoint URL. */
    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    /** Returns the Databend connection parameters that reach this server with the right keys. */
    public Map<String, String> parameters() {
        return Map.of("endpoint_url", endpoint(), "access_key_id", ACCESS_KEY, "secret_access_key", SECRET_KEY);
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
    }
}
