package dev.stowage.catalog;

import dev.stowage.error.ErrorCode;
import dev.stowage.error.StowageException;
import dev.stowage.format.FileFormat;
import java.util.ArrayList;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The catalog of connections, stages and named file formats, with Databend's rules for creating and dropping them.
 * State lives in a {@link CatalogStore}; every change is one atomic store update, so a failed statement changes
 * nothing.
 */
public final class Catalog {
    private final CatalogStore store;

    /** Creates a catalog over {@code store}. */
    public Catalog(CatalogStore store) {
        this.store = Objects.requireNonNull(store, "store is null");
    }

    /** Returns the store this catalog keeps its state in. */
    public CatalogStore store() {
        return store;
    }

    /** Returns the connection named {@code name} (exact, case-sensitive match). */
    public Optional<ConnectionDefinition> connection(String name) {
        return store.read().connection(name);
    }

    /**
     * Returns the connection named {@code name}.
     *
     * @throws StowageException {@link ErrorCode#UNKNOWN_CONNECTION} if there is none
     */
    public ConnectionDefinition requireConnection(String name) {
        return connection(name).orElseThrow(() -> unknownConnection(name));
    }

    /** Returns all connections, sorted by name. */
    public List<ConnectionDefinition> connections() {
        return List.copyOf(store.read().connections().values());
    }

    /**
     * Creates {@code connection}.
     *
     * @throws StowageException {@link ErrorCode#CONNECTION_ALREADY_EXISTS} if the name is taken and {@code mode} is
     *     {@link CreateMode#FAIL_IF_EXISTS}
     */
    public void createConnection(ConnectionDefinition connection, CreateMode mode) {
        create(state -> state.connection(connection.name()), mode,
                () -> new StowageException(ErrorCode.CONNECTION_ALREADY_EXISTS, "Connection '%s' already exists.",
                        connection.name()),
                state -> state.withConnection(connection));
    }

    /**
     * Drops the connection named {@code name}. Stages and tables created from it keep their copy of its parameters.
     *
     * @throws StowageException {@link ErrorCode#UNKNOWN_CONNECTION} if there is none
     */
    public void dropConnection(String name) {
        store.update(state -> {
            if (state.connection(name).isEmpty()) {
                throw unknownConnection(name);
            }
            return state.withoutConnection(name);
        });
    }

    /** Drops the connection named {@code name} if there is one; returns whether one was dropped. */
    public boolean dropConnectionIfExists(String name) {
        boolean[] dropped = {false};
        store.update(state -> {
            dropped[0] = state.connection(name).isPresent();
            return dropped[0] ? state.withoutConnection(name) : state;
        });
        return dropped[0];
    }

    /** Returns the stage named {@code name} (exact, case-sensitive match). */
    public Optional<StageDefinition> stage(String name) {
        return store.read().stage(name);
    }

    /**
     * Returns the stage named {@code name}.
     *
     * @throws StowageException {@link ErrorCode#UNKNOWN_STAGE} if there is none
     */
    public StageDefinition requireStage(String name) {
        return stage(name).orElseThrow(() -> unknownStage(name));
    }

    /** Returns all stages, sorted by name. */
    public List<StageDefinition> stages() {
        return List.copyOf(store.read().stages().values());
    }

    /**
     * Creates {@code stage} and returns the stage it replaced, if any.
     *
     * @throws StowageException {@link ErrorCode#STAGE_ALREADY_EXISTS} if the name is taken and {@code mode} is
     *     {@link CreateMode#FAIL_IF_EXISTS}
     */
    public Optional<StageDefinition> createStage(StageDefinition stage, CreateMode mode) {
        return create(state -> state.stage(stage.name()), mode,
                () -> new StowageException(ErrorCode.STAGE_ALREADY_EXISTS, "Stage '%s' already exists.", stage.name()),
                state -> state.withStage(stage));
    }

    /**
     * Drops the stage named {@code name} and returns it.
     *
     * @throws StowageException {@link ErrorCode#UNKNOWN_STAGE} if there is none
     */
    public StageDefinition dropStage(String name) {
        StageDefinition[] dropped = {null};
        store.update(state -> {
            dropped[0] = state.stage(name).orElseThrow(() -> unknownStage(name));
            return state.withoutStage(name);
        });
        return dropped[0];
    }

    /** Drops the stage named {@code name} if there is one and returns it. */
    public Optional<StageDefinition> dropStageIfExists(String name) {
        StageDefinition[] dropped = {null};
        store.update(state -> {
            dropped[0] = state.stage(name).orElse(null);
            return dropped[0] == null ? state : state.withoutStage(name);
        });
        return Optional.ofNullable(dropped[0]);
    }

    /** Returns the table named {@code name} (case-insensitive). */
    public Optional<TableDefinition> table(String name) {
        return store.read().table(name);
    }

    /**
     * Returns the table named {@code name}.
     *
     * @throws StowageException {@link ErrorCode#UNKNOWN_TABLE} if there is none
     */
    public TableDefinition requireTable(String name) {
        return table(name).orElseThrow(() -> unknownTable(name));
    }

    /** Returns all tables, sorted by name. */
    public List<TableDefinition> tables() {
        return List.copyOf(store.read().tables().values());
    }

    /**
     * Creates {@code table} and returns the table it replaced, if any.
     *
     * @throws StowageException {@link ErrorCode#TABLE_ALREADY_EXISTS} if the name is taken and {@code mode} is
     *     {@link CreateMode#FAIL_IF_EXISTS}
     */
    public Optional<TableDefinition> createTable(TableDefinition table, CreateMode mode) {
        return create(state -> state.table(table.name()), mode,
                () -> new StowageException(ErrorCode.TABLE_ALREADY_EXISTS, "Table '%s' already exists.", table.name()),
                state -> state.withTable(table));
    }

    /**
     * Drops the table named {@code name} and returns it, or returns empty when there is none and {@code ifExists}.
     *
     * @throws StowageException {@link ErrorCode#UNKNOWN_TABLE} if there is none and not {@code ifExists}
     */
    public Optional<TableDefinition> dropTable(String name, boolean ifExists) {
        TableDefinition[] dropped = {null};
        store.update(state -> {
            dropped[0] = state.table(name).orElse(null);
            if (dropped[0] == null) {
                if (ifExists) {
                    return state;
                }
                throw unknownTable(name);
            }
            return state.withoutTable(name);
        });
        return Optional.ofNullable(dropped[0]);
    }

    /**
     * Replaces {@code current} with {@code changed}, unless the table was dropped, re-created or changed since
     * {@code current} was read.
     *
     * @throws StowageException {@link ErrorCode#UNKNOWN_TABLE} if the table no longer exists, or
     *     {@link ErrorCode#TABLE_NOT_ALTERABLE} if it changed concurrently
     */
    public void updateTable(TableDefinition current, TableDefinition changed) {
        store.update(state -> {
            TableDefinition latest = state.table(current.name()).orElseThrow(() -> unknownTable(current.name()));
            if (!latest.equals(current)) {
                throw new StowageException(ErrorCode.TABLE_NOT_ALTERABLE,
                        "Table '%s' was changed by another statement; run the statement again.", current.name());
            }
            return state.withTable(changed);
        });
    }

    /** Returns the files COPY INTO loaded into the table with id {@code tableId}, by file location. */
    public SortedMap<String, LoadedFile> loadedFiles(String tableId) {
        return store.read().loadedFiles(tableId);
    }

    /** Forgets which files COPY INTO loaded into the table with id {@code tableId}: TRUNCATE empties both. */
    public void forgetLoadedFiles(String tableId) {
        store.update(state -> state.loadedFiles(tableId).isEmpty() ? state
                : state.withLoadedFiles(tableId, new TreeMap<>()));
    }

    /**
     * Records that {@code files} were loaded into the table with id {@code tableId}, forgetting loads from before
     * {@code forgetBefore}; nothing is recorded when the table was dropped or replaced meanwhile.
     */
    public void recordLoadedFiles(String tableId, Map<String, LoadedFile> files, Instant forgetBefore) {
        store.update(state -> {
            if (state.tables().values().stream().noneMatch(table -> table.id().equals(tableId))) {
                return state;
            }
            TreeMap<String, LoadedFile> next = new TreeMap<>(state.loadedFiles(tableId));
            next.values().removeIf(file -> file.loadedAt().isBefore(forgetBefore));
            next.putAll(files);
            return state.withLoadedFiles(tableId, next);
        });
    }

    /** Returns the named file format {@code name} (exact, case-sensitive match). */
    public Optional<FileFormat> fileFormat(String name) {
        return store.read().fileFormat(name);
    }

    /** Returns all named file formats by name, sorted by name. */
    public SortedMap<String, FileFormat> fileFormats() {
        return store.read().fileFormats();
    }

    /**
     * Creates the named file format {@code name}.
     *
     * @throws StowageException {@link ErrorCode#FILE_FORMAT_ALREADY_EXISTS} if the name is taken and {@code mode} is
     *     {@link CreateMode#FAIL_IF_EXISTS}
     */
    public void createFileFormat(String name, FileFormat format, CreateMode mode) {
        create(state -> state.fileFormat(name), mode,
                () -> new StowageException(ErrorCode.FILE_FORMAT_ALREADY_EXISTS, "File format '%s' already exists.",
                        name),
                state -> state.withFileFormat(name, format));
    }

    /**
     * Drops the named file format {@code name}. Stages created with it keep their copy of the format.
     *
     * @throws StowageException {@link ErrorCode#UNKNOWN_FILE_FORMAT} if there is none
     */
    public void dropFileFormat(String name) {
        store.update(state -> {
            if (state.fileFormat(name).isEmpty()) {
                throw unknownFileFormat(name);
            }
            return state.withoutFileFormat(name);
        });
    }

    /** Drops the named file format {@code name} if there is one; returns whether one was dropped. */
    public boolean dropFileFormatIfExists(String name) {
        boolean[] dropped = {false};
        store.update(state -> {
            dropped[0] = state.fileFormat(name).isPresent();
            return dropped[0] ? state.withoutFileFormat(name) : state;
        });
        return dropped[0];
    }

    /**
     * Commits {@code put} unless {@code existing} finds an object of the same name: then {@code mode} decides
     * whether to fail with {@code taken}, keep it, or replace it.
     *
     * @return the object replaced, if any
     */
    private <T> Optional<T> create(Function<CatalogState, Optional<T>> existing, CreateMode mode,
            Supplier<StowageException> taken, UnaryOperator<CatalogState> put) {
        List<T> replaced = new ArrayList<>(1);
        store.update(state -> {
            replaced.clear();
            Optional<T> found = existing.apply(state);
            if (found.isPresent()) {
                switch (mode) {
                    case FAIL_IF_EXISTS -> throw taken.get();
                    case KEEP_EXISTING -> {
                        return state;
                    }
                    case REPLACE -> replaced.add(found.get());
                }
            }
            return put.apply(state);
        });
        return replaced.stream().findFirst();
    }

    private static StowageException unknownTable(String name) {
        return new StowageException(ErrorCode.UNKNOWN_TABLE, "Unknown table '%s'.", name);
    }

    /** The same message as {@code FORMAT_NAME = '<name>'} gives for a missing format. */
    private static StowageException unknownFileFormat(String name) {
        return new StowageException(ErrorCode.UNKNOWN_FILE_FORMAT, "Unknown file format '%s'.", name);
    }

    private static StowageException unknownStage(String name) {
        return new StowageException(ErrorCode.UNKNOWN_STAGE, "Stage '%s' does not exist.", name);
    }

    private static StowageException unknownConnection(String name) {
        return new StowageException(ErrorCode.UNKNOWN_CONNECTION, "Connection '%s' does not exist.", name);
    }
}
