package dev.stowage.fileio;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.opentest4j.TestAbortedException;

/**
 * Runs a test class's test methods in a child JVM whose process environment sends OpenDAL's HTTP traffic through a
 * local fake storage server acting as HTTP proxy ({@code HTTP_PROXY=http://127.0.0.1:<port>}).
 *
 * <p>OpenDAL's HTTP client (reqwest) reads its proxy from the process environment only, and a JVM cannot change its
 * own environment. Services whose URLs are always virtual-host style ({@code http://<bucket>.<service host>/...},
 * e.g. COS) can therefore only reach a local fake through a proxy set before the JVM starts. A fixed port in
 * Surefire's {@code <environmentVariables>} would also work, but it collides when two builds run at once on one
 * machine, and it would route every other test's OpenDAL traffic to host names through the proxy as well. Here the
 * fake listens on a free port, and only the child JVM, which runs just this class, sees the proxy.
 *
 * <p>In the Surefire JVM ("parent") the extension starts the fake and the child, skips the class's
 * {@code @BeforeEach}/{@code @AfterEach} methods, and hands every test method to the child, which runs it with the
 * JUnit Platform Launcher (with the class's own lifecycle methods) and sends back the outcome; a failure is rethrown
 * in the parent as it was thrown in the child, so reports name each test as usual. In the child the extension does
 * nothing. Register it as a static field: {@code @RegisterExtension static final ProxiedJvmExtension JVM = new
 * ProxiedJvmExtension(CosFakeServer::start);}
 */
public final class ProxiedJvmExtension implements BeforeAllCallback, AfterAllCallback, InvocationInterceptor {
    static final String CHILD_PROPERTY = "stowage.proxiedJvm.child";
    static final String PORT_PROPERTY = "stowage.proxiedJvm.port";
    private static final String PROTOCOL = "@@stowage-child@@ ";
    private static final long TEST_TIMEOUT_MINUTES = 10;

    private final Callable<? extends FakeObjectStorage> serverStarter;
    private FakeObjectStorage server;
    private Child child;

    /** Creates the extension; {@code serverStarter} starts the fake (in the parent only). */
    public ProxiedJvmExtension(Callable<? extends FakeObjectStorage> serverStarter) {
        this.serverStarter = serverStarter;
    }

    /** Returns whether this JVM is the child that runs the tests. */
    public static boolean inChild() {
        return Boolean.getBoolean(CHILD_PROPERTY);
    }

    /** Returns the port of the fake (and proxy) on 127.0.0.1. */
    public int port() {
        return inChild() ? Integer.getInteger(PORT_PROPERTY) : server.port();
    }

    /** Returns the fake; only the parent JVM has it. */
    public FakeObjectStorage server() {
        if (server == null) {
            throw new IllegalStateException("the fake runs in the parent JVM");
        }
        return server;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (inChild()) {
            return;
        }
        server = serverStarter.call();
        child = Child.start(server.port());
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (inChild()) {
            return;
        }
        try {
            if (child != null) {
                child.close();
            }
        } finally {
            if (server != null) {
                server.close();
                // what the client sent, for debugging: target/fake-requests/<test class>.log
                Path directory = Path.of("target", "fake-requests");
                if (Files.isDirectory(directory.getParent())) {
                    Files.createDirectories(directory);
                    Files.write(directory.resolve(context.getRequiredTestClass().getSimpleName() + ".log"),
                            server.requests(), StandardCharsets.UTF_8);
                }
            }
        }
    }

    @Override
    public void interceptBeforeEachMethod(Invocation<Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext, ExtensionContext extensionContext) throws Throwable {
        if (inChild()) {
            invocation.proceed();
        } else {
            invocation.skip();
        }
    }

    @Override
    public void interceptAfterEachMethod(Invocation<Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext, ExtensionContext extensionContext) throws Throwable {
        if (inChild()) {
            invocation.proceed();
        } else {
            invocation.skip();
        }
    }

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
            ExtensionContext extensionContext) throws Throwable {
        if (inChild()) {
            invocation.proceed();
            return;
        }
        invocation.skip();
        child.run(extensionContext.getRequiredTestClass().getName(), invocationContext.getExecutable().getName());
    }

    /** The child JVM, driven through its standard input and output. */
    private static final class Child implements AutoCloseable {
        private final Process process;
        private final Writer commands;
        private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();

        private Child(Process process) {
            this.process = process;
            this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
            Thread stdout = new Thread(() -> pump(process.getInputStream(), System.out, replies), "child-stdout");
            Thread stderr = new Thread(() -> pump(process.getErrorStream(), System.err, null), "child-stderr");
            stdout.setDaemon(true);
            stderr.setDaemon(true);
            stdout.start();
            stderr.start();
        }

        static Child start(int port) throws Exception {
            String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.add("-D" + CHILD_PROPERTY + "=true");
            command.add("-D" + PORT_PROPERTY + "=" + port);
            command.add("-Dfile.encoding=UTF-8");
            command.add("-Xmx512m");
            command.add("-cp");
            command.add(classPath);
            command.add(ChildMain.class.getName());
            ProcessBuilder builder = new ProcessBuilder(command);
            Map<String, String> environment = builder.environment();
            for (String name : List.of("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY")) {
                environment.remove(name);
                environment.remove(name.toLowerCase(Locale.ROOT));
            }
            String proxy = "http://127.0.0.1:" + port;
            environment.put("HTTP_PROXY", proxy);
            environment.put("http_proxy", proxy);
            environment.put("NO_PROXY", "127.0.0.1,localhost");
            environment.put("no_proxy", "127.0.0.1,localhost");
            Child child = new Child(builder.start());
            String ready = child.replies.poll(2, TimeUnit.MINUTES);
            if (!"READY".equals(ready)) {
                child.process.destroyForcibly();
                throw new IllegalStateException("the child JVM did not start: " + ready);
            }
            return child;
        }

        synchronized void run(String className, String methodName) throws Throwable {
            commands.write(className + " " + methodName + "\n");
            commands.flush();
            String reply = replies.poll(TEST_TIMEOUT_MINUTES, TimeUnit.MINUTES);
            if (reply == null) {
                process.destroyForcibly();
                throw new AssertionError(className + "." + methodName + " did not finish in the child JVM within "
                        + TEST_TIMEOUT_MINUTES + " minutes");
            }
            String[] parts = reply.split(" ", 2);
            Throwable thrown = parts.length > 1 && !parts[1].isEmpty() ? decode(parts[1]) : null;
            switch (parts[0]) {
                case "SUCCESSFUL" -> {
                }
                case "ABORTED" -> throw new TestAbortedException("aborted in the child JVM", thrown);
                case "FAILED" -> throw thrown == null ? new AssertionError("failed in the child JVM") : thrown;
                default -> throw new AssertionError("the child JVM answered " + reply);
            }
        }

        @Override
        public void close() throws InterruptedException {
            try {
                commands.close();
            } catch (IOException e) {
                // the child is gone already
            }
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }

        private static void pump(InputStream in, PrintStream echo, BlockingQueue<String> replies) {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    if (replies != null && line.startsWith(PROTOCOL)) {
                        replies.add(line.substring(PROTOCOL.length()));
                    } else {
                        echo.println("[child] " + line);
                    }
                }
            } catch (IOException e) {
                // the child exited
            }
            if (replies != null) {
                replies.add("EXITED");
            }
        }

        private static Throwable decode(String text) {
            byte[] bytes = Base64.getDecoder().decode(text);
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
                return (Throwable) in.readObject();
            } catch (IOException | ClassNotFoundException e) {
                return new AssertionError("could not read the child's failure: " + e);
            }
        }
    }

    /**
     * The child JVM's main class: reads {@code <class> <method>} lines, runs each test with the JUnit Platform
     * Launcher and answers with one protocol line {@code <status> [base64 of the serialized throwable]}.
     */
    public static final class ChildMain {
        private ChildMain() {
        }

        public static void main(String[] args) throws IOException {
            PrintStream protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
            // whatever the tests print goes to standard error, so standard output carries the protocol only
            System.setOut(System.err);
            Launcher launcher = LauncherFactory.create();
            protocol.println(PROTOCOL + "READY");
            BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            while ((line = commands.readLine()) != null) {
                String[] parts = line.split(" ", 2);
                protocol.println(PROTOCOL + runOne(launcher, parts[0], parts[1]));
            }
            System.exit(0);
        }

        private static String runOne(Launcher launcher, String className, String methodName) {
            List<TestExecutionResult> tests = new ArrayList<>();
            List<TestExecutionResult> containers = new ArrayList<>();
            List<String> skipped = new ArrayList<>();
            TestExecutionListener listener = new TestExecutionListener() {
                @Override
                public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
                    (identifier.isTest() ? tests : containers).add(result);
                }

                @Override
                public void executionSkipped(TestIdentifier identifier, String reason) {
                    skipped.add(reason);
                }
            };
            launcher.execute(LauncherDiscoveryRequestBuilder.request()
                    .selectors(DiscoverySelectors.selectMethod(className, methodName))
                    .build(), listener);
            for (TestExecutionResult result : tests) {
                if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                    return result.getStatus() + " " + encode(result.getThrowable().orElse(null));
                }
            }
            for (TestExecutionResult result : containers) {
                if (result.getStatus() == TestExecutionResult.Status.FAILED) {
                    return "FAILED " + encode(result.getThrowable().orElse(null));
                }
            }
            if (!tests.isEmpty()) {
                return "SUCCESSFUL";
            }
            String reason = skipped.isEmpty() ? "no test ran for " + className + "#" + methodName : skipped.get(0);
            return "ABORTED " + encode(new TestAbortedException(reason));
        }

        private static String encode(Throwable throwable) {
            if (throwable == null) {
                return "";
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(throwable);
            } catch (IOException e) {
                StringWriter trace = new StringWriter();
                throwable.printStackTrace(new PrintWriter(trace));
                return encode(new AssertionError(trace.toString()));
            }
            return Base64.getEncoder().encodeToString(bytes.toByteArray());
        }
    }
}
