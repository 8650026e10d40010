package dev.stowage.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Lexical facts about a statement's text that are needed before or without parsing it: its string literals and
 * whether it ends with a statement terminator. Quoted identifiers, literals ({@code ''} escapes a quote) and
 * comments are skipped as SQL skips them.
 */
public final class SqlText {
    private SqlText() {
    }

    /** Receives the parts of a statement in order. */
    private interface Visitor {
        /** A character of SQL code at {@code index} (outside literals, quoted identifiers and comments). */
        void code(int index);

        /** The content of one single-quoted literal. */
        void literal(String content);

        /** A quoted identifier. */
        default void quotedIdentifier() {
        }
    }

    /** Returns the contents of the single-quoted literals in {@code sql}. */
    public static List<String> literals(String sql) {
        List<String> literals = new ArrayList<>();
        scan(sql, new Visitor() {
            @Override
            public void code(int index) {
            }

            @Override
            public void literal(String content) {
                literals.add(content);
            }
        });
        return literals;
    }

    /**
     * Returns {@code sql} without a final {@code ;} that terminates it (JDBC statements carry no terminator, but
     * tools and people add one), or {@code sql} itself when it has none.
     */
    public static String withoutTrailingSemicolon(String sql) {
        int[] lastCode = {-1};
        scan(sql, new Visitor() {
            @Override
            public void code(int index) {
                if (!Character.isWhitespace(sql.charAt(index))) {
                    lastCode[0] = index;
                }
            }

            @Override
            public void literal(String content) {
                lastCode[0] = -1;
            }

            @Override
            public void quotedIdentifier() {
                lastCode[0] = -1;
            }
        });
        int last = lastCode[0];
        return last >= 0 && sql.charAt(last) == ';' ? sql.substring(0, last) : sql;
    }

    private static void scan(String sql, Visitor visitor) {
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '-' && sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? sql.length() : end + 1;
            } else if (c == '/' && sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? sql.length() : end + 2;
            } else if (c == '"' || c == '`') {
                int end = sql.indexOf(c, i + 1);
                i = end < 0 ? sql.length() : end + 1;
                visitor.quotedIdentifier();
            } else if (c == '\'') {
                StringBuilder literal = new StringBuilder();
                i++;
                while (i < sql.length()) {
                    char d = sql.charAt(i);
                    if (d == '\'' && i + 1 < sql.length() && sql.charAt(i + 1) == '\'') {
                        literal.append('\'');
                        i += 2;
                    } else if (d == '\'') {
                        i++;
                        break;
                    } else {
                        literal.append(d);
                        i++;
                    }
                }
                visitor.literal(literal.toString());
            } else {
                visitor.code(i);
                i++;
            }
        }
    }
}
