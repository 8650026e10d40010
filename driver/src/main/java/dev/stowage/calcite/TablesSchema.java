package dev.stowage.calcite;

import dev.stowage.catalog.Catalog;
import dev.stowage.catalog.TableDefinition;
import dev.stowage.table.TableFiles;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

/**
 * The {@code default} schema (Databend's default database): the catalog's tables, read from the catalog each time a
 * statement looks them up, so tables created by other connections or processes appear at once.
 */
public final class TablesSchema extends AbstractSchema {
    private final Catalog catalog;
    private final TableFiles files;
    private final int parallelism;

    /** Creates the schema over {@code catalog}'s tables, scanned with {@code parallelism} threads. */
    public TablesSchema(Catalog catalog, TableFiles files, int parallelism) {
        this.catalog = catalog;
        this.files = files;
        this.parallelism = parallelism;
    }

    @Override
    protected Map<String, Table> getTableMap() {
        Map<String, Table> tables = new LinkedHashMap<>();
        for (TableDefinition table : catalog.tables()) {
            tables.put(table.name(), new CatalogTable(catalog, table, files, parallelism));
        }
        return tables;
    }

    @Override
    public boolean isMutable() {
        return true;
    }
}
