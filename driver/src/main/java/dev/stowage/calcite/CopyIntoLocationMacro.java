package dev.stowage.calcite;

import dev.stowage.copy.LocationUnload;
import dev.stowage.copy.UnloadOptions;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.TableMacro;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * {@code system.copy_into_location(LOCATION, QUERY, OPTIONS, FILE_FORMAT, CONNECTION)}, which
 * {@code COPY INTO <location>} is rewritten into. The location, format and options are resolved while the statement
 * is validated; the query runs, on the same connection, and its rows are written when the statement executes.
 */
final class CopyIntoLocationMacro implements TableMacro {
    private final SystemSchema system;

    CopyIntoLocationMacro(SystemSchema system) {
        this.system = system;
    }

    @Override
    public List<FunctionParameter> getParameters() {
        return CopyArguments.parameters("LOCATION", "QUERY");
    }

    @Override
    public TranslatableTable apply(List<? extends Object> arguments) {
        String location = (String) arguments.get(0);
        CopyArguments copy = CopyArguments.of(system.catalog(), location, arguments, "copy into " + location);
        UnloadOptions options = UnloadOptions.of(copy.options());
        LocationUnload unload = new LocationUnload(system.connection(), (String) arguments.get(1),
                () -> system.stageFiles().open(copy.selection().stage()), copy.selection().path(), copy.format(),
                options);
        return new RowsTable(typeFactory -> rowType(typeFactory, options.detailedOutput()), Schema.TableType.SYSTEM_TABLE,
                stop -> unload.run(stop).stream());
    }

    private static RelDataType rowType(RelDataTypeFactory typeFactory, boolean detailed) {
        RelDataType count = typeFactory.createSqlType(SqlTypeName.BIGINT);
        if (detailed) {
            return typeFactory.builder()
                    .add("file_name", typeFactory.createSqlType(SqlTypeName.VARCHAR))
                    .add("file_size", count)
                    .add("row_count", count)
                    .build();
        }
        return typeFactory.builder()
                .add("rows_unloaded", count)
                .add("input_bytes", count)
                .add("output_bytes", count)
                .build();
    }
}
