package dev.stowage.calcite;

import dev.stowage.catalog.Catalog;
import dev.stowage.catalog.TableDefinition;
import dev.stowage.copy.LoadOptions;
import dev.stowage.copy.TableLoad;
import dev.stowage.format.FileFormat;
import dev.stowage.format.FileFormatParser;
import dev.stowage.format.OptionValue;
import dev.stowage.sql.StageTableArguments;
import dev.stowage.stage.FileSelection;
import java.util.List;
import java.util.Map;
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
        return MacroParameters.of(List.of(
                new MacroParameters.Spec("TABLE", String.class, false),
                new MacroParameters.Spec("LOCATION", String.class, false),
                new MacroParameters.Spec("OPTIONS", String.class, false),
                new MacroParameters.Spec("FILE_FORMAT", String.class, true),
                new MacroParameters.Spec("CONNECTION", String.class, true)));
    }

    @Override
    public TranslatableTable apply(List<? extends Object> arguments) {
        Catalog catalog = system.catalog();
        TableDefinition table = catalog.requireTable(TableNames.simple((String) arguments.get(0)));
        String location = (String) arguments.get(1);
        Map<String, OptionValue> options = StageTableArguments.decodeOptions((String) arguments.get(2));
        LoadOptions load = LoadOptions.of(options);
        OptionValue pattern = options.get("pattern");
        FileSelection selection = FileSelection.resolve(catalog, location,
                StageTableArguments.decodeOptions((String) arguments.get(4)), pattern == null ? null : pattern.text(),
                LoadOptions.files(options), "copy into '" + table.name() + "'");
        String formatText = (String) arguments.get(3);
        FileFormat format = formatText == null ? selection.stage().fileFormat()
                : FileFormatParser.parse(StageTableArguments.decodeOptions(formatText), catalog.fileFormats());
        TableLoad run = new TableLoad(catalog, system.stageFiles(), system.tableFiles(), table, selection, format, load);
        return new RowsTable(CopyIntoTableMacro::rowType, () -> run.run().stream(), Schema.TableType.SYSTEM_TABLE);
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
