package dev.stowage.calcite;

import dev.stowage.catalog.Catalog;
import dev.stowage.error.ErrorCode;
import dev.stowage.error.StowageException;
import dev.stowage.fileio.FileEntry;
import dev.stowage.fileio.FileIO;
import dev.stowage.format.FileFormat;
import dev.stowage.format.FileFormatParser;
import dev.stowage.format.OptionValue;
import dev.stowage.scan.Column;
import dev.stowage.scan.FormatReader;
import dev.stowage.scan.FormatReaders;
import dev.stowage.scan.SchemaMerge;
import dev.stowage.scan.SourceFile;
import dev.stowage.stage.FileSelection;
import dev.stowage.stage.StageFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.TableMacro;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * {@code INFER_SCHEMA(LOCATION => ..., PATTERN, FILE_FORMAT, MAX_RECORDS_PER_FILE (or MAX_RECORDS_PRE_FILE),
 * MAX_FILE_COUNT, CONNECTION_NAME)}: the columns of the selected files, merged ({@link SchemaMerge}), with columns
 * column_name, type, nullable, filenames and order_id. The files are read when the statement runs.
 */
final class InferSchemaMacro implements TableMacro {
    /** Records read per text file when MAX_RECORDS_PER_FILE is not given. */
    static final long DEFAULT_MAX_RECORDS = 10_000;

    private final SystemSchema system;

    InferSchemaMacro(SystemSchema system) {
        this.system = system;
    }

    @Override
    public List<FunctionParameter> getParameters() {
        return MacroParameters.of(List.of(
                new MacroParameters.Spec("LOCATION", String.class, true),
                new MacroParameters.Spec("PATTERN", String.class, true),
                new MacroParameters.Spec("FILE_FORMAT", String.class, true),
                new MacroParameters.Spec("MAX_RECORDS_PER_FILE", Long.class, true),
                new MacroParameters.Spec("MAX_RECORDS_PRE_FILE", Long.class, true),
                new MacroParameters.Spec("MAX_FILE_COUNT", Long.class, true),
                new MacroParameters.Spec("CONNECTION_NAME", String.class, true)));
    }

    @Override
    public TranslatableTable apply(List<? extends Object> arguments) {
        String location = (String) arguments.get(0);
        if (location == null) {
            throw new StowageException(ErrorCode.BAD_ARGUMENTS, "infer_schema must specify location");
        }
        String connectionName = (String) arguments.get(6);
        if (connectionName != null && location.startsWith("@")) {
            throw new StowageException(ErrorCode.BAD_ARGUMENTS,
                    "CONNECTION_NAME can only be given with a URI location, not with stage %s.", location);
        }
        Catalog catalog = system.catalog();
        Map<String, OptionValue> connection = connectionName == null ? Map.of()
                : Map.of("connection_name", OptionValue.of(OptionValue.Kind.STRING, connectionName));
        FileSelection selection = FileSelection.resolve(catalog, location, connection, (String) arguments.get(1), null,
                "infer schema of " + location);
        String formatName = (String) arguments.get(2);
        FileFormat format = formatName != null ? FileFormatParser.resolveName(formatName, catalog.fileFormats())
                : selection.stage().fileFormat();
        FormatReader reader = FormatReaders.of(format);
        long maxRecords = positive(arguments.get(3) != null ? arguments.get(3) : arguments.get(4),
                DEFAULT_MAX_RECORDS, "MAX_RECORDS_PER_FILE");
        long maxFiles = positive(arguments.get(5), Long.MAX_VALUE, "MAX_FILE_COUNT");
        StageFiles files = system.stageFiles();
        return new RowsTable(InferSchemaMacro::rowType, () -> rows(files, selection, reader, maxRecords, maxFiles),
                Schema.TableType.SYSTEM_TABLE);
    }

    private static Stream<Object[]> rows(StageFiles files, FileSelection selection, FormatReader reader,
                                         long maxRecords, long maxFiles) {
        SchemaMerge merge = new SchemaMerge();
        try (FileIO io = files.open(selection.stage());
             Stream<FileEntry> entries = StageFiles.select(io, selection)) {
            Iterator<FileEntry> iterator = entries.limit(maxFiles).iterator();
            while (iterator.hasNext()) {
                FileEntry entry = iterator.next();
                merge.add(entry.path(), reader.schema(new SourceFile(io, entry, entry.path()), maxRecords));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Object[]> rows = new ArrayList<>();
        long order = 0;
        for (Column column : merge.columns()) {
            rows.add(new Object[] {column.name(), column.type().sqlName(), column.nullable(),
                String.join(", ", merge.files(column.name())), order++});
        }
        return rows.stream();
    }

    private static long positive(Object value, long otherwise, String name) {
        if (value == null) {
            return otherwise;
        }
        long number = (Long) value;
        if (number <= 0) {
            throw new StowageException(ErrorCode.BAD_ARGUMENTS, "infer_schema: %s must be positive, got %d.", name,
                    number);
        }
        return number;
    }

    static RelDataType rowType(RelDataTypeFactory typeFactory) {
        return typeFactory.builder()
                .add("column_name", typeFactory.createSqlType(SqlTypeName.VARCHAR))
                .add("type", typeFactory.createSqlType(SqlTypeName.VARCHAR))
                .add("nullable", typeFactory.createSqlType(SqlTypeName.BOOLEAN))
                .add("filenames", typeFactory.createSqlType(SqlTypeName.VARCHAR))
                .add("order_id", typeFactory.createSqlType(SqlTypeName.BIGINT))
                .build();
    }
}
