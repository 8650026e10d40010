package dev.stowage.calcite;

import dev.stowage.catalog.Catalog;
import dev.stowage.catalog.StageDefinition;
import dev.stowage.error.ErrorCode;
import dev.stowage.error.StowageException;
import dev.stowage.fileio.FileIO;
import dev.stowage.fileio.SupportsPresign;
import dev.stowage.stage.StageFiles;
import dev.stowage.stage.StageReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.TableMacro;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * {@code system.presign('@stage/file', 'DOWNLOAD' | 'UPLOAD', seconds)}, which {@code PRESIGN} is rewritten into:
 * one row with method, headers and url. Storage that cannot presign fails the statement with a clear error.
 */
final class PresignMacro implements TableMacro {
    private final Catalog catalog;
    private final StageFiles files;

    PresignMacro(Catalog catalog, StageFiles files) {
        this.catalog = catalog;
        this.files = files;
    }

    @Override
    public TranslatableTable apply(List<? extends Object> arguments) {
        StageReference reference = StageReference.parse((String) arguments.get(0));
        boolean upload = "UPLOAD".equals(((String) arguments.get(1)).toUpperCase(Locale.ROOT));
        long seconds = Long.parseLong((String) arguments.get(2));
        StageDefinition stage = catalog.requireStage(reference.stage());
        if (reference.path().isEmpty()) {
            throw new StowageException(ErrorCode.BAD_ARGUMENTS, "PRESIGN needs a file: %s names no file.", reference);
        }
        return new RowsTable(PresignMacro::rowType, () -> Stream.<Object[]>of(presign(stage, reference, upload, seconds)),
                Schema.TableType.SYSTEM_TABLE);
    }

    private Object[] presign(StageDefinition stage, StageReference reference, boolean upload, long seconds) {
        try (FileIO io = files.open(stage)) {
            if (!(io instanceof SupportsPresign presigner)) {
                throw new StowageException(ErrorCode.UNSUPPORTED_STATEMENT,
                        "The storage of stage '%s' cannot presign URLs.", stage.name());
            }
            Duration expiry = Duration.ofSeconds(seconds);
            URI url = upload ? presigner.presignWrite(reference.path(), expiry) : presigner.presignRead(reference.path(), expiry);
            return new Object[] {upload ? "PUT" : "GET", "{}", url.toString()};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<FunctionParameter> getParameters() {
        return MacroParameters.of(String.class, 3, "LOCATION", "ACTION", "EXPIRE");
    }

    static RelDataType rowType(RelDataTypeFactory typeFactory) {
        RelDataType text = typeFactory.createSqlType(SqlTypeName.VARCHAR);
        return typeFactory.builder().add("method", text).add("headers", text).add("url", text).build();
    }
}
