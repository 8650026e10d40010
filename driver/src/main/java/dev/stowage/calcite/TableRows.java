package dev.stowage.calcite;

import dev.stowage.catalog.TableDefinition;
import dev.stowage.scan.Column;
import dev.stowage.sql.ddl.StowageSqlNodes;
import java.util.List;
import java.util.stream.Stream;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

/** The row layouts of {@code system.tables} (and SHOW TABLES) and of DESC TABLE. */
final class TableRows {
    private TableRows() {
    }

    /** {@code database, name, table_type, engine, location, file_format, total_columns, owner, created_on}. */
    static RelDataType rowType(RelDataTypeFactory typeFactory) {
        RelDataType text = typeFactory.createSqlType(SqlTypeName.VARCHAR);
        return typeFactory.builder()
                .add("database", text)
                .add("name", text)
                .add("table_type", text)
                .add("engine", text)
                .add("location", typeFactory.createTypeWithNullability(text, true))
                .add("file_format", text)
                .add("total_columns", typeFactory.createSqlType(SqlTypeName.INTEGER))
                .add("owner", text)
                .add("created_on", typeFactory.createSqlType(SqlTypeName.TIMESTAMP, 3))
                .build();
    }

    /** The row of {@code table} in {@code system.tables}; the location never holds credentials. */
    static Object[] row(TableDefinition table) {
        return new Object[] {StowageSqlNodes.DEFAULT_SCHEMA, table.name(),
            table.external() ? "EXTERNAL TABLE" : "BASE TABLE", "FUSE", table.url(),
            table.fileFormat().toDisplayText(), table.columns().size(), table.creator(),
            table.createdOn().toEpochMilli()};
    }

    /** {@code Field, Type, Null, Default, Extra}, as Databend's DESC TABLE. */
    static RelDataType describeRowType(RelDataTypeFactory typeFactory) {
        RelDataTypeFactory.Builder builder = typeFactory.builder();
        for (String name : StowageSqlNodes.DESCRIBE_TABLE_COLUMNS) {
            builder.add(name, typeFactory.createSqlType(SqlTypeName.VARCHAR));
        }
        return builder.build();
    }

    /** One DESC TABLE row per column of {@code table}. */
    static Stream<Object[]> describe(TableDefinition table) {
        List<Column> columns = table.columns();
        return columns.stream().map(column -> new Object[] {column.name(), column.type().sqlName(),
            column.nullable() ? "YES" : "NO", column.nullable() ? "NULL" : "", ""});
    }
}
