package dev.stowage.calcite;

import dev.stowage.catalog.Catalog;
import dev.stowage.catalog.TableDefinition;
import dev.stowage.scan.Column;
import dev.stowage.secret.Masking;
import dev.stowage.sql.ddl.StowageSqlNodes;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.TableMacro;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.sql.dialect.CalciteSqlDialect;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * {@code system.show_create_table('[db.]name')}: one row, the table name and a CREATE TABLE statement that would
 * re-create it, secrets masked as SHOW/DESC CONNECTION masks them. The lookup happens while the statement is
 * validated, so a missing table fails the statement.
 */
final class ShowCreateTableMacro implements TableMacro {
    private final Catalog catalog;

    ShowCreateTableMacro(Catalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public TranslatableTable apply(List<? extends Object> arguments) {
        TableDefinition table = catalog.requireTable(TableNames.simple((String) arguments.get(0)));
        Object[] row = {table.name(), statement(table)};
        return new RowsTable(ShowCreateTableMacro::rowType, () -> Stream.<Object[]>of(row),
                Schema.TableType.SYSTEM_TABLE);
    }

    @Override
    public List<FunctionParameter> getParameters() {
        return MacroParameters.of(String.class, 1, "NAME");
    }

    private static RelDataType rowType(RelDataTypeFactory typeFactory) {
        RelDataType text = typeFactory.createSqlType(SqlTypeName.VARCHAR);
        List<String> names = StowageSqlNodes.SHOW_CREATE_TABLE_COLUMNS;
        return typeFactory.builder().add(names.get(0), text).add(names.get(1), text).build();
    }

    /** Returns the CREATE TABLE statement of {@code table}, in Databend's layout. */
    static String statement(TableDefinition table) {
        StringBuilder sql = new StringBuilder("CREATE TABLE ").append(quoted(table.name())).append(" (\n");
        List<Column> columns = table.columns();
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            sql.append("  ").append(quoted(column.name())).append(' ').append(column.type().sqlName())
                    .append(column.nullable() ? " NULL" : " NOT NULL")
                    .append(i + 1 < columns.size() ? ",\n" : "\n");
        }
        sql.append(") ENGINE=FUSE");
        if (table.external()) {
            sql.append(" '").append(table.url().replace("'", "''")).append("' CONNECTION = (")
                    .append(connection(table.parameters())).append(')');
        }
        return sql.append(" FILE_FORMAT = (").append(table.fileFormat().toDisplayText()).append(')').toString();
    }

    private static String connection(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(e -> e.getKey() + " = '" + Masking.forDisplay(e.getKey(), e.getValue()).replace("'", "''") + "'")
                .collect(Collectors.joining(" "));
    }

    private static String quoted(String identifier) {
        return CalciteSqlDialect.DEFAULT.quoteIdentifier(identifier);
    }
}
