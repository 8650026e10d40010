package dev.stowage.copy;

import dev.stowage.format.OptionValue;
import java.util.Map;
import java.util.Set;

/**
 * The options of {@code COPY INTO <table>} besides the file selection and format.
 *
 * @param onError what bad values and files do
 * @param purge whether loaded files are deleted from the stage
 * @param force whether files loaded before are loaded again
 * @param maxFiles the most files loaded, 0 for no limit
 * @param returnFailedOnly whether the output lists only files with errors
 */
public record LoadOptions(OnError onError, boolean purge, boolean force, long maxFiles, boolean returnFailedOnly) {
    /** Options Databend takes that do not change what is loaded here. */
    private static final Set<String> ACCEPTED = Set.of("files", "pattern", "on_error", "purge", "force", "max_files",
            "return_failed_only", "size_limit", "split_size", "disable_variant_check", "column_match_mode");

    /**
     * Reads the scalar options of the statement.
     *
     * @throws dev.stowage.error.StowageException naming an unknown or malformed option
     */
    public static LoadOptions of(Map<String, OptionValue> options) {
        CopyOptions read = new CopyOptions(options, ACCEPTED, "COPY INTO <table>");
        return new LoadOptions(OnError.parse(read.text("on_error")), read.bool("purge", false),
                read.bool("force", false), read.number("max_files", 0), read.bool("return_failed_only", false));
    }
}
