package dev.stowage.calcite;

import dev.stowage.catalog.Catalog;
import dev.stowage.error.ErrorCode;
import dev.stowage.error.StowageException;
import dev.stowage.fileio.FileEntry;
import dev.stowage.stage.StageFiles;
import dev.stowage.stage.StagePattern;
import dev.stowage.stage.StageReference;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.TableMacro;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * {@code LIST_STAGE(LOCATION => '@stage/path', PATTERN => '<regex>')}, which {@code LIST} is rewritten into: the
 * files under the path prefix, recursively, with columns name, size, md5, last_modified and creator. The stage and
 * the pattern are checked when the statement is prepared; the files are listed when it runs.
 */
final class ListStageMacro implements TableMacro {
    private static final DateTimeFormatter LAST_MODIFIED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS Z").withZone(ZoneOffset.UTC);

    private final StageFiles files;
    private final Catalog catalog;

    ListStageMacro(Catalog catalog, StageFiles files) {
        this.catalog = catalog;
        this.files = files;
    }

    @Override
    public TranslatableTable apply(List<? extends Object> arguments) {
        Object location = arguments.get(0);
        if (location == null) {
            throw new StowageException(ErrorCode.BAD_ARGUMENTS, "list_stage must specify location");
        }
        StageReference reference = StageReference.parse((String) location);
        catalog.requireStage(reference.stage());
        StagePattern pattern = StagePattern.compile(arguments.size() > 1 ? (String) arguments.get(1) : null);
        return new RowsTable(ListStageMacro::rowType,
                () -> files.list(reference, pattern).map(ListStageMacro::row), Schema.TableType.SYSTEM_TABLE);
    }

    @Override
    public List<FunctionParameter> getParameters() {
        return MacroParameters.of(String.class, 1, "LOCATION", "PATTERN");
    }

    static RelDataType rowType(RelDataTypeFactory typeFactory) {
        RelDataType text = typeFactory.createSqlType(SqlTypeName.VARCHAR);
        RelDataType nullableText = typeFactory.createTypeWithNullability(text, true);
        return typeFactory.builder()
                .add("name", text)
                .add("size", typeFactory.createSqlType(SqlTypeName.BIGINT))
                .add("md5", nullableText)
                .add("last_modified", nullableText)
                .add("creator", nullableText)
                .build();
    }

    private static Object[] row(FileEntry entry) {
        return new Object[] {entry.path(), entry.size(), entry.etag(),
            entry.lastModified() == null ? null : LAST_MODIFIED.format(entry.lastModified()), null};
    }
}
