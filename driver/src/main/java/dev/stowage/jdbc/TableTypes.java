package dev.stowage.jdbc;

import dev.stowage.calcite.CatalogTable;
import java.lang.reflect.Field;
import org.apache.calcite.avatica.MetaImpl.MetaTable;
import org.apache.calcite.jdbc.CalciteMetaImpl.CalciteMetaTable;
import org.apache.calcite.jdbc.CalciteMetaTableFactory;
import org.apache.calcite.schema.Table;

/**
 * The rows of {@link java.sql.DatabaseMetaData#getTables}: a table bound to an external location has the type
 * {@code EXTERNAL TABLE}, as in Databend; every other table its JDBC type ({@code TABLE}, {@code SYSTEM TABLE}).
 */
public final class TableTypes implements CalciteMetaTableFactory {
    /** The factory, named by the {@code metaTableFactory} connection property. */
    public static final TableTypes INSTANCE = new TableTypes();

    /** The type of a table whose files live at an external location. */
    public static final String EXTERNAL_TABLE = "EXTERNAL TABLE";

    private static final Field TABLE_TYPE;

    static {
        try {
            TABLE_TYPE = MetaTable.class.getField("tableType");
            TABLE_TYPE.setAccessible(true);
        } catch (NoSuchFieldException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private TableTypes() {
    }

    @Override
    public MetaTable createTable(Table table, String tableCat, String tableSchem, String tableName) {
        CalciteMetaTable metaTable = new CalciteMetaTable(table, tableCat, tableSchem, tableName);
        if (table instanceof CatalogTable catalogTable && catalogTable.definition().external()) {
            // Calcite takes the type from an enum that has no EXTERNAL TABLE, and getColumns needs its own class
            try {
                TABLE_TYPE.set(metaTable, EXTERNAL_TABLE);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot set the type of table " + tableName, e);
            }
        }
        return metaTable;
    }

    @Override
    public Class<? extends MetaTable> getMetaTableClass() {
        return CalciteMetaTable.class;
    }
}
