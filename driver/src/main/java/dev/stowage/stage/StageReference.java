package dev.stowage.stage;

import dev.stowage.error.ErrorCode;
import dev.stowage.error.StowageException;

/**
 * A reference to files in a stage, {@code @name[/path]}: the stage name and the path prefix inside it (possibly
 * empty; Databend's prefix semantics, not a directory).
 *
 * @param stage the stage name
 * @param path the path prefix, without a leading slash
 */
public record StageReference(String stage, String path) {
    /**
     * Parses {@code @name[/path]}.
     *
     * @throws StowageException {@link ErrorCode#BAD_ARGUMENTS} if it does not start with {@code @} or names the
     *     user stage {@code @~}, which Stowage does not have
     */
    public static StageReference parse(String text) {
        if (!text.startsWith("@")) {
            throw new StowageException(ErrorCode.BAD_ARGUMENTS, "location must start with @, but got %s", text);
        }
        String rest = text.substring(1);
        if (rest.equals("~") || rest.startsWith("~/")) {
            throw new StowageException(ErrorCode.BAD_ARGUMENTS, "The user stage @~ is not supported; create a stage.");
        }
        int slash = rest.indexOf('/');
        String name = slash < 0 ? rest : rest.substring(0, slash);
        String path = slash < 0 ? "" : rest.substring(slash + 1);
        if (name.isEmpty()) {
            throw new StowageException(ErrorCode.BAD_ARGUMENTS, "Stage location %s names no stage.", text);
        }
        return new StageReference(name, path);
    }

    @Override
    public String toString() {
        return "@" + stage + (path.isEmpty() ? "" : "/" + path);
    }
}
