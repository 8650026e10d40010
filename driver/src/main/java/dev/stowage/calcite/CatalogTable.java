package dev.stowage.calcite;

import dev.stowage.catalog.Catalog;
import dev.stowage.catalog.TableDefinition;
import dev.stowage.scan.Column;
import dev.stowage.scan.FormatReaders;
import dev.stowage.scan.OutputColumn;
import dev.stowage.table.TableFiles;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * A table of the catalog as Calcite sees it: its declared columns, read from its data files by the same scan as
 * staged files (Parquet and NDJSON by column name, CSV and TSV by position, converted to the declared types).
 * INSERT goes through {@link TableInsertRule}.
 */
public final class CatalogTable extends AbstractTable implements TranslatableTable {
    private final Catalog catalog;
    private final TableDefinition definition;
    private final TableFiles files;
    private final int parallelism;

    CatalogTable(Catalog catalog, TableDefinition definition, TableFiles files, int parallelism) {
        this.catalog = catalog;
        this.definition = definition;
        this.files = files;
        this.parallelism = parallelism;
    }

    /** Returns the table as the catalog stored it when this statement looked it up. */
    public TableDefinition definition() {
        return definition;
    }

    /** Returns the catalog the table is in. */
    public Catalog catalog() {
        return catalog;
    }

    /** Returns access to the table's files. */
    public TableFiles files() {
        return files;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory typeFactory) {
        RelDataTypeFactory.Builder builder = typeFactory.builder();
        for (Column column : definition.columns()) {
            builder.add(column.name(), column.type().toRelDataType(typeFactory, column.nullable()));
        }
        return builder.build();
    }

    @Override
    public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
        StageScanSource source = new StageScanSource(() -> files.open(definition), TableFiles.selection(definition),
                definition.fileFormat(), FormatReaders.of(definition.fileFormat()), parallelism);
        boolean positional = FormatReaders.positional(definition.fileFormat());
        List<Column> schema = new ArrayList<>();
        List<TableColumn> columns = new ArrayList<>();
        for (int i = 0; i < definition.columns().size(); i++) {
            Column column = definition.columns().get(i);
            // files written elsewhere may hold NULL anywhere; NOT NULL is enforced when rows are written
            schema.add(new Column(column.name(), column.type(), true));
            columns.add(new TableColumn(column.name(), column.type(), column.nullable(),
                    new OutputColumn.Field(i, column.type())));
        }
        StageFilesTable table = new StageFilesTable(source, positional ? List.of() : schema, columns);
        return new StageFilesScan(context.getCluster(), relOptTable, table, columns, List.of());
    }
}
