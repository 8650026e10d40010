package dev.stowage.catalog.file;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.stowage.catalog.CatalogState;
import dev.stowage.catalog.ConnectionDefinition;
import dev.stowage.catalog.LoadedFile;
import dev.stowage.catalog.StageDefinition;
import dev.stowage.catalog.TableDefinition;
import dev.stowage.error.ErrorCode;
import dev.stowage.error.StowageException;
import dev.stowage.format.FileFormat;
import dev.stowage.format.FileFormatType;
import dev.stowage.scan.Column;
import dev.stowage.scan.ColumnType;
import dev.stowage.secret.SecretKeys;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Turns a {@link CatalogState} into the bytes of the catalog file and back. Secret parameter values are encrypted
 * with {@link SecretCipher}; everything else is stored as plain JSON.
 */
final class CatalogFileCodec {
    /**
     * The layout version this code writes; files with a higher version were written by a newer release. Version 2
     * added stages: a version-1 reader would drop them on its next write, so it must refuse the file instead.
     * Version 3 added named file formats: a version-2 reader would drop them on its next write, so it must refuse
     * the file instead. Version 4 added tables, for the same reason. Files of every older version are still read
     * (what they lack is empty).
     */
    static final int FORMAT_VERSION = 4;

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private final SecretCipher cipher;

    CatalogFileCodec(SecretCipher cipher) {
        this.cipher = cipher;
    }

    record FileLayout(@JsonProperty("format_version") int formatVersion,
                      @JsonProperty("connections") List<ConnectionEntry> connections,
                      @JsonProperty("stages") List<StageEntry> stages,
                      @JsonProperty("file_formats") List<FileFormatEntry> fileFormats,
                      @JsonProperty("tables") List<TableEntry> tables,
                      @JsonProperty("loaded_files") List<LoadedFileEntry> loadedFiles) {
    }

    record LoadedFileEntry(@JsonProperty("table_id") String tableId,
                           @JsonProperty("file") String file,
                           @JsonProperty("etag") String etag,
                           @JsonProperty("size") long size,
                           @JsonProperty("last_modified") String lastModified,
                           @JsonProperty("loaded_at") String loadedAt) {
    }

    record TableEntry(@JsonProperty("name") String name,
                      @JsonProperty("id") String id,
                      @JsonProperty("columns") List<ColumnEntry> columns,
                      @JsonProperty("url") String url,
                      @JsonProperty("storage_params") Map<String, String> storageParams,
                      @JsonProperty("file_format") String fileFormatType,
                      @JsonProperty("file_format_options") Map<String, String> fileFormatOptions,
                      @JsonProperty("creator") String creator,
                      @JsonProperty("created_on") String createdOn) {
    }

    record ColumnEntry(@JsonProperty("name") String name,
                       @JsonProperty("type") String type,
                       @JsonProperty("precision") int precision,
                       @JsonProperty("scale") int scale,
                       @JsonProperty("nullable") boolean nullable) {
    }

    record FileFormatEntry(@JsonProperty("name") String name,
                           @JsonProperty("type") String type,
                           @JsonProperty("options") Map<String, String> options) {
    }

    record StageEntry(@JsonProperty("name") String name,
                      @JsonProperty("url") String url,
                      @JsonProperty("storage_params") Map<String, String> storageParams,
                      @JsonProperty("file_format") String fileFormatType,
                      @JsonProperty("file_format_options") Map<String, String> fileFormatOptions,
                      @JsonProperty("comment") String comment,
                      @JsonProperty("creator") String creator,
                      @JsonProperty("created_on") String createdOn) {
    }

    record ConnectionEntry(@JsonProperty("name") String name,
                           @JsonProperty("storage_type") String storageType,
                           @JsonProperty("storage_params") Map<String, String> storageParams) {
    }

    byte[] encode(CatalogState state) {
        List<ConnectionEntry> connections = new ArrayList<>();
        for (ConnectionDefinition connection : state.connections().values()) {
            connections.add(new ConnectionEntry(connection.name(), connection.storageType(),
                    encrypt(connection.parameters(), "connection", connection.name())));
        }
        List<StageEntry> stages = new ArrayList<>();
        for (StageDefinition stage : state.stages().values()) {
            stages.add(new StageEntry(stage.name(), stage.url(), encrypt(stage.parameters(), "stage", stage.name()),
                    stage.fileFormat().type().name(), stage.fileFormat().options(), stage.comment(), stage.creator(),
                    stage.createdOn().toString()));
        }
        List<FileFormatEntry> fileFormats = new ArrayList<>();
        state.fileFormats().forEach((name, format) ->
                fileFormats.add(new FileFormatEntry(name, format.type().name(), format.options())));
        List<TableEntry> tables = new ArrayList<>();
        for (TableDefinition table : state.tables().values()) {
            List<ColumnEntry> columns = table.columns().stream()
                    .map(column -> new ColumnEntry(column.name(), column.type().typeName().name(),
                            column.type().precision(), column.type().scale(), column.nullable()))
                    .toList();
            tables.add(new TableEntry(table.name(), table.id(), columns, table.url(),
                    encrypt(table.parameters(), "table", table.id()), table.fileFormat().type().name(),
                    table.fileFormat().options(), table.creator(), table.createdOn().toString()));
        }
        List<LoadedFileEntry> loadedFiles = new ArrayList<>();
        state.loadedFiles().forEach((tableId, files) -> files.forEach((file, loaded) -> loadedFiles.add(
                new LoadedFileEntry(tableId, file, loaded.etag(), loaded.size(),
                        loaded.lastModified() == null ? null : loaded.lastModified().toString(),
                        loaded.loadedAt().toString()))));
        try {
            return MAPPER.writeValueAsBytes(new FileLayout(FORMAT_VERSION, connections, stages, fileFormats, tables,
                    loadedFiles));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("catalog state cannot be written as JSON", e);
        }
    }

    CatalogState decode(byte[] bytes, String file) {
        FileLayout layout;
        try {
            layout = MAPPER.readValue(bytes, FileLayout.class);
        } catch (JsonProcessingException e) {
            throw new StowageException(ErrorCode.CATALOG_UNREADABLE,
                    "The catalog file %s is not valid: %s", file, e.getOriginalMessage());
        } catch (IOException e) {
            throw new StowageException(ErrorCode.CATALOG_IO, e, "Cannot read the catalog file %s", file);
        }
        if (layout == null) {
            throw new StowageException(ErrorCode.CATALOG_UNREADABLE, "The catalog file %s is empty.", file);
        }
        if (layout.formatVersion() > FORMAT_VERSION) {
            throw new StowageException(ErrorCode.CATALOG_UNREADABLE,
                    "The catalog file %s has format version %d; this driver reads versions up to %d. Upgrade Stowage.",
                    file, layout.formatVersion(), FORMAT_VERSION);
        }
        TreeMap<String, ConnectionDefinition> connections = new TreeMap<>();
        for (ConnectionEntry entry : orEmpty(layout.connections())) {
            connections.put(entry.name(), ConnectionDefinition.of(entry.name(), entry.storageType(),
                    decrypt(entry.storageParams(), "connection", entry.name(), file)));
        }
        TreeMap<String, StageDefinition> stages = new TreeMap<>();
        for (StageEntry entry : orEmpty(layout.stages())) {
            FileFormatType type = FileFormatType.valueOf(entry.fileFormatType());
            stages.put(entry.name(), new StageDefinition(entry.name(), entry.url(),
                    new TreeMap<>(decrypt(entry.storageParams(), "stage", entry.name(), file)),
                    new FileFormat(type, new TreeMap<>(orEmpty(entry.fileFormatOptions()))), entry.comment(),
                    entry.creator(), Instant.parse(entry.createdOn())));
        }
        TreeMap<String, FileFormat> fileFormats = new TreeMap<>();
        for (FileFormatEntry entry : orEmpty(layout.fileFormats())) {
            fileFormats.put(entry.name(), new FileFormat(FileFormatType.valueOf(entry.type()),
                    new TreeMap<>(orEmpty(entry.options()))));
        }
        TreeMap<String, TableDefinition> tables = new TreeMap<>();
        for (TableEntry entry : orEmpty(layout.tables())) {
            List<Column> columns = orEmpty(entry.columns()).stream()
                    .map(column -> new Column(column.name(), new ColumnType(SqlTypeName.valueOf(column.type()),
                            column.precision(), column.scale()), column.nullable()))
                    .toList();
            TableDefinition table = new TableDefinition(entry.name(), entry.id(), columns, entry.url(),
                    new TreeMap<>(decrypt(entry.storageParams(), "table", entry.id(), file)),
                    new FileFormat(FileFormatType.valueOf(entry.fileFormatType()),
                            new TreeMap<>(orEmpty(entry.fileFormatOptions()))),
                    entry.creator(), Instant.parse(entry.createdOn()));
            tables.put(CatalogState.tableKey(table.name()), table);
        }
        TreeMap<String, SortedMap<String, LoadedFile>> loadedFiles = new TreeMap<>();
        for (LoadedFileEntry entry : orEmpty(layout.loadedFiles())) {
            loadedFiles.computeIfAbsent(entry.tableId(), id -> new TreeMap<>()).put(entry.file(),
                    new LoadedFile(entry.etag(), entry.size(),
                            entry.lastModified() == null ? null : Instant.parse(entry.lastModified()),
                            Instant.parse(entry.loadedAt())));
        }
        return new CatalogState(connections, stages, fileFormats, tables, loadedFiles);
    }

    private Map<String, String> encrypt(Map<String, String> parameters, String kind, String owner) {
        Map<String, String> stored = new TreeMap<>();
        parameters.forEach((key, value) -> stored.put(key,
                SecretKeys.isSecret(key) ? cipher.encrypt(value, associatedData(kind, owner, key)) : value));
        return stored;
    }

    private Map<String, String> decrypt(Map<String, String> stored, String kind, String owner, String file) {
        Map<String, String> parameters = new TreeMap<>();
        orEmpty(stored).forEach((key, value) -> {
            if (!SecretKeys.isSecret(key)) {
                parameters.put(key, value);
                return;
            }
            try {
                parameters.put(key, cipher.decrypt(value, associatedData(kind, owner, key)));
            } catch (GeneralSecurityException e) {
                throw new StowageException(ErrorCode.CATALOG_UNREADABLE,
                        "Cannot decrypt parameter %s of %s '%s' in %s: the master key differs from the one it was"
                                + " written with (set %s or restore %s).",
                        key, kind, owner, file, MasterKey.ENVIRONMENT_VARIABLE, MasterKey.FILE_NAME);
            }
        });
        return parameters;
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static Map<String, String> orEmpty(Map<String, String> map) {
        return map == null ? Map.of() : map;
    }

    private static String associatedData(String kind, String owner, String key) {
        return kind + "\u0000" + owner + "\u0000" + key;
    }
}
