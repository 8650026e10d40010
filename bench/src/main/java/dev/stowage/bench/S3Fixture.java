package dev.stowage.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * S3Proxy on 127.0.0.1 (ephemeral port) over a filesystem blob store, checking AWS V2/V4 signatures against one key
 * pair. The store lives in the data set's directory, so objects uploaded by an earlier run are reused.
 */
final class S3Fixture implements AutoCloseable {
    static final String ACCESS_KEY = "AKIASTOWAGEBENCH0001";
    static final String SECRET_KEY = "stowage-bench/secret+KEY-for-s3proxy";
    static final String BUCKET = "stowage-bench";

    private final BlobStore store;
    private final S3Proxy proxy;

    private S3Fixture(Path storeDir) throws Exception {
        Files.createDirectories(storeDir);
        store = new FilesystemNio2BlobStore(storeDir.toAbsolutePath().toString());
        if (!store.containerExists(BUCKET)) {
            store.createContainer(BUCKET);
        }
        proxy = S3Proxy.builder()
                .blobStore(store)
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        proxy.start();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!"STARTED".equals(proxy.getState())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("S3Proxy did not start: " + proxy.getState());
            }
            Thread.sleep(5);
        }
    }

    static S3Fixture start(Path storeDir) throws Exception {
        return new S3Fixture(storeDir);
    }

    String endpoint() {
        return "http://127.0.0.1:" + proxy.getPort();
    }

    /** Puts {@code file} into the bucket under its file name, unless an object of the same size is there already. */
    void upload(Path file) throws IOException {
        String key = file.getFileName().toString();
        long size = Files.size(file);
        HeadObjectResponse existing = store.blobMetadataIfPresent(BUCKET, key);
        if (existing != null && existing.contentLength() != null && existing.contentLength() == size) {
            return;
        }
        System.err.println("uploading " + key + " to s3://" + BUCKET + "/");
        try (InputStream in = Files.newInputStream(file)) {
            store.putBlob(PutObjectRequest.builder().bucket(BUCKET).key(key).contentLength(size).build(), in);
        }
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
    }
}
