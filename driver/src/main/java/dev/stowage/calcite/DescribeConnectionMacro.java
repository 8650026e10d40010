package dev.stowage.calcite;

import dev.stowage.catalog.Catalog;
import dev.stowage.catalog.ConnectionDefinition;
import java.util.List;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.TableMacro;
import org.apache.calcite.schema.TranslatableTable;

/**
 * {@code system.describe_connection('name')}: one row for the named connection. The lookup happens while the
 * statement is validated, so a missing connection fails the statement with "does not exist".
 */
final class DescribeConnectionMacro implements TableMacro {
    private final Catalog catalog;

    DescribeConnectionMacro(Catalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public TranslatableTable apply(List<? extends Object> arguments) {
        ConnectionDefinition connection = catalog.requireConnection((String) arguments.get(0));
        return new RowsTable(ConnectionRows::rowType, () -> java.util.stream.Stream.<Object[]>of(ConnectionRows.row(connection)),
                Schema.TableType.SYSTEM_TABLE);
    }

    @Override
    public List<FunctionParameter> getParameters() {
        return MacroParameters.of(String.class, 1, "NAME");
    }
}
