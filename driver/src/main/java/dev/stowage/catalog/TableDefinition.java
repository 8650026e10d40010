package dev.stowage.catalog;

import dev.stowage.format.FileFormat;
import dev.stowage.scan.Column;
import dev.stowage.secret.Masking;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A table as stored in the catalog: its columns and the files that hold its rows. An external table's files live
 * under its URL, read and written with a copy of the storage parameters it was created (or last altered) with; an
 * internal table's files live in the catalog's data directory.
 *
 * @param name the name exactly as written; table names match case-insensitively
 * @param id a unique id, naming an internal table's data directory (so a dropped and re-created table never sees
 *     the old table's files)
 * @param columns the columns, in order
 * @param url the external location ({@code s3://bucket/path/}), or null for an internal table
 * @param parameters the copied storage parameters (Databend keys), empty for an internal table
 * @param fileFormat the format of the table's files
 * @param creator who created the table
 * @param createdOn when the table was created
 */
public record TableDefinition(String name, String id, List<Column> columns, String url,
                              SortedMap<String, String> parameters, FileFormat fileFormat, String creator,
                              Instant createdOn) {
    public TableDefinition {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(id, "id is null");
        Objects.requireNonNull(fileFormat, "fileFormat is null");
        columns = List.copyOf(columns);
        parameters = Collections.unmodifiableSortedMap(new TreeMap<>(parameters));
    }

    /** Returns whether the table's files live at an external location. */
    public boolean external() {
        return url != null;
    }

    /** Returns this table with {@code parameters} as its storage parameters. */
    public TableDefinition withParameters(SortedMap<String, String> parameters) {
        return new TableDefinition(name, id, columns, url, parameters, fileFormat, creator, createdOn);
    }

    @Override
    public String toString() {
        String masked = Masking.redactSecrets(parameters);
        return "TableDefinition[name=" + name + ", url=" + url + ", parameters=" + masked + "]";
    }
}
