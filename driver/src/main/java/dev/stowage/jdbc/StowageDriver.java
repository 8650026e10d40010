package dev.stowage.jdbc;

import dev.stowage.calcite.StowagePrepare;
import dev.stowage.calcite.StowageTypeSystem;
import dev.stowage.calcite.SystemSchema;
import dev.stowage.calcite.TablesSchema;
import dev.stowage.catalog.Catalog;
import dev.stowage.catalog.CatalogStore;
import dev.stowage.catalog.file.FileCatalogStore;
import dev.stowage.catalog.memory.MemoryCatalogStore;
import dev.stowage.ddl.StowageDdlExecutor;
import dev.stowage.error.StowageException;
import dev.stowage.sql.ddl.StowageSqlNodes;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.Properties;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.DriverVersion;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.jdbc.Driver;
import org.apache.calcite.schema.SchemaPlus;

/**
 * The Stowage JDBC driver: {@code jdbc:stowage:[<location>][;key=value...]} (see {@link StowageUrl}), registered
 * with {@link java.sql.DriverManager} through {@code META-INF/services/java.sql.Driver}.
 *
 * <p>Each connection runs Calcite with Stowage's parser and DDL executor over a catalog: persistent in a home
 * directory, or in memory.
 */
public final class StowageDriver extends Driver {
    static {
        new StowageDriver().register();
    }

    /** Creates the driver; {@link java.sql.DriverManager} finds it without this being called. */
    public StowageDriver() {
        super();
    }

    @Override
    protected String getConnectStringPrefix() {
        return StowageUrl.PREFIX;
    }

    @Override
    protected DriverVersion createDriverVersion() {
        return DriverVersion.load(StowageDriver.class, "dev/stowage/jdbc/stowage-jdbc.properties",
                "Stowage JDBC Driver", "unknown version", "Stowage", "unknown version");
    }

    @Override
    public boolean acceptsURL(String url) {
        return StowageUrl.accepts(url);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
        Properties merged = merge(url, info);
        DriverProperty[] properties = DriverProperty.values();
        DriverPropertyInfo[] infos = new DriverPropertyInfo[properties.length];
        for (int i = 0; i < properties.length; i++) {
            infos[i] = properties[i].toPropertyInfo(merged);
        }
        return infos;
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null;
        }
        try {
            StowageUrl parsed = StowageUrl.parse(url);
            Properties properties = merge(parsed, info);
            Catalog catalog = new Catalog(openStore(parsed.location(), properties));
            AvaticaConnection connection = factory.newConnection(this, factory, url, calciteProperties(properties));
            handler.onConnectionInit(connection);
            SystemSchema system = new SystemSchema(catalog, DriverProperty.storageSettings(properties), user(properties),
                    DriverProperty.scanThreads(properties));
            CalciteConnection calcite = connection.unwrap(CalciteConnection.class);
            SchemaPlus root = calcite.getRootSchema();
            root.add(StowageSqlNodes.SYSTEM_SCHEMA, system);
            system.bindConnection(connection);
            // tables are read from the catalog at each lookup: other connections and processes create them too
            root.add(StowageSqlNodes.DEFAULT_SCHEMA, new TablesSchema(catalog, system.tableFiles(),
                    system.scanThreads())).setCacheEnabled(false);
            calcite.setSchema(properties.getProperty("schema", StowageSqlNodes.DEFAULT_SCHEMA));
            // Databend calls LIST_STAGE without a schema
            root.add(StowageSqlNodes.LIST_STAGE_FUNCTION, system.listStageFunction());
            root.add(StowageSqlNodes.STAGE_FILES_FUNCTION, system.stageFilesFunction());
            root.add(StowageSqlNodes.INFER_SCHEMA_FUNCTION, system.inferSchemaFunction());
            return JdbcProxies.connection(connection, catalog);
        } catch (SQLException | RuntimeException e) {
            throw SqlExceptions.translate(e, null);
        }
    }

    private static Properties merge(String url, Properties info) {
        if (!StowageUrl.accepts(url)) {
            return info == null ? new Properties() : info;
        }
        try {
            return merge(StowageUrl.parse(url), info);
        } catch (StowageException invalid) {
            return info == null ? new Properties() : info;
        }
    }

    /** Properties given to {@code connect}, overridden by those in the URL. */
    private static Properties merge(StowageUrl url, Properties info) {
        Properties merged = new Properties();
        if (info != null) {
            info.stringPropertyNames().forEach(name -> merged.setProperty(name, info.getProperty(name)));
        }
        url.properties().stringPropertyNames().forEach(name -> merged.setProperty(name, url.properties().getProperty(name)));
        return merged;
    }

    private static CatalogStore openStore(StowageUrl.Location location, Properties properties) {
        if (location instanceof StowageUrl.Memory memory) {
            return memory.name().isEmpty() ? MemoryCatalogStore.anonymous() : MemoryCatalogStore.named(memory.name());
        }
        if (location instanceof StowageUrl.Directory directory) {
            return FileCatalogStore.open(directory.directory());
        }
        Path home = DriverProperty.HOME.getPath(properties);
        return FileCatalogStore.open(home != null ? home : defaultHome());
    }

    /** Returns the JDBC user, or the operating-system user when none was given. */
    private static String user(Properties properties) {
        String user = DriverProperty.USER.get(properties);
        return user == null || user.isBlank() ? System.getProperty("user.name", "") : user;
    }

    /** Returns {@code ~/.stowage}. */
    public static Path defaultHome() {
        return Path.of(System.getProperty("user.home"), ".stowage");
    }

    /** Calcite settings every Stowage connection runs with; the user may change the lexical ones. */
    @Override
    public CalcitePrepare createPrepare() {
        return new StowagePrepare();
    }

    private static Properties calciteProperties(Properties given) {
        Properties properties = new Properties();
        properties.setProperty("fun", "standard,postgresql");
        properties.setProperty("quoting", "DOUBLE_QUOTE");
        properties.setProperty("unquotedCasing", "UNCHANGED");
        properties.setProperty("quotedCasing", "UNCHANGED");
        properties.setProperty("caseSensitive", "false");
        properties.putAll(given);
        properties.setProperty("parserFactory", StowageDdlExecutor.class.getName() + "#PARSER_FACTORY");
        properties.setProperty("typeSystem", StowageTypeSystem.class.getName() + "#INSTANCE");
        properties.setProperty("metaTableFactory", TableTypes.class.getName() + "#INSTANCE");
        return properties;
    }
}
