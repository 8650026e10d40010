package dev.stowage.calcite;

import dev.stowage.catalog.ConnectionDefinition;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

/** The row layout shared by {@code system.connections}, SHOW CONNECTIONS and DESC CONNECTION. */
final class ConnectionRows {
    private ConnectionRows() {
    }

    static RelDataType rowType(RelDataTypeFactory typeFactory) {
        RelDataType text = typeFactory.createSqlType(SqlTypeName.VARCHAR);
        return typeFactory.builder()
                .add("name", text)
                .add("storage_type", text)
                .add("storage_params", text)
                .build();
    }

    /** Returns the row for {@code connection}, every parameter value masked. */
    static Object[] row(ConnectionDefinition connection) {
        return new Object[] {connection.name(), connection.storageType(), connection.maskedParameters()};
    }
}
