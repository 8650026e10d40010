package dev.stowage.calcite;

import dev.stowage.catalog.Catalog;
import dev.stowage.error.ErrorCode;
import dev.stowage.error.StowageException;
import dev.stowage.format.FileFormat;
import dev.stowage.format.FileFormatParser;
import dev.stowage.scan.Column;
import dev.stowage.scan.ColumnType;
import dev.stowage.scan.FormatReader;
import dev.stowage.scan.FormatReaders;
import dev.stowage.scan.OutputColumn;
import dev.stowage.sql.StageTableArguments;
import dev.stowage.stage.FileSelection;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.schema.TableMacro;
import org.apache.calcite.schema.TranslatableTable;

/**
 * {@code stage_files(LOCATION => ..., FILE_FORMAT, PATTERN, FILES, CONNECTION, CASE_SENSITIVE)}, which
 * {@code FROM @stage/path (...)} and {@code FROM '<uri>' (...)} are rewritten into. The table's columns follow
 * Databend: CSV and TSV have {@code $1..$N} (VARCHAR), N being the largest position the statement uses; Parquet
 * and NDJSON have the first file's columns, or the whole record as {@code $1}; {@code METADATA$FILENAME} and
 * {@code METADATA$FILE_ROW_NUMBER} exist where the statement uses them.
 */
final class StageFilesMacro implements TableMacro {
    /** Records of a text file read to infer the columns of NDJSON files queried by name. */
    static final long INFER_RECORDS = 1000;

    private final SystemSchema system;

    StageFilesMacro(SystemSchema system) {
        this.system = system;
    }

    @Override
    public List<FunctionParameter> getParameters() {
        return MacroParameters.of(List.of(
                new MacroParameters.Spec("LOCATION", String.class, false),
                new MacroParameters.Spec("FILE_FORMAT", String.class, true),
                new MacroParameters.Spec("PATTERN", String.class, true),
                new MacroParameters.Spec("FILES", String.class, true),
                new MacroParameters.Spec("CONNECTION", String.class, true),
                new MacroParameters.Spec("CASE_SENSITIVE", Boolean.class, true),
                new MacroParameters.Spec(StageTableArguments.POSITIONS, Integer.class, true),
                new MacroParameters.Spec(StageTableArguments.METADATA, String.class, true)));
    }

    @Override
    public TranslatableTable apply(List<? extends Object> arguments) {
        String location = (String) arguments.get(0);
        if (location == null) {
            throw new StowageException(ErrorCode.BAD_ARGUMENTS, "A staged-file query must specify a location.");
        }
        Catalog catalog = system.catalog();
        FileSelection selection = FileSelection.resolve(catalog, location,
                StageTableArguments.decodeOptions((String) arguments.get(4)), (String) arguments.get(2),
                StageTableArguments.decodeFiles((String) arguments.get(3)), "query " + location);
        String formatName = (String) arguments.get(1);
        FileFormat format = formatName != null ? FileFormatParser.resolveName(formatName, catalog.fileFormats())
                : selection.stage().fileFormat();
        FormatReader reader = FormatReaders.of(format);
        int positions = arguments.get(6) == null ? 0 : (Integer) arguments.get(6);
        StageScanSource source = new StageScanSource(() -> system.stageFiles().open(selection.stage()), selection,
                format, reader, system.scanThreads());

        List<TableColumn> columns = new ArrayList<>();
        List<Column> schema = List.of();
        String typeName = format.type().name();
        if (FormatReaders.positional(format)) {
            if (positions == 0) {
                throw new StowageException(ErrorCode.SEMANTIC,
                        "Query from %s file lacks column positions. Specify as $1, $2, etc.", typeName);
            }
            for (int i = 1; i <= positions; i++) {
                columns.add(new TableColumn("$" + i, ColumnType.VARCHAR, true,
                        new OutputColumn.Field(i - 1, ColumnType.VARCHAR)));
            }
        } else if (positions > 1) {
            throw new StowageException(ErrorCode.SEMANTIC, "Query from %s file only support $1 as column position",
                    typeName.toLowerCase(java.util.Locale.ROOT));
        } else if (positions == 1) {
            columns.add(new TableColumn("$1", ColumnType.VARCHAR, true, new OutputColumn.WholeRow()));
        } else {
            // the first file names the columns, but other files, and later NDJSON records, may hold NULL in any
            schema = source.firstFileSchema(INFER_RECORDS).stream()
                    .map(column -> new Column(column.name(), column.type(), true)).toList();
            for (int i = 0; i < schema.size(); i++) {
                Column column = schema.get(i);
                columns.add(new TableColumn(column.name(), column.type(), true,
                        new OutputColumn.Field(i, column.type())));
            }
        }
        Set<String> metadata = Set.of(((String) arguments.get(7) == null ? "" : (String) arguments.get(7)).split(","));
        if (metadata.contains("FILENAME")) {
            columns.add(new TableColumn("METADATA$FILENAME", ColumnType.VARCHAR, false, new OutputColumn.FileName()));
        }
        if (metadata.contains("FILE_ROW_NUMBER")) {
            columns.add(new TableColumn("METADATA$FILE_ROW_NUMBER", ColumnType.BIGINT, false,
                    new OutputColumn.FileRowNumber()));
        }
        return new StageFilesTable(source, schema, columns);
    }
}
