package dev.stowage.ddl;

import dev.stowage.calcite.SystemSchema;
import dev.stowage.catalog.Catalog;
import dev.stowage.catalog.ConnectionDefinition;
import dev.stowage.catalog.CreateMode;
import dev.stowage.connection.StorageType;
import dev.stowage.error.ErrorCode;
import dev.stowage.error.StowageException;
import dev.stowage.sql.ddl.SqlAlterTableConnection;
import dev.stowage.sql.ddl.SqlCreateConnection;
import dev.stowage.sql.ddl.SqlCreateFileFormat;
import dev.stowage.sql.ddl.SqlCreateStage;
import dev.stowage.sql.ddl.SqlCreateTable;
import dev.stowage.sql.ddl.SqlDropObject;
import dev.stowage.sql.ddl.SqlRemoveStage;
import dev.stowage.sql.ddl.SqlTruncateTable;
import dev.stowage.sql.ddl.StowageSqlNodes;
import dev.stowage.sql.parser.impl.StowageParser;
import java.io.Reader;
import java.util.Locale;
import java.util.Map;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.server.DdlExecutor;
import org.apache.calcite.sql.SqlCreate;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlAbstractParserImpl;
import org.apache.calcite.sql.parser.SqlParserImplFactory;

/**
 * Executes Stowage's DDL statements against the catalog of the connection that runs them. Calcite hands every
 * statement of kind DDL to the executor of the connection's parser factory, {@link #PARSER_FACTORY}.
 */
public final class StowageDdlExecutor implements DdlExecutor {
    /** The executor. */
    public static final StowageDdlExecutor INSTANCE = new StowageDdlExecutor();

    /** Stowage's parser together with this executor; named by the {@code parserFactory} connection property. */
    public static final SqlParserImplFactory PARSER_FACTORY = new SqlParserImplFactory() {
        @Override
        public SqlAbstractParserImpl getParser(Reader stream) {
            return StowageParser.create(stream);
        }

        @Override
        public DdlExecutor getDdlExecutor() {
            return INSTANCE;
        }
    };

    private StowageDdlExecutor() {
    }

    @Override
    public void executeDdl(CalcitePrepare.Context context, SqlNode node) {
        SystemSchema system = system(context);
        Catalog catalog = system.catalog();
        if (node instanceof SqlCreateConnection create) {
            createConnection(catalog, create);
        } else if (node instanceof SqlDropObject drop) {
            switch (drop.objectKind()) {
                case CONNECTION -> dropConnection(catalog, drop);
                case STAGE -> StageStatements.drop(system, drop);
                case FILE_FORMAT -> FileFormatStatements.drop(catalog, drop);
                case TABLE -> TableStatements.drop(system, drop);
            }
        } else if (node instanceof SqlCreateTable create) {
            TableStatements.create(system, create);
        } else if (node instanceof SqlTruncateTable truncate) {
            TableStatements.truncate(system, truncate);
        } else if (node instanceof SqlAlterTableConnection alter) {
            TableStatements.alterConnection(system, alter);
        } else if (node instanceof SqlCreateStage create) {
            StageStatements.create(system, create);
        } else if (node instanceof SqlRemoveStage remove) {
            StageStatements.remove(system, remove);
        } else if (node instanceof SqlCreateFileFormat create) {
            FileFormatStatements.create(catalog, create);
        } else {
            throw new StowageException(ErrorCode.UNSUPPORTED_STATEMENT, "Statement %s is not supported.",
                    node.getKind());
        }
    }

    private static void createConnection(Catalog catalog, SqlCreateConnection create) {
        String subject = "create connection '" + create.name() + "'";
        StorageType type = StorageType.fromName(create.storageType(), subject);
        Map<String, String> parameters = create.parameters();
        type.validate(parameters, subject);
        ConnectionDefinition connection = ConnectionDefinition.of(create.name(),
                create.storageType().toLowerCase(Locale.ROOT), parameters);
        CreateMode mode = createMode(create);
        catalog.createConnection(connection, mode);
    }

    private static void dropConnection(Catalog catalog, SqlDropObject drop) {
        if (drop.ifExists()) {
            catalog.dropConnectionIfExists(drop.name());
        } else {
            catalog.dropConnection(drop.name());
        }
    }

    /** Returns what {@code OR REPLACE} / {@code IF NOT EXISTS} ask CREATE to do with an existing object. */
    static CreateMode createMode(SqlCreate create) {
        if (create.getReplace()) {
            return CreateMode.REPLACE;
        }
        return create.ifNotExists ? CreateMode.KEEP_EXISTING : CreateMode.FAIL_IF_EXISTS;
    }

    private static SystemSchema system(CalcitePrepare.Context context) {
        CalciteSchema system = context.getRootSchema().getSubSchema(StowageSqlNodes.SYSTEM_SCHEMA, true);
        if (system == null || !(system.schema instanceof SystemSchema systemSchema)) {
            throw new StowageException(ErrorCode.INTERNAL, "This connection has no Stowage catalog.");
        }
        return systemSchema;
    }
}
