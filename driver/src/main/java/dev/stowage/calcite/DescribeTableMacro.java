package dev.stowage.calcite;

import dev.stowage.catalog.Catalog;
import dev.stowage.catalog.TableDefinition;
import java.util.List;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.TableMacro;
import org.apache.calcite.schema.TranslatableTable;

/**
 * {@code system.describe_table('[db.]name')}: one row per column of the table. The lookup happens while the
 * statement is validated, so a missing table fails the statement.
 */
final class DescribeTableMacro implements TableMacro {
    private final Catalog catalog;

    DescribeTableMacro(Catalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public TranslatableTable apply(List<? extends Object> arguments) {
        TableDefinition table = catalog.requireTable(TableNames.simple((String) arguments.get(0)));
        return new RowsTable(TableRows::describeRowType, () -> TableRows.describe(table), Schema.TableType.SYSTEM_TABLE);
    }

    @Override
    public List<FunctionParameter> getParameters() {
        return MacroParameters.of(String.class, 1, "NAME");
    }
}
