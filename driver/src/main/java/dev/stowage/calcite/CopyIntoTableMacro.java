package dev.stowage.calcite;

import dev.stowage.catalog.Catalog;
import dev.stowage.catalog.TableDefinition;
import dev.stowage.copy.LoadOptions;
import dev.stowage.copy.TableLoad;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.TableMacro;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * {@code system.copy_into_table(TABLE, LOCATION, OPTIONS, FILE_FORMAT, CONNECTION)}, which {@code COPY INTO <table>}
 * is rewritten into. The table, files and options are resolved while the statement is validated; the load runs
 * when it executes, and its rows say what each file added.
 */
final class CopyIntoTableMacro implements TableMacro {
    private final SystemSchema system;

    CopyIntoTableMacro(SystemSchema system) {
        this.system = system;
    }

    @Override
    public List<FunctionParameter> getParameters() {
        return CopyArguments.parameters("TABLE", "LOCATION");
    }

    @Override
    public TranslatableTable apply(List<? extends Object> arguments) {
        Catalog catalog = system.catalog();
        TableDefinition table = catalog.requireTable(TableNames.simple((String) arguments.get(0)));
        CopyArguments copy = CopyArguments.of(catalog, (String) arguments.get(1), arguments,
                "copy into '" + table.name() + "'");
        LoadOptions load = LoadOptions.of(copy.options());
        TableLoad run = new TableLoad(catalog, system.stageFiles(), system.tableFiles(), table, copy.selection(),
                copy.format(), load, system.scanThreads());
        return new RowsTable(CopyIntoTableMacro::rowType, Schema.TableType.SYSTEM_TABLE,
                stop -> run.run(stop).stream());
    }

    private static RelDataType rowType(RelDataTypeFactory typeFactory) {
        RelDataType text = typeFactory.createSqlType(SqlTypeName.VARCHAR);
        RelDataType count = typeFactory.createSqlType(SqlTypeName.INTEGER);
        return typeFactory.builder()
                .add("FILE", text)
                .add("ROWS_LOADED", count)
                .add("ERRORS_SEEN", count)
                .add("FIRST_ERROR", typeFactory.createTypeWithNullability(text, true))
                .add("FIRST_ERROR_LINE", typeFactory.createTypeWithNullability(count, true))
                .build();
    }
}
