package dev.stowage.stage;

import dev.stowage.error.ErrorCode;
import dev.stowage.error.StowageException;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Databend's {@code PATTERN}: the regex is compiled as {@code ^<pattern>$}, without grouping, and matched against the
 * part of each path after the listed prefix.
 */
public final class StagePattern {
    private final Pattern pattern;

    private StagePattern(Pattern pattern) {
        this.pattern = pattern;
    }

    /**
     * Compiles {@code text}; null means every file matches.
     *
     * @throws StowageException {@link ErrorCode#SYNTAX} naming the pattern when it is not a valid regex
     */
    public static StagePattern compile(String text) {
        if (text == null) {
            return new StagePattern(null);
        }
        try {
            return new StagePattern(Pattern.compile("^" + text + "$"));
        } catch (PatternSyntaxException e) {
            throw new StowageException(ErrorCode.SYNTAX, "Pattern format invalid, got:%s, error:%s", text,
                    e.getDescription());
        }
    }

    /** Returns the regex as written, or null when every file matches. */
    public String text() {
        return pattern == null ? null : pattern.pattern().substring(1, pattern.pattern().length() - 1);
    }

    /** Returns whether the file at {@code path}, listed under {@code prefix}, matches. */
    public boolean matches(String prefix, String path) {
        return pattern == null || pattern.matcher(path.substring(prefix.length())).find();
    }
}
