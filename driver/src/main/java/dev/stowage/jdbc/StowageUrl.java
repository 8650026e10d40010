package dev.stowage.jdbc;

import dev.stowage.error.ErrorCode;
import dev.stowage.error.StowageException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Properties;

/**
 * A parsed {@code jdbc:stowage:} URL: {@code jdbc:stowage:[<location>][;key=value...]} where the location is empty
 * (the default home), an absolute directory, {@code mem:} (a private in-memory catalog) or {@code mem:<name>} (an
 * in-memory catalog shared by every connection with that name in the JVM).
 *
 * @param location where the catalog lives
 * @param properties the {@code key=value} pairs after the location
 */
public record StowageUrl(Location location, Properties properties) {
    /** The URL prefix the driver accepts. */
    public static final String PREFIX = "jdbc:stowage:";

    /** Where a catalog lives. */
    public sealed interface Location {
    }

    /** The persistent catalog in the default home (the {@code home} property, else {@code ~/.stowage}). */
    public record DefaultHome() implements Location {
    }

    /** The persistent catalog in {@code directory}. */
    public record Directory(Path directory) implements Location {
    }

    /** An in-memory catalog; an empty name means a private one. */
    public record Memory(String name) implements Location {
    }

    /** Returns whether {@code url} is a Stowage URL. */
    public static boolean accepts(String url) {
        return url != null && url.startsWith(PREFIX);
    }

    /**
     * Parses {@code url}.
     *
     * @throws StowageException {@link ErrorCode#INVALID_URL} if the location is neither empty, {@code mem:...} nor
     *     an absolute path, or a property has no {@code =}
     */
    public static StowageUrl parse(String url) {
        String rest = url.substring(PREFIX.length());
        int semicolon = rest.indexOf(';');
        String location = semicolon < 0 ? rest : rest.substring(0, semicolon);
        Properties properties = new Properties();
        if (semicolon >= 0) {
            for (String pair : rest.substring(semicolon + 1).split(";")) {
                if (pair.isBlank()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                if (equals <= 0) {
                    throw new StowageException(ErrorCode.INVALID_URL,
                            "Invalid Stowage URL: property '%s' has no value (expected key=value).", pair.strip());
                }
                properties.setProperty(pair.substring(0, equals).strip(), pair.substring(equals + 1).strip());
            }
        }
        return new StowageUrl(parseLocation(location), properties);
    }

    private static Location parseLocation(String location) {
        if (location.isEmpty()) {
            return new DefaultHome();
        }
        if (location.startsWith("mem:")) {
            return new Memory(location.substring("mem:".length()));
        }
        try {
            Path path = Path.of(location);
            if (path.isAbsolute()) {
                return new Directory(path.normalize());
            }
        } catch (InvalidPathException e) {
            // reported below
        }
        throw new StowageException(ErrorCode.INVALID_URL,
                "Invalid Stowage URL location '%s': use jdbc:stowage: (default home), jdbc:stowage:<absolute directory>,"
                        + " jdbc:stowage:mem: or jdbc:stowage:mem:<name>.", location);
    }
}
