package dev.stowage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks the packaged jars: the thin jar and the self-contained {@code -all} jar register only the Stowage driver,
 * the {@code -all} jar keeps its relocated dependencies out of their original packages, and {@code java -jar} on it
 * runs the shell against a catalog that survives a restart.
 */
class DriverJarIT {
    private static final String SERVICE_FILE = "META-INF/services/java.sql.Driver";
    private static final String ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE";
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static final long PROCESS_TIMEOUT_SECONDS = 120;

    @TempDir
    Path temp;

    @Test
    void thinJarRegistersOnlyTheStowageDriver() throws IOException {
        try (JarFile jar = new JarFile(jar("driver.jar").toFile())) {
            assertThat(registeredDrivers(jar)).containsExactly(StowageDriver.class.getName());
        }
    }

    @Test
    void allJarRegistersOnlyTheStowageDriver() throws IOException {
        try (JarFile jar = new JarFile(jar("driver.all.jar").toFile())) {
            assertThat(registeredDrivers(jar)).containsExactly(StowageDriver.class.getName());
        }
    }

    @Test
    void allJarStartsTheShellAndHidesRelocatedDependencies() throws IOException {
        try (JarFile jar = new JarFile(jar("driver.all.jar").toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue(Attributes.Name.MAIN_CLASS))
                    .isEqualTo("dev.stowage.shell.StowageShell");
            List<String> names = jar.stream().map(JarEntry::getName).toList();
            assertThat(names).noneMatch(name -> name.startsWith("com/google/common/"))
                    .noneMatch(name -> name.startsWith("com/fasterxml/jackson/"))
                    .anyMatch(name -> name.startsWith("dev/stowage/shaded/com/google/common/"))
                    .anyMatch(name -> name.startsWith("dev/stowage/shaded/com/fasterxml/jackson/"));
        }
    }

    @Test
    void shellKeepsTheCatalogAcrossRestartsAndMasksSecrets() throws Exception {
        Path catalog = temp.resolve("catalog");
        Result created = shell(catalog, "CREATE CONNECTION toronto STORAGE_TYPE = 's3' ACCESS_KEY_ID = '"
                + ACCESS_KEY_ID + "' SECRET_ACCESS_KEY = '" + SECRET + "';");
        assertThat(created.exitCode()).as(created.toString()).isZero();

        Result shown = shell(catalog, "SHOW CONNECTIONS; DESC CONNECTION toronto;");
        assertThat(shown.exitCode()).as(shown.toString()).isZero();
        assertThat(shown.stdout())
                .containsPattern("\\|\\s*toronto\\s*\\|\\s*s3\\s*\\|\\s*access_key_id=AK\\*\\*\\*LE"
                        + " secret_access_key=wJ\\*\\*\\*EY\\s*\\|");

        assertThat(shown.stdout() + shown.stderr()).doesNotContain(SECRET).doesNotContain(ACCESS_KEY_ID);
        assertThat(filesContaining(catalog, SECRET)).isEmpty();
    }

    @Test
    void failingStatementGivesNonZeroExitCode() throws Exception {
        Result failed = shell(temp.resolve("catalog"), "DESC CONNECTION nope;");
        assertThat(failed.exitCode()).as(failed.toString()).isNotZero();
        assertThat(failed.stdout() + failed.stderr()).contains("Connection 'nope' does not exist.");
    }

    private static Path jar(String property) {
        String location = System.getProperty(property);
        assertThat(location).as("system property " + property + " (set by failsafe)").isNotBlank();
        Path jar = Path.of(location);
        assertThat(jar).isRegularFile();
        return jar;
    }

    private static List<String> registeredDrivers(JarFile jar) throws IOException {
        JarEntry entry = jar.getJarEntry(SERVICE_FILE);
        assertThat(entry).as(SERVICE_FILE).isNotNull();
        try (InputStream in = jar.getInputStream(entry)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(line -> line.replaceFirst("#.*", "").strip())
                    .filter(line -> !line.isEmpty())
                    .toList();
        }
    }

    /** Runs {@code java -jar <all jar> -u jdbc:stowage:<catalog> -e <sql>} with its own user home. */
    private Result shell(Path catalog, String sql) throws IOException, InterruptedException {
        Path home = Files.createDirectories(temp.resolve("home"));
        Path run = Files.createTempDirectory(temp, "run");
        Path stdin = Files.createFile(run.resolve("stdin"));
        Path stdout = run.resolve("stdout");
        Path stderr = run.resolve("stderr");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.home=" + home,
                "-jar", jar("driver.all.jar").toString(),
                "-u", "jdbc:stowage:" + catalog,
                "-e", sql));
        Process process = new ProcessBuilder(command)
                .directory(run.toFile())
                .redirectInput(stdin.toFile())
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .start();
        if (!process.waitFor(PROCESS_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("The shell did not exit within " + PROCESS_TIMEOUT_SECONDS + " s: " + command
                    + "\nstdout:\n" + Files.readString(stdout) + "\nstderr:\n" + Files.readString(stderr));
        }
        return new Result(process.exitValue(), Files.readString(stdout), Files.readString(stderr));
    }

    private static List<Path> filesContaining(Path directory, String text) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            List<Path> matches = new ArrayList<>();
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (Files.readString(file, StandardCharsets.ISO_8859_1).contains(text)) {
                    matches.add(file);
                }
            }
            return matches;
        }
    }

    private record Result(int exitCode, String stdout, String stderr) {
        @Override
        public String toString() {
            return "exit code " + exitCode + "\nstdout:\n" + stdout + "\nstderr:\n" + stderr;
        }
    }
}
