package dev.stowage.catalog;

import dev.stowage.secret.Masking;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A named connection as stored in the catalog: the storage type and the parameters exactly as the user gave them
 * (keys lower-cased, values verbatim, aliases kept). {@link #toString()} masks every value.
 *
 * @param name the name exactly as written (names are case-sensitive)
 * @param storageType the storage type as given, lower-cased (e.g. {@code hf} stays {@code hf})
 * @param parameters the parameters, sorted by key
 */
public record ConnectionDefinition(String name, String storageType, SortedMap<String, String> parameters) {
    public ConnectionDefinition {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(storageType, "storageType is null");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("connection name is empty");
        }
        parameters = Collections.unmodifiableSortedMap(new TreeMap<>(parameters));
    }

    /** Creates a definition from parameters in any order. */
    public static ConnectionDefinition of(String name, String storageType, Map<String, String> parameters) {
        return new ConnectionDefinition(name, storageType, new TreeMap<>(parameters));
    }

    /** Returns the parameters as {@code key=value} pairs joined by one space, every value masked. */
    public String maskedParameters() {
        return parameters.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + Masking.mask(entry.getValue()))
                .collect(Collectors.joining(" "));
    }

    @Override
    public String toString() {
        return "ConnectionDefinition[name=" + name + ", storageType=" + storageType + ", parameters=" + maskedParameters() + "]";
    }
}
