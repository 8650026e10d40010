package dev.stowage.fileio;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.util.Map;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * S3Proxy embedded on 127.0.0.1 with an in-memory store, checking AWS V2/V4 signatures against one key pair, so a
 * wrong secret really gets a 403.
 */
public final class S3ProxyServer implements AutoCloseable {
    public static final String ACCESS_KEY = "AKIASTOWAGETEST00001";
    public static final String SECRET_KEY = "s3proxy-secret/KEY+for-stowage-tests";

    private final TransientNio2BlobStore store = new TransientNio2BlobStore();
    private S3Proxy proxy;
    private final int port;

    private S3ProxyServer() throws Exception {
        proxy = startProxy(0, ACCESS_KEY, SECRET_KEY);
        port = proxy.getPort();
    }

    private S3Proxy startProxy(int listenPort, String accessKey, String secretKey) throws Exception {
        S3Proxy started = S3Proxy.builder()
                .blobStore(store)
                .endpoint(URI.create("http://127.0.0.1:" + listenPort))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
                .build();
        started.start();
        while (!"STARTED".equals(started.getState())) {
            Thread.sleep(2);
        }
        return started;
    }

    /**
     * Makes the server accept only {@code accessKey}/{@code secretKey} from now on, as a credential rotation does:
     * the server restarts on the same port with the same objects.
     */
    public void rotateCredentials(String accessKey, String secretKey) throws Exception {
        proxy.stop();
        proxy = startProxy(port, accessKey, secretKey);
    }

    /** Stores {@code content} as object {@code key} of {@code bucket}, bypassing authentication. */
    public void putObject(String bucket, String key, byte[] content) {
        store.putBlob(PutObjectRequest.builder().bucket(bucket).key(key).contentLength((long) content.length).build(),
                new ByteArrayInputStream(content));
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
