package dev.stowage.format;

import java.util.List;
import java.util.Objects;

/**
 * A statement option's value as written: a quoted string, a number, a boolean, a bare word, {@code NULL} or a
 * parenthesised list of strings.
 *
 * @param kind how the value was written
 * @param values the text of the value; one element except for lists
 */
public record OptionValue(Kind kind, List<String> values) {
    /** How a value was written. */
    public enum Kind { STRING, NUMBER, BOOLEAN, WORD, NULL, LIST }

    public OptionValue {
        Objects.requireNonNull(kind, "kind is null");
        values = List.copyOf(values);
    }

    /** Returns a single-valued option. */
    public static OptionValue of(Kind kind, String text) {
        return new OptionValue(kind, List.of(text));
    }

    /** Returns the text of a single value, or the values joined by commas for a list. */
    public String text() {
        return kind == Kind.LIST ? String.join(",", values) : values.get(0);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case STRING -> "'" + text().replace("'", "''") + "'";
            case LIST -> values.stream().map(v -> "'" + v.replace("'", "''") + "'").toList().toString()
                    .replace('[', '(').replace(']', ')');
            default -> text();
        };
    }
}
