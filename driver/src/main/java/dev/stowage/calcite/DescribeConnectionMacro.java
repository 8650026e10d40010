package dev.stowage.calcite;

import dev.stowage.catalog.Catalog;
import dev.stowage.catalog.ConnectionDefinition;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
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
        return new RowsTable(ConnectionRows::rowType, () -> List.<Object[]>of(ConnectionRows.row(connection)),
                Schema.TableType.SYSTEM_TABLE);
    }

    @Override
    public List<FunctionParameter> getParameters() {
        return List.of(new FunctionParameter() {
            @Override
            public int getOrdinal() {
                return 0;
            }

            @Override
            public String getName() {
                return "name";
            }

            @Override
            public RelDataType getType(RelDataTypeFactory typeFactory) {
                // a Java type: Calcite passes literal arguments to macros only for Java-typed parameters
                return ((org.apache.calcite.adapter.java.JavaTypeFactory) typeFactory).createType(String.class);
            }

            @Override
            public boolean isOptional() {
                return false;
            }
        });
    }
}
