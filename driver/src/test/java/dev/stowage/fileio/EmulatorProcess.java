package dev.stowage.fileio;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A storage emulator from {@code test-emulators/} (installed there by {@code test-emulators/install.sh}, which
 * {@code mvn verify} runs in the process-test-resources phase) running as a child process of the test JVM.
 *
 * <p>The process runs in its own temporary directory, listens on 127.0.0.1 only and writes its output to
 * {@link #log()}. It is stopped with its whole process tree by {@link #close()}, by a shutdown hook if the JVM exits
 * first, and, for Node processes, by {@code test-emulators/exit-with-parent.js} when the JVM disappears without
 * running its hooks (its stdin pipe closes).
 */
final class EmulatorProcess implements AutoCloseable {
    /** The system property naming the {@code test-emulators} directory; set by the driver's surefire configuration. */
    static final String EMULATORS_DIR_PROPERTY = "stowage.test-emulators.dir";
    /** The system property naming the directory for emulator logs; set by the driver's surefire configuration. */
    static final String LOG_DIR_PROPERTY = "stowage.emulator-logs.dir";

    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private final String name;
    private final Process process;
    private final OutputStream stdin;
    private final Path workDir;
    private final Path log;
    private final Thread shutdownHook;
    private boolean closed;

    private EmulatorProcess(String name, Process process, Path workDir, Path log) {
        this.name = name;
        this.process = process;
        this.stdin = process.getOutputStream();
        this.workDir = workDir;
        this.log = log;
        this.shutdownHook = new Thread(this::stop, name + "-stopper");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** What to start: the command for a given working directory, and when it counts as ready. */
    interface Launch {
        /** Returns the command line; {@code workDir} is a fresh, empty directory owned by this process. */
        List<String> command(Path workDir) throws IOException;

        /** Returns variables to add to the process environment. */
        Map<String, String> environment(Path workDir) throws IOException;

        /** Returns the port that accepts connections once the emulator is ready. */
        int port();

        /** Returns text the log must contain before the emulator is ready, or null if the open port suffices. */
        String readyMarker();
    }

    /** Creates a {@link Launch}, typically with newly picked free ports. */
    @FunctionalInterface
    interface Launches {
        Launch next() throws IOException;
    }

    /**
     * Starts the emulator {@code launches.next()} describes and waits until it is ready. A fresh {@link Launch} (with fresh
     * ports) is asked for on each of up to three attempts, since a free port found with {@link #freePort()} may be
     * taken by another process before the emulator binds it.
     */
    static EmulatorProcess start(String name, Launches launches, Duration readyTimeout)
            throws IOException, InterruptedException {
        IOException failure = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            Launch launch = launches.next();
            EmulatorProcess started = launch(name, launch);
            try {
                started.awaitReady(launch, readyTimeout);
                return started;
            } catch (IOException e) {
                String log = started.logText();
                boolean portTaken = !started.process.isAlive()
                        && (log.contains("EADDRINUSE") || log.contains("in use") || log.contains("is not open"));
                started.close();
                if (!portTaken) {
                    throw e;
                }
                failure = e;
            } catch (InterruptedException | RuntimeException e) {
                started.close();
                throw e;
            }
        }
        throw failure;
    }

    private static EmulatorProcess launch(String name, Launch launch) throws IOException {
        Path workDir = Files.createTempDirectory("stowage-" + name + "-");
        Path log = logDirectory().resolve(name + "-" + launch.port() + ".log");
        ProcessBuilder builder = new ProcessBuilder(launch.command(workDir))
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        builder.environment().putAll(launch.environment(workDir));
        return new EmulatorProcess(name, builder.start(), workDir, log);
    }

    private void awaitReady(Launch launch, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IOException(name + " exited with code " + process.exitValue() + " before it was ready; "
                        + "log " + log + ":\n" + tail());
            }
            if (portOpen(launch.port()) && (launch.readyMarker() == null || logText().contains(launch.readyMarker()))) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IOException(name + " was not ready on 127.0.0.1:" + launch.port() + " within "
                        + timeout.toSeconds() + " s; log " + log + ":\n" + tail());
            }
            Thread.sleep(50);
        }
    }

    /** Returns the file the emulator's stdout and stderr go to. */
    Path log() {
        return log;
    }

    /** Returns the emulator's working directory, a temporary directory deleted by {@link #close()}. */
    Path workDir() {
        return workDir;
    }

    /** Stops the emulator and every process it started, then deletes its working directory. */
    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run
        }
    }

    private synchronized void stop() {
        if (closed) {
            return;
        }
        closed = true;
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        try {
            stdin.close(); // exit-with-parent.js turns this into SIGTERM, once
        } catch (IOException ignored) {
            // already closed
        }
        awaitExit(List.of(process.toHandle()), STOP_GRACE);
        process.destroy();
        awaitExit(tree, Duration.ofSeconds(5));
        // anything still running, including children that the emulator started after the snapshot, is killed
        tree.addAll(process.descendants().toList());
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        awaitExit(tree, Duration.ofSeconds(5));
        deleteRecursively(workDir);
    }

    private static void awaitExit(List<ProcessHandle> processes, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (ProcessHandle handle : processes) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            try {
                handle.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception stillRunning) {
                return;
            }
        }
    }

    private String logText() {
        try {
            return new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private String tail() {
        String text = logText();
        return text.length() <= 4000 ? text : "..." + text.substring(text.length() - 4000);
    }

    /** Returns a TCP port on 127.0.0.1 that is free right now. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static boolean portOpen(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Returns the {@code test-emulators} directory: the system property {@value #EMULATORS_DIR_PROPERTY}, else the
     * first {@code test-emulators/} found from the working directory upwards (for runs outside Maven).
     */
    static Path emulatorsDirectory() {
        String configured = System.getProperty(EMULATORS_DIR_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("test-emulators/package.json"))) {
                return dir.resolve("test-emulators");
            }
        }
        throw new IllegalStateException("cannot find the test-emulators directory above " + Path.of("").toAbsolutePath()
                + "; set -D" + EMULATORS_DIR_PROPERTY);
    }

    /** Returns {@code relative} inside {@code test-emulators/}, failing with instructions if it is not installed. */
    static Path installed(String relative) {
        Path dir = emulatorsDirectory();
        Path file = dir.resolve(relative);
        if (!Files.exists(file)) {
            throw new IllegalStateException(file + " is missing: run " + dir.resolve("install.sh")
                    + " (mvn runs it in the process-test-resources phase of the driver module)");
        }
        return file;
    }

    /** Returns the Node.js executable: {@code node} from PATH. */
    static String node() {
        return "node";
    }

    private static Path logDirectory() throws IOException {
        String configured = System.getProperty(LOG_DIR_PROPERTY);
        Path dir = configured == null || configured.isBlank()
                ? Path.of(System.getProperty("java.io.tmpdir"), "stowage-emulator-logs")
                : Path.of(configured);
        return Files.createDirectories(dir);
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // best effort: it is a temporary directory
        }
    }
}
