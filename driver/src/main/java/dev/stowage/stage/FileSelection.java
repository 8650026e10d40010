package dev.stowage.stage;

import dev.stowage.catalog.Catalog;
import dev.stowage.catalog.StageDefinition;
import dev.stowage.error.ErrorCode;
import dev.stowage.error.StowageException;
import dev.stowage.fileio.Location;
import dev.stowage.format.FileFormat;
import dev.stowage.format.OptionValue;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The files a statement reads: a stage (for a URI, a temporary one), a path prefix in it, and either a PATTERN or
 * an explicit FILES list.
 *
 * @param stage the stage; a URI's temporary stage has the URI's directory as URL and name
 * @param path the path prefix inside the stage (Databend's prefix semantics), possibly empty
 * @param pattern the PATTERN files must match
 * @param files the FILES list, joined to {@code path}, or null to list {@code path}
 * @param description the location as the statement wrote it, for messages (never holds credentials)
 */
public record FileSelection(StageDefinition stage, String path, StagePattern pattern, List<String> files,
                            String description) {
    public FileSelection {
        files = files == null ? null : List.copyOf(files);
    }

    /**
     * Resolves {@code location}, a stage reference {@code @stage[/path]} or a URI. A URI whose path ends with
     * {@code /} is a directory that becomes the root; otherwise its last segment is a path prefix in its directory.
     *
     * @param connection {@code CONNECTION => (...)}, only allowed with a URI
     * @param subject what the statement does, for messages
     * @throws StowageException for an unknown stage, a malformed URI, or bad connection options
     */
    public static FileSelection resolve(Catalog catalog, String location, Map<String, OptionValue> connection,
                                        String pattern, List<String> files, String subject) {
        StagePattern compiled = StagePattern.compile(pattern);
        if (location.startsWith("@")) {
            if (!connection.isEmpty()) {
                throw new StowageException(ErrorCode.BAD_ARGUMENTS,
                        "CONNECTION can only be given with a URI location, not with stage %s.", location);
            }
            StageReference reference = StageReference.parse(location);
            StageDefinition stage = catalog.requireStage(reference.stage());
            return new FileSelection(stage, reference.path(), compiled, files, reference.toString());
        }
        int split = directoryEnd(location);
        Location root = Location.parse(location.substring(0, split));
        Map<String, String> parameters = ConnectionParameters.resolve(catalog, root, connection, subject);
        StageDefinition stage = new StageDefinition(root.toString(), root.toString(), new TreeMap<>(parameters),
                FileFormat.DEFAULT, null, "", Instant.EPOCH);
        return new FileSelection(stage, location.substring(split), compiled, files, location);
    }

    /** Returns the full paths of the FILES list: each joined to the path. */
    public List<String> filePaths() {
        String prefix = path.isEmpty() || path.endsWith("/") ? path : path + "/";
        return files.stream().map(file -> prefix + (file.startsWith("/") ? file.substring(1) : file)).toList();
    }

    /** Where the directory part of a URI ends: after its last slash, but never inside the bucket or repository. */
    private static int directoryEnd(String uri) {
        int schemeEnd = uri.indexOf("://");
        if (schemeEnd < 0 || uri.endsWith("/")) {
            return uri.length();
        }
        int pathStart = uri.indexOf('/', schemeEnd + 3);
        if (uri.regionMatches(true, 0, "hf://", 0, 5) && pathStart >= 0) {
            pathStart = uri.indexOf('/', pathStart + 1);
        }
        int lastSlash = uri.lastIndexOf('/');
        return pathStart < 0 || lastSlash < pathStart ? uri.length() : lastSlash + 1;
    }
}
