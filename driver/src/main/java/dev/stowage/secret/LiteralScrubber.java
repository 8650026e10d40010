package dev.stowage.secret;

import dev.stowage.sql.SqlText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Removes a statement's string literals from text produced while running it, such as a parser or validator message
 * that quotes a token. Any literal may be a secret, so each is replaced by {@code ***}, in plain and in escaped form.
 */
public final class LiteralScrubber {
    /** Unquoted occurrences of shorter literals are left alone: replacing them would garble ordinary words. */
    private static final int MIN_BARE_LENGTH = 4;

    private final List<String> quoted = new ArrayList<>();
    private final List<String> bare = new ArrayList<>();

    private LiteralScrubber(List<String> literals) {
        for (String literal : literals) {
            if (literal.isEmpty()) {
                continue;
            }
            for (String form : List.of(literal, escaped(literal), literal.replace("'", "''"))) {
                quoted.add("'" + form + "'");
                quoted.add("\\'" + form + "\\'");
                if (literal.length() >= MIN_BARE_LENGTH) {
                    bare.add(form);
                }
            }
        }
        // longest first, so a literal containing another is removed whole
        quoted.sort(Comparator.comparingInt(String::length).reversed());
        bare.sort(Comparator.comparingInt(String::length).reversed());
    }

    /** Returns a scrubber for the string literals in {@code sql}; a null statement has none. */
    public static LiteralScrubber of(String sql) {
        return new LiteralScrubber(sql == null ? List.of() : SqlText.literals(sql));
    }

    /** Returns {@code text} with every literal of the statement replaced by {@code ***}. */
    public String scrub(String text) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (String form : quoted) {
            result = result.replace(form, "'" + Masking.MASK + "'");
        }
        for (String form : bare) {
            result = result.replace(form, Masking.MASK);
        }
        return result;
    }

    /** The escaping JavaCC applies to token images in parse error messages. */
    private static String escaped(String literal) {
        StringBuilder out = new StringBuilder();
        for (char c : literal.toCharArray()) {
            switch (c) {
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                case '"' -> out.append("\\\"");
                case '\'' -> out.append("\\'");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
