package dev.stowage.fileio;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Azurite's Blob service ({@code test-emulators/node_modules/azurite}), started on 127.0.0.1 on a free port with
 * in-memory storage. It checks SharedKey signatures against the well-known development account, so a wrong key gets a
 * real 403.
 */
public final class AzuriteServer implements AutoCloseable {
    /** Azurite's fixed development account. */
    public static final String ACCOUNT = "devstoreaccount1";
    /** The key of {@link #ACCOUNT}, published in Azurite's documentation. */
    public static final String ACCOUNT_KEY =
            "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private static final String API_VERSION = "2021-08-06";

    private final EmulatorProcess process;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private AzuriteServer(EmulatorProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts Azurite and waits until it listens. */
    public static AzuriteServer start() throws IOException, InterruptedException {
        Path main = EmulatorProcess.installed("node_modules/azurite/dist/src/blob/main.js");
        Path exitWithParent = EmulatorProcess.installed("exit-with-parent.js");
        int[] port = new int[1];
        EmulatorProcess process = EmulatorProcess.start("azurite", () -> {
            port[0] = EmulatorProcess.freePort();
            return new EmulatorProcess.Launch() {
                @Override
                public List<String> command(Path workDir) {
                    return List.of(EmulatorProcess.node(), "--require", exitWithParent.toString(), main.toString(),
                            "--blobHost", "127.0.0.1", "--blobPort", String.valueOf(port[0]),
                            "--inMemoryPersistence", "--extentMemoryLimit", "512", "--disableTelemetry");
                }

                @Override
                public Map<String, String> environment(Path workDir) {
                    return Map.of("HOME", workDir.toString(), "NO_UPDATE_NOTIFIER", "1");
                }

                @Override
                public int port() {
                    return port[0];
                }

                @Override
                public String readyMarker() {
                    // printed once Azurite itself listens, so another process on the port is not mistaken for it
                    return "successfully listens on";
                }
            };
        }, Duration.ofSeconds(60));
        return new AzuriteServer(process, port[0]);
    }

    /** Returns the account's endpoint, path style as the emulator needs: {@code http://127.0.0.1:<port>/devstoreaccount1}. */
    public String endpoint() {
        return "http://127.0.0.1:" + port + "/" + ACCOUNT;
    }

    /** Returns the Databend connection parameters that reach this server with the right key. */
    public Map<String, String> parameters() {
        return Map.of("endpoint_url", endpoint(), "account_name", ACCOUNT, "account_key", ACCOUNT_KEY);
    }

    /** Creates {@code container} with a SharedKey-signed {@code Create Container} request (OpenDAL cannot). */
    public void createContainer(String container) throws IOException, InterruptedException {
        String date = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
                .format(ZonedDateTime.now(ZoneOffset.UTC));
        String path = "/" + ACCOUNT + "/" + container;
        // https://learn.microsoft.com/rest/api/storageservices/authorize-with-shared-key: VERB, eleven standard
        // headers (all empty here; Content-Length is empty when 0), canonicalized x-ms-* headers, then the
        // canonicalized resource, "/" + account + URI path (which itself starts with the account, path style),
        // followed by the query parameters
        String stringToSign = "PUT\n" + "\n".repeat(11)
                + "x-ms-date:" + date + "\n"
                + "x-ms-version:" + API_VERSION + "\n"
                + "/" + ACCOUNT + path + "\nrestype:container";
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path + "?restype=container"))
                .timeout(Duration.ofSeconds(30))
                .header("x-ms-date", date)
                .header("x-ms-version", API_VERSION)
                .header("Authorization", "SharedKey " + ACCOUNT + ":" + sign(stringToSign))
                .PUT(HttpRequest.BodyPublishers.noBody())
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IOException("creating container " + container + " failed: HTTP " + response.statusCode() + "\n"
                    + response.body());
        }
    }

    private static String sign(String stringToSign) throws IOException {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(ACCOUNT_KEY), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot sign the request", e);
        }
    }

    /** Returns the file Azurite logs to. */
    public Path log() {
        return process.log();
    }

    /** Stops Azurite. */
    @Override
    public void close() {
        process.close();
    }
}
