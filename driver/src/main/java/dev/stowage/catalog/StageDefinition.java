package dev.stowage.catalog;

import dev.stowage.format.FileFormat;
import dev.stowage.secret.Masking;
import java.time.Instant;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A stage as stored in the catalog. An external stage holds a copy of the storage parameters it was created with
 * (from inline options or a connection), so later changes to that connection do not reach it.
 *
 * @param name the name exactly as written
 * @param url the external location ({@code s3://bucket/path/}), or null for an internal stage
 * @param parameters the copied storage parameters (Databend keys), empty for an internal stage
 * @param fileFormat the stage's file format
 * @param comment the comment, empty when none
 * @param creator who created the stage
 * @param createdOn when the stage was created
 */
public record StageDefinition(String name, String url, SortedMap<String, String> parameters, FileFormat fileFormat,
                              String comment, String creator, Instant createdOn) {
    public StageDefinition {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(fileFormat, "fileFormat is null");
        parameters = Collections.unmodifiableSortedMap(new TreeMap<>(parameters));
        comment = comment == null ? "" : comment;
    }

    /** Returns whether the stage keeps its files in the catalog's own storage. */
    public boolean internal() {
        return url == null;
    }

    @Override
    public String toString() {
        String masked = Masking.redactSecrets(parameters);
        return "StageDefinition[name=" + name + ", url=" + url + ", parameters=" + masked + "]";
    }
}
