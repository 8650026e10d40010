package dev.stowage.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Starts a class of the test classpath in a separate JVM, as a second process working on the same files would. */
public final class ChildJvm {
    private ChildJvm() {
    }

    /** Starts {@code mainClass} with {@code args}; {@code environment} entries are added to the child's environment. */
    public static Process start(Class<?> mainClass, Map<String, String> environment, String... args) throws IOException {
        return start(mainClass, 256, environment, args);
    }

    /** Starts {@code mainClass} with a heap of at most {@code heapMegabytes}. */
    public static Process start(Class<?> mainClass, int heapMegabytes, Map<String, String> environment, String... args)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + heapMegabytes + "m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        return builder.start();
    }

    /** Waits for {@code process} and returns its output; fails if it does not exit 0 within {@code seconds}. */
    public static String awaitSuccess(Process process, int seconds) throws IOException, InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("child JVM did not finish within " + seconds + " s");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new AssertionError("child JVM exited with " + process.exitValue() + ":\n" + output);
        }
        return output;
    }
}
