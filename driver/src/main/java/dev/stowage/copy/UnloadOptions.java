package dev.stowage.copy;

import dev.stowage.error.ErrorCode;
import dev.stowage.error.StowageException;
import dev.stowage.format.OptionValue;
import java.util.Map;
import java.util.Set;

/**
 * The options of {@code COPY INTO <location>}, with Databend's defaults and rules.
 *
 * @param single whether all rows go to one file, however large
 * @param maxFileSize the size at which a file is completed and the next started
 * @param overwrite whether an existing file of the same name is replaced
 * @param includeQueryId whether file names include the statement's id
 * @param useRawPath whether the path names the file itself rather than a directory
 * @param detailedOutput whether the output lists each file rather than totals
 */
public record UnloadOptions(boolean single, long maxFileSize, boolean overwrite, boolean includeQueryId,
                            boolean useRawPath, boolean detailedOutput) {
    /** Databend's default MAX_FILE_SIZE: 64 MiB. */
    static final long DEFAULT_MAX_FILE_SIZE = 64L << 20;

    private static final Set<String> ACCEPTED = Set.of("single", "max_file_size", "overwrite", "include_query_id",
            "use_raw_path", "detailed_output");

    /**
     * Reads the options of the statement.
     *
     * @throws StowageException {@link ErrorCode#BAD_ARGUMENTS} for an unknown or malformed option, or OVERWRITE
     *     without USE_RAW_PATH = TRUE and INCLUDE_QUERY_ID = FALSE
     */
    public static UnloadOptions of(Map<String, OptionValue> options) {
        CopyOptions read = new CopyOptions(options, ACCEPTED, "COPY INTO <location>");
        UnloadOptions parsed = new UnloadOptions(read.bool("single", false),
                read.number("max_file_size", DEFAULT_MAX_FILE_SIZE), read.bool("overwrite", false),
                read.bool("include_query_id", true), read.bool("use_raw_path", false),
                read.bool("detailed_output", false));
        if (parsed.overwrite() && (!parsed.useRawPath() || parsed.includeQueryId())) {
            throw new StowageException(ErrorCode.BAD_ARGUMENTS,
                    "OVERWRITE = TRUE requires USE_RAW_PATH = TRUE and INCLUDE_QUERY_ID = FALSE.");
        }
        if (parsed.maxFileSize() == 0) {
            throw new StowageException(ErrorCode.BAD_ARGUMENTS, "MAX_FILE_SIZE must be greater than 0.");
        }
        return parsed;
    }
}
