package dev.stowage.table;

import dev.stowage.error.ErrorCode;
import dev.stowage.error.StowageException;
import dev.stowage.fileio.FileIO;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Checks that a table's location grants what a table needs, as Databend does when an external table is created or
 * its connection altered: write, read, stat, list and delete one probe object. Every check runs, so the error lists
 * each one that failed.
 */
public final class LocationCheck {
    /** The checks, in the order they run. */
    enum Permission {
        WRITE("Write"), READ("Read"), STAT("Stat"), LIST("List"), DELETE("Delete");

        private final String label;

        Permission(String label) {
            this.label = label;
        }
    }

    /** One step of the check. */
    @FunctionalInterface
    private interface Step {
        void run() throws IOException;
    }

    private LocationCheck() {
    }

    /**
     * Runs every check on {@code io}.
     *
     * @throws StowageException {@link ErrorCode#PERMISSION_CHECK_FAILED} listing each failed check and why
     */
    public static void verify(FileIO io) {
        String key = "_stowage_permission_check_" + UUID.randomUUID();
        byte[] content = key.getBytes(StandardCharsets.UTF_8);
        List<String> failures = new ArrayList<>();
        check(failures, Permission.WRITE, () -> io.write(key, content));
        check(failures, Permission.READ, () -> {
            byte[] read = io.read(key, 0, content.length);
            if (!Arrays.equals(read, content)) {
                throw new IOException("the probe object read back differs from what was written");
            }
        });
        check(failures, Permission.STAT, () -> io.stat(key));
        check(failures, Permission.LIST, () -> {
            try (Stream<?> entries = io.list(key)) {
                if (entries.findAny().isEmpty()) {
                    throw new IOException("the probe object is not listed");
                }
            }
        });
        check(failures, Permission.DELETE, () -> io.delete(key));
        if (!failures.isEmpty()) {
            throw new StowageException(ErrorCode.PERMISSION_CHECK_FAILED,
                    "Checking essential permissions for the external location %s failed.%n%s", io.location(),
                    String.join(System.lineSeparator(), failures));
        }
    }

    private static void check(List<String> failures, Permission permission, Step step) {
        try {
            step.run();
        } catch (IOException | RuntimeException e) {
            failures.add("Permission check for [" + permission.label + "] failed: " + e.getMessage());
        }
    }
}
