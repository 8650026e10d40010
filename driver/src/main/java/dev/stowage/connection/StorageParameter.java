package dev.stowage.connection;

import java.util.List;

/**
 * A parameter a storage type accepts in {@code CREATE CONNECTION} and {@code CONNECTION = (...)}.
 *
 * @param key the canonical, lower-case key
 * @param aliases other spellings accepted for the same parameter, in lookup order
 * @param required whether a statement without the parameter is rejected
 * @param bool whether the value must be {@code true} or {@code false}
 */
public record StorageParameter(String key, List<String> aliases, boolean required, boolean bool) {
    public StorageParameter {
        aliases = List.copyOf(aliases);
    }

    static StorageParameter optional(String key, String... aliases) {
        return new StorageParameter(key, List.of(aliases), false, false);
    }

    static StorageParameter required(String key) {
        return new StorageParameter(key, List.of(), true, false);
    }

    static StorageParameter flag(String key) {
        return new StorageParameter(key, List.of(), false, true);
    }

    /** Returns the key followed by its aliases. */
    public List<String> spellings() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(key), aliases.stream()).toList();
    }
}
