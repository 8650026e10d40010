package dev.stowage.fileio;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The Firebase Storage emulator ({@code test-emulators/node_modules/firebase-tools}), which serves the GCS JSON API,
 * started on 127.0.0.1 on free ports.
 *
 * <p>Two workarounds make it run offline: it is given a JDK &ge; 21 (firebase-tools refuses older ones; found under
 * {@code /usr/lib/jvm} at runtime), and {@code STORAGE_EMULATOR_BINARY_PATH} points at
 * {@code test-emulators/node_modules/.stowage/stub-rules.jar} (built by {@code install.sh} from
 * {@code test-emulators/stub-rules/StubRules.java}) instead of the rules runtime it would download. The stub permits
 * every request, and a {@code demo-*} project needs no login.
 *
 * <p>Buckets need not be created: the emulator creates one on its first upload and lists a missing one as empty.
 */
public final class GcsEmulatorServer implements AutoCloseable {
    /** The project id; the {@code demo-} prefix gives open rules and no login. */
    public static final String PROJECT = "demo-stowage";
    /** The system property that may name the JDK (&ge; 21) to run the emulator with. */
    static final String JAVA_HOME_PROPERTY = "stowage.emulator.java-home";
    private static final int MIN_JAVA = 21;

    private final EmulatorProcess process;
    private final int port;

    private GcsEmulatorServer(EmulatorProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts the emulator and waits until it reports that it is ready. */
    public static GcsEmulatorServer start() throws IOException, InterruptedException {
        Path firebase = EmulatorProcess.installed("node_modules/firebase-tools/lib/bin/firebase.js");
        Path stubRules = EmulatorProcess.installed("node_modules/.stowage/stub-rules.jar");
        Path exitWithParent = EmulatorProcess.installed("exit-with-parent.js");
        Path javaHome = findJavaHome();
        int[] ports = new int[3];
        EmulatorProcess process = EmulatorProcess.start("firebase-storage", () -> {
            ports[0] = EmulatorProcess.freePort();
            ports[1] = EmulatorProcess.freePort();
            ports[2] = EmulatorProcess.freePort();
            return new EmulatorProcess.Launch() {
                @Override
                public List<String> command(Path workDir) throws IOException {
                    String config = """
                            {
                              "emulators": {
                                "storage": {"host": "127.0.0.1", "port": %d},
                                "hub": {"host": "127.0.0.1", "port": %d},
                                "logging": {"host": "127.0.0.1", "port": %d},
                                "ui": {"enabled": false}
                              }
                            }
                            """.formatted(ports[0], ports[1], ports[2]);
                    Files.writeString(workDir.resolve("firebase.json"), config, StandardCharsets.UTF_8);
                    return List.of(EmulatorProcess.node(), "--require", exitWithParent.toString(), firebase.toString(),
                            "emulators:start", "--only", "storage", "--project", PROJECT);
                }

                @Override
                public Map<String, String> environment(Path workDir) throws IOException {
                    Map<String, String> environment = new HashMap<>();
                    String path = System.getenv("PATH");
                    environment.put("PATH", javaHome.resolve("bin") + (path == null ? "" : java.io.File.pathSeparator + path));
                    environment.put("JAVA_HOME", javaHome.toString());
                    environment.put("CI", "true"); // no MOTD fetch, no prompts
                    environment.put("NO_UPDATE_NOTIFIER", "1");
                    // a private HOME (firebase-tools' config store) and TMPDIR (its emulator hub locator file, which
                    // would otherwise clash between concurrent runs of the same project id)
                    environment.put("HOME", Files.createDirectories(workDir.resolve("home")).toString());
                    environment.put("TMPDIR", Files.createDirectories(workDir.resolve("tmp")).toString());
                    environment.put("STORAGE_EMULATOR_BINARY_PATH", stubRules.toString());
                    return environment;
                }

                @Override
                public int port() {
                    return ports[0];
                }

                @Override
                public String readyMarker() {
                    return "All emulators ready";
                }
            };
        }, Duration.ofSeconds(120));
        return new GcsEmulatorServer(process, ports[0]);
    }

    /** Returns the endpoint of the GCS JSON API. */
    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    /**
     * Returns the Databend connection parameters that reach this server: no {@code credential}, so the client is
     * anonymous ({@code allow_anonymous=true}), which the emulator's open rules accept.
     */
    public Map<String, String> parameters() {
        return Map.of("endpoint_url", endpoint());
    }

    /** Returns the file the emulator logs to. */
    public Path log() {
        return process.log();
    }

    /** Stops the emulator and its rules runtime. */
    @Override
    public void close() {
        process.close();
    }

    /**
     * Returns the JDK to run firebase-tools with: the one named by {@value #JAVA_HOME_PROPERTY}, else the newest
     * JDK &ge; 21 among this JVM's, {@code $JAVA_HOME} and those under {@code /usr/lib/jvm}.
     */
    static Path findJavaHome() {
        String configured = System.getProperty(JAVA_HOME_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            Path home = Path.of(configured);
            int version = featureVersion(home).orElse(0);
            if (version < MIN_JAVA || !Files.isExecutable(home.resolve("bin/java"))) {
                throw new IllegalStateException("-D" + JAVA_HOME_PROPERTY + "=" + configured + " is not a Java >= "
                        + MIN_JAVA + " installation (found version " + version + ")");
            }
            return home;
        }
        Set<Path> candidates = new LinkedHashSet<>();
        candidates.add(Path.of(System.getProperty("java.home")));
        String javaHomeEnv = System.getenv("JAVA_HOME");
        if (javaHomeEnv != null && !javaHomeEnv.isBlank()) {
            candidates.add(Path.of(javaHomeEnv));
        }
        Path jvms = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvms)) {
            try (Stream<Path> children = Files.list(jvms)) {
                children.sorted().forEach(candidates::add);
            } catch (IOException ignored) {
                // no candidates from there
            }
        }
        Path best = null;
        int bestVersion = 0;
        List<String> seen = new ArrayList<>();
        for (Path candidate : candidates) {
            Optional<Integer> version = featureVersion(candidate);
            if (version.isEmpty() || !Files.isExecutable(candidate.resolve("bin/java"))) {
                continue;
            }
            seen.add(candidate + " (" + version.get() + ")");
            if (version.get() >= MIN_JAVA && version.get() > bestVersion) {
                best = candidate;
                bestVersion = version.get();
            }
        }
        if (best == null) {
            throw new IllegalStateException("The Firebase Storage emulator (the GCS tests) needs a JDK >= " + MIN_JAVA
                    + ", e.g. Temurin 25 under /usr/lib/jvm, or -D" + JAVA_HOME_PROPERTY + "=<jdk>. Found: "
                    + (seen.isEmpty() ? "none" : String.join(", ", seen)));
        }
        return best;
    }

    /** Returns the feature version (17, 21, 25, ...) from {@code home}'s {@code release} file. */
    private static Optional<Integer> featureVersion(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (var in = Files.newBufferedReader(release, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
        String version = properties.getProperty("JAVA_VERSION", "").replace("\"", "");
        String feature = version.startsWith("1.") ? version.substring(2) : version;
        int end = 0;
        while (end < feature.length() && Character.isDigit(feature.charAt(end))) {
            end++;
        }
        return end == 0 ? Optional.empty() : Optional.of(Integer.parseInt(feature.substring(0, end)));
    }
}
