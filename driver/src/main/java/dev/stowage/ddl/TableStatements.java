package dev.stowage.ddl;

import dev.stowage.calcite.SystemSchema;
import dev.stowage.calcite.TableNames;
import dev.stowage.catalog.Catalog;
import dev.stowage.catalog.CreateMode;
import dev.stowage.catalog.TableDefinition;
import dev.stowage.connection.StorageType;
import dev.stowage.error.ErrorCode;
import dev.stowage.error.StowageException;
import dev.stowage.fileio.FileEntry;
import dev.stowage.fileio.FileIO;
import dev.stowage.fileio.Location;
import dev.stowage.format.FileFormat;
import dev.stowage.format.FileFormatParser;
import dev.stowage.format.FileFormatType;
import dev.stowage.scan.Column;
import dev.stowage.sql.ddl.SqlAlterTableConnection;
import dev.stowage.sql.ddl.SqlCreateTable;
import dev.stowage.sql.ddl.SqlDropObject;
import dev.stowage.sql.ddl.SqlOption;
import dev.stowage.sql.ddl.SqlTruncateTable;
import dev.stowage.sql.ddl.StowageSqlNodes;
import dev.stowage.stage.ConnectionParameters;
import dev.stowage.table.CredentialUpdate;
import dev.stowage.table.LocationCheck;
import dev.stowage.table.TableFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.ddl.SqlColumnDeclaration;

/**
 * CREATE, DROP, TRUNCATE and ALTER … CONNECTION of tables, with Databend's rules: an external table copies its
 * connection's parameters and its location is checked live (write, read, stat, list, delete) before it is
 * recorded; only ALTER TABLE … CONNECTION rebinds its credentials, after checking them the same way.
 */
final class TableStatements {
    /** The file formats a table's files may have. */
    private static final Set<FileFormatType> TABLE_FORMATS = Set.of(FileFormatType.PARQUET, FileFormatType.CSV,
            FileFormatType.TSV, FileFormatType.NDJSON);

    private TableStatements() {
    }

    static void create(SystemSchema system, SqlCreateTable create) {
        Catalog catalog = system.catalog();
        String name = tableName(create.name());
        CreateMode mode = StowageDdlExecutor.createMode(create);
        if (mode == CreateMode.KEEP_EXISTING && catalog.table(name).isPresent()) {
            return;
        }
        String subject = "create table '" + name + "'";
        List<Column> columns = columns(create.columns());
        FileFormat format = create.fileFormat() == null ? FileFormat.DEFAULT
                : FileFormatParser.parse(SqlOption.toMap(create.fileFormat()), catalog.fileFormats());
        if (!TABLE_FORMATS.contains(format.type())) {
            throw new StowageException(ErrorCode.ILLEGAL_FILE_FORMAT,
                    "Table '%s' cannot store %s files; tables use PARQUET, CSV, TSV or NDJSON.", name, format.type());
        }
        TableFiles files = system.tableFiles();
        String id = UUID.randomUUID().toString();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        TableDefinition table;
        if (create.url() == null) {
            table = new TableDefinition(name, id, columns, null, new TreeMap<>(), format, system.user(), now);
        } else {
            Location location = Location.parse(create.url());
            if (!create.url().strip().endsWith("/")) {
                throw new StowageException(ErrorCode.BAD_ARGUMENTS,
                        "Incorrect CREATE query: the location '%s' of table '%s' must end with '/'.", create.url(), name);
            }
            Map<String, String> parameters = ConnectionParameters.resolve(catalog, location,
                    SqlOption.toMap(create.connection()), subject);
            checkLocation(files, location, parameters);
            table = new TableDefinition(name, id, columns, location.toString(), new TreeMap<>(parameters), format,
                    system.user(), now);
        }
        if (!table.external()) {
            InternalDirectories.create(files.internalDirectory(id));
        }
        Optional<TableDefinition> replaced;
        try {
            replaced = catalog.createTable(table, mode);
        } catch (RuntimeException e) {
            if (!table.external()) {
                deleteDirectory(files, table);
            }
            throw e;
        }
        replaced.filter(old -> !old.external()).ifPresent(old -> deleteDirectory(files, old));
    }

    static void drop(SystemSchema system, SqlDropObject drop) {
        Optional<TableDefinition> dropped = system.catalog().dropTable(tableName(drop.identifier()), drop.ifExists());
        dropped.filter(table -> !table.external()).ifPresent(table -> deleteDirectory(system.tableFiles(), table));
    }

    /** Deletes the table's data files (an external table's other files stay) and forgets the files COPY loaded. */
    static void truncate(SystemSchema system, SqlTruncateTable truncate) {
        TableDefinition table = system.catalog().requireTable(tableName(truncate.name()));
        try (FileIO io = system.tableFiles().open(table)) {
            for (FileEntry file : TableFiles.dataFiles(table, io)) {
                io.delete(file.path());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // as Databend's: the next COPY loads the files again
        system.catalog().forgetLoadedFiles(table.id());
    }

    static void alterConnection(SystemSchema system, SqlAlterTableConnection alter) {
        Catalog catalog = system.catalog();
        String name = tableName(alter.name());
        Optional<TableDefinition> found = catalog.table(name);
        if (found.isEmpty()) {
            if (alter.ifExists()) {
                return;
            }
            catalog.requireTable(name);
        }
        TableDefinition table = found.orElseThrow();
        if (!table.external()) {
            throw new StowageException(ErrorCode.TABLE_NOT_ALTERABLE,
                    "%s.%s is not an external table, cannot alter connection", StowageSqlNodes.DEFAULT_SCHEMA,
                    table.name());
        }
        Location location = Location.parse(table.url());
        StorageType type = location.type();
        // the options are read as for a location of the table's storage type, so a connection of another type fails
        Location probe = new Location(type, type == StorageType.FS ? "" : "test", "/");
        Map<String, String> update = ConnectionParameters.resolve(catalog, probe, SqlOption.toMap(alter.connection()),
                "alter table '" + table.name() + "' connection");
        SortedMap<String, String> parameters = CredentialUpdate.apply(type, table.parameters(), update);
        checkLocation(system.tableFiles(), location, parameters);
        catalog.updateTable(table, table.withParameters(parameters));
    }

    /** Returns the table name {@code identifier} names: {@code t} or {@code default.t}. */
    static String tableName(SqlIdentifier identifier) {
        return TableNames.simple(String.join(".", identifier.names));
    }

    private static List<Column> columns(List<SqlColumnDeclaration> declarations) {
        List<Column> columns = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (SqlColumnDeclaration declaration : declarations) {
            String column = declaration.name.getSimple();
            if (!seen.add(column.toLowerCase(Locale.ROOT))) {
                throw new StowageException(ErrorCode.SEMANTIC, "Duplicate column name '%s'.", column);
            }
            boolean nullable = declaration.dataType.getNullable() == null || declaration.dataType.getNullable();
            columns.add(new Column(column, DeclaredTypes.of(column, declaration.dataType), nullable));
        }
        return columns;
    }

    private static void checkLocation(TableFiles files, Location location, Map<String, String> parameters) {
        try (FileIO io = files.open(location, parameters)) {
            LocationCheck.verify(io);
        } catch (IOException e) {
            throw new StowageException(ErrorCode.INVALID_STORAGE_CONFIG,
                    "Input storage config for table is invalid: %s", e.getMessage());
        }
    }

    private static void deleteDirectory(TableFiles files, TableDefinition table) {
        InternalDirectories.delete(files.internalDirectory(table.id()), "Table '" + table.name() + "'");
    }
}
