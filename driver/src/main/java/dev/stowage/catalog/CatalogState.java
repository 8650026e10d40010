package dev.stowage.catalog;

import dev.stowage.format.FileFormat;
import java.util.Collections;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An immutable snapshot of everything a catalog holds. Stores persist whole snapshots, so one change is one atomic
 * replacement.
 *
 * @param connections the connections by name, sorted by name
 * @param stages the stages by name, sorted by name
 * @param fileFormats the named file formats ({@code CREATE FILE FORMAT}) by name, sorted by name
 * @param tables the tables by {@linkplain #tableKey key}, sorted by key
 * @param loadedFiles by table id, the files COPY INTO loaded into the table, by file location
 */
public record CatalogState(SortedMap<String, ConnectionDefinition> connections,
                           SortedMap<String, StageDefinition> stages,
                           SortedMap<String, FileFormat> fileFormats,
                           SortedMap<String, TableDefinition> tables,
                           SortedMap<String, SortedMap<String, LoadedFile>> loadedFiles) {
    /** The state of a new catalog. */
    public static final CatalogState EMPTY = new CatalogState(new TreeMap<>(), new TreeMap<>(), new TreeMap<>(),
            new TreeMap<>(), new TreeMap<>());

    public CatalogState {
        connections = Collections.unmodifiableSortedMap(new TreeMap<>(connections));
        stages = Collections.unmodifiableSortedMap(new TreeMap<>(stages));
        fileFormats = Collections.unmodifiableSortedMap(new TreeMap<>(fileFormats));
        tables = Collections.unmodifiableSortedMap(new TreeMap<>(tables));
        TreeMap<String, SortedMap<String, LoadedFile>> loaded = new TreeMap<>();
        loadedFiles.forEach((id, files) -> {
            if (!files.isEmpty()) {
                loaded.put(id, Collections.unmodifiableSortedMap(new TreeMap<>(files)));
            }
        });
        loadedFiles = Collections.unmodifiableSortedMap(loaded);
    }

    /**
     * Returns whether {@code other} defines the same connections, stages, named file formats and tables as this
     * state; the records of loaded files are not compared.
     */
    public boolean sameDefinitions(CatalogState other) {
        return this == other || connections.equals(other.connections) && stages.equals(other.stages)
                && fileFormats.equals(other.fileFormats) && tables.equals(other.tables);
    }

    /** Returns the files COPY INTO loaded into the table with id {@code tableId}, by file location. */
    public SortedMap<String, LoadedFile> loadedFiles(String tableId) {
        return loadedFiles.getOrDefault(tableId, Collections.emptySortedMap());
    }

    /** Returns a state where the table with id {@code tableId} has loaded {@code files}. */
    public CatalogState withLoadedFiles(String tableId, SortedMap<String, LoadedFile> files) {
        TreeMap<String, SortedMap<String, LoadedFile>> next = new TreeMap<>(loadedFiles);
        next.put(tableId, files);
        return new CatalogState(connections, stages, fileFormats, tables, next);
    }

    /** Returns the key of the table named {@code name}: table names match case-insensitively, as SQL's do. */
    public static String tableKey(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** Returns the table named {@code name} (case-insensitive). */
    public Optional<TableDefinition> table(String name) {
        return Optional.ofNullable(tables.get(tableKey(name)));
    }

    /** Returns a state with {@code table} added or replacing the one of the same name. */
    public CatalogState withTable(TableDefinition table) {
        TreeMap<String, TableDefinition> next = new TreeMap<>(tables);
        TableDefinition replaced = next.put(tableKey(table.name()), table);
        TreeMap<String, SortedMap<String, LoadedFile>> loaded = new TreeMap<>(loadedFiles);
        if (replaced != null && !replaced.id().equals(table.id())) {
            loaded.remove(replaced.id());
        }
        return new CatalogState(connections, stages, fileFormats, next, loaded);
    }

    /** Returns a state without the table named {@code name}. */
    public CatalogState withoutTable(String name) {
        TreeMap<String, TableDefinition> next = new TreeMap<>(tables);
        TableDefinition removed = next.remove(tableKey(name));
        TreeMap<String, SortedMap<String, LoadedFile>> loaded = new TreeMap<>(loadedFiles);
        if (removed != null) {
            loaded.remove(removed.id());
        }
        return new CatalogState(connections, stages, fileFormats, next, loaded);
    }

    /** Returns the stage named {@code name} (exact, case-sensitive match). */
    public Optional<StageDefinition> stage(String name) {
        return Optional.ofNullable(stages.get(name));
    }

    /** Returns a state with {@code stage} added or replacing the one of the same name. */
    public CatalogState withStage(StageDefinition stage) {
        TreeMap<String, StageDefinition> next = new TreeMap<>(stages);
        next.put(stage.name(), stage);
        return new CatalogState(connections, next, fileFormats, tables, loadedFiles);
    }

    /** Returns a state without the stage named {@code name}. */
    public CatalogState withoutStage(String name) {
        TreeMap<String, StageDefinition> next = new TreeMap<>(stages);
        next.remove(name);
        return new CatalogState(connections, next, fileFormats, tables, loadedFiles);
    }

    /** Returns the connection named {@code name} (exact, case-sensitive match). */
    public Optional<ConnectionDefinition> connection(String name) {
        return Optional.ofNullable(connections.get(name));
    }

    /** Returns a state with {@code connection} added or replacing the one of the same name. */
    public CatalogState withConnection(ConnectionDefinition connection) {
        TreeMap<String, ConnectionDefinition> next = new TreeMap<>(connections);
        next.put(connection.name(), connection);
        return new CatalogState(next, stages, fileFormats, tables, loadedFiles);
    }

    /** Returns a state without the connection named {@code name}. */
    public CatalogState withoutConnection(String name) {
        TreeMap<String, ConnectionDefinition> next = new TreeMap<>(connections);
        next.remove(name);
        return new CatalogState(next, stages, fileFormats, tables, loadedFiles);
    }

    /** Returns the named file format {@code name} (exact, case-sensitive match). */
    public Optional<FileFormat> fileFormat(String name) {
        return Optional.ofNullable(fileFormats.get(name));
    }

    /** Returns a state with {@code format} named {@code name}, added or replacing the one of the same name. */
    public CatalogState withFileFormat(String name, FileFormat format) {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(format, "format is null");
        TreeMap<String, FileFormat> next = new TreeMap<>(fileFormats);
        next.put(name, format);
        return new CatalogState(connections, stages, next, tables, loadedFiles);
    }

    /** Returns a state without the named file format {@code name}. */
    public CatalogState withoutFileFormat(String name) {
        TreeMap<String, FileFormat> next = new TreeMap<>(fileFormats);
        next.remove(name);
        return new CatalogState(connections, stages, next, tables, loadedFiles);
    }
}
