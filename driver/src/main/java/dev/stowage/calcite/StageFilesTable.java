package dev.stowage.calcite;

import dev.stowage.scan.Column;
import java.util.List;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;

/** The table a staged-file reference stands for; planned as a {@link StageFilesScan}. */
final class StageFilesTable extends AbstractTable implements TranslatableTable {
    private final StageScanSource source;
    private final List<Column> schema;
    private final List<TableColumn> columns;

    /**
     * Creates the table.
     *
     * @param schema the file schema columns are read by (Parquet, NDJSON), or empty for positional formats
     * @param columns the table's columns
     */
    StageFilesTable(StageScanSource source, List<Column> schema, List<TableColumn> columns) {
        this.source = source;
        this.schema = List.copyOf(schema);
        this.columns = List.copyOf(columns);
    }

    StageScanSource source() {
        return source;
    }

    List<Column> schema() {
        return schema;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory typeFactory) {
        return StageFilesScan.rowType(typeFactory, columns);
    }

    @Override
    public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
        return new StageFilesScan(context.getCluster(), relOptTable, this, columns, List.of());
    }
}
