package dev.stowage.calcite;

import com.google.common.collect.ImmutableMultimap;
import com.google.common.collect.Multimap;
import dev.stowage.catalog.Catalog;
import dev.stowage.fileio.StorageSettings;
import dev.stowage.sql.ddl.StowageSqlNodes;
import dev.stowage.stage.StageFiles;
import dev.stowage.table.TableFiles;
import java.util.Map;
import org.apache.calcite.schema.Function;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

/**
 * The {@code system} schema of a Stowage connection: the catalog's objects as tables (secrets masked) and the
 * functions that Databend's SHOW/DESC statements are rewritten into. It also carries the {@link Catalog} for the
 * DDL executor.
 */
public final class SystemSchema extends AbstractSchema {
    private final Catalog catalog;
    private final StorageSettings storageSettings;
    private final String user;
    private final int scanThreads;
    private final PlanCache planCache = new PlanCache();
    private volatile java.sql.Connection connection;

    /**
     * Creates the schema over {@code catalog} for a JDBC connection of {@code user} whose storage calls use
     * {@code storageSettings} and whose queries decode staged files on {@code scanThreads} threads.
     */
    public SystemSchema(Catalog catalog, StorageSettings storageSettings, String user, int scanThreads) {
        this.catalog = catalog;
        this.storageSettings = storageSettings;
        this.user = user;
        this.scanThreads = scanThreads;
    }

    /** Returns the catalog this schema shows. */
    public Catalog catalog() {
        return catalog;
    }

    /** Returns the settings of this JDBC connection's storage calls. */
    public StorageSettings storageSettings() {
        return storageSettings;
    }

    /**
     * Binds the JDBC connection this schema belongs to, which runs the queries of {@code COPY INTO <location>}.
     * Called once, when the connection is opened.
     */
    public void bindConnection(java.sql.Connection connection) {
        this.connection = connection;
    }

    /** Returns the JDBC connection this schema belongs to. */
    public java.sql.Connection connection() {
        if (connection == null) {
            throw new IllegalStateException("the schema is not bound to a connection");
        }
        return connection;
    }

    /** Returns the plans of this JDBC connection's recent queries. */
    public PlanCache planCache() {
        return planCache;
    }

    /** Returns the user of this JDBC connection, recorded as the creator of the objects it creates. */
    public String user() {
        return user;
    }

    @Override
    protected Map<String, Table> getTableMap() {
        Table connections = new RowsTable(ConnectionRows::rowType,
                () -> catalog.connections().stream().map(ConnectionRows::row),
                Schema.TableType.SYSTEM_TABLE);
        Table stages = new RowsTable(StageRows::rowType,
                () -> catalog.stages().stream().map(StageRows::row),
                Schema.TableType.SYSTEM_TABLE);
        Table fileFormats = new RowsTable(FileFormatRows::rowType,
                () -> catalog.fileFormats().entrySet().stream().map(FileFormatRows::row),
                Schema.TableType.SYSTEM_TABLE);
        Table tables = new RowsTable(TableRows::rowType, () -> catalog.tables().stream().map(TableRows::row),
                Schema.TableType.SYSTEM_TABLE);
        return Map.of(StowageSqlNodes.CONNECTIONS_TABLE, connections, StowageSqlNodes.STAGES_TABLE, stages,
                StowageSqlNodes.FILE_FORMATS_TABLE, fileFormats, StowageSqlNodes.TABLES_TABLE, tables);
    }

    @Override
    protected Multimap<String, Function> getFunctionMultimap() {
        StageFiles files = stageFiles();
        return ImmutableMultimap.<String, Function>builder()
                .put(StowageSqlNodes.DESCRIBE_CONNECTION_FUNCTION, new DescribeConnectionMacro(catalog))
                .put(StowageSqlNodes.LIST_STAGE_FUNCTION, listStageFunction())
                .put(StowageSqlNodes.PRESIGN_FUNCTION, new PresignMacro(catalog, files))
                .put(StowageSqlNodes.INFER_SCHEMA_FUNCTION, inferSchemaFunction())
                .put(StowageSqlNodes.SHOW_CREATE_TABLE_FUNCTION, new ShowCreateTableMacro(catalog))
                .put(StowageSqlNodes.DESCRIBE_TABLE_FUNCTION, new DescribeTableMacro(catalog))
                .put(StowageSqlNodes.COPY_INTO_TABLE_FUNCTION, new CopyIntoTableMacro(this))
                .put(StowageSqlNodes.COPY_INTO_LOCATION_FUNCTION, new CopyIntoLocationMacro(this))
                .build();
    }

    /** Returns how many threads decode staged files for one query. */
    public int scanThreads() {
        return scanThreads;
    }

    /** Returns {@code stage_files}, the table function that staged files in FROM are rewritten into. */
    public Function stageFilesFunction() {
        return new StageFilesMacro(this);
    }

    /** Returns {@code infer_schema}, the table function describing the columns of staged files. */
    public Function inferSchemaFunction() {
        return new InferSchemaMacro(this);
    }

    /** Returns {@code list_stage}, the table function that LIST is rewritten into. */
    public Function listStageFunction() {
        return new ListStageMacro(catalog, stageFiles());
    }

    /** Returns access to the files of this catalog's tables. */
    public TableFiles tableFiles() {
        return new TableFiles(catalog, storageSettings);
    }

    /** Returns access to the files of this catalog's stages. */
    public StageFiles stageFiles() {
        return new StageFiles(catalog, storageSettings);
    }

    @Override
    public boolean isMutable() {
        return false;
    }
}
