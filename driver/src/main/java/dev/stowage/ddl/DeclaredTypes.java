package dev.stowage.ddl;

import dev.stowage.error.ErrorCode;
import dev.stowage.error.StowageException;
import dev.stowage.scan.ColumnType;
import java.util.Locale;
import java.util.Map;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlTypeNameSpec;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The column types CREATE TABLE accepts: SQL's names and Databend's (STRING, INT32, FLOAT64, DATETIME, VARIANT, ...),
 * each mapped to the SQL type values are read and written as. Lengths of character types are ignored, as Databend
 * does; timestamps and times keep milliseconds.
 */
final class DeclaredTypes {
    private static final int MILLIS = 3;

    /** Databend's names that SQL does not have. */
    private static final Map<String, ColumnType> DATABEND_NAMES = Map.ofEntries(
            Map.entry("STRING", ColumnType.VARCHAR),
            Map.entry("TEXT", ColumnType.VARCHAR),
            Map.entry("VARIANT", ColumnType.VARCHAR),
            Map.entry("JSON", ColumnType.VARCHAR),
            Map.entry("BOOL", ColumnType.BOOLEAN),
            Map.entry("INT8", ColumnType.TINYINT),
            Map.entry("INT16", ColumnType.SMALLINT),
            Map.entry("INT32", ColumnType.INTEGER),
            Map.entry("INT64", ColumnType.BIGINT),
            Map.entry("UINT8", ColumnType.SMALLINT),
            Map.entry("UINT16", ColumnType.INTEGER),
            Map.entry("UINT32", ColumnType.BIGINT),
            Map.entry("UINT64", ColumnType.decimal(20, 0)),
            Map.entry("FLOAT32", ColumnType.REAL),
            Map.entry("FLOAT64", ColumnType.DOUBLE),
            Map.entry("DATETIME", new ColumnType(SqlTypeName.TIMESTAMP, MILLIS, RelDataType.SCALE_NOT_SPECIFIED)),
            Map.entry("BLOB", ColumnType.VARBINARY));

    private DeclaredTypes() {
    }

    /**
     * Returns the type {@code spec} declares for {@code column}.
     *
     * @throws StowageException {@link ErrorCode#SEMANTIC} naming the column for a type tables cannot hold
     */
    static ColumnType of(String column, SqlDataTypeSpec spec) {
        SqlTypeNameSpec name = spec.getTypeNameSpec();
        String text = name.getTypeName().getSimple().toUpperCase(Locale.ROOT);
        ColumnType databend = DATABEND_NAMES.get(text);
        if (databend != null) {
            return databend;
        }
        SqlTypeName typeName = SqlTypeName.get(text);
        if (typeName == null || !(name instanceof SqlBasicTypeNameSpec basic)) {
            throw unsupported(column, spec);
        }
        return switch (typeName) {
            case CHAR, VARCHAR -> ColumnType.VARCHAR;
            case BINARY, VARBINARY -> ColumnType.VARBINARY;
            case BOOLEAN, TINYINT, SMALLINT, INTEGER, BIGINT, REAL, DOUBLE, DATE -> ColumnType.of(typeName);
            case FLOAT -> ColumnType.DOUBLE;
            case DECIMAL -> decimal(column, basic);
            case TIME, TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE ->
                    new ColumnType(typeName, MILLIS, RelDataType.SCALE_NOT_SPECIFIED);
            default -> throw unsupported(column, spec);
        };
    }

    private static ColumnType decimal(String column, SqlBasicTypeNameSpec spec) {
        int precision = spec.getPrecision() < 0 ? 38 : spec.getPrecision();
        int scale = spec.getScale() < 0 ? 0 : spec.getScale();
        if (precision < 1 || precision > 38 || scale > precision) {
            throw new StowageException(ErrorCode.SEMANTIC,
                    "Column %s: DECIMAL(%d, %d) is out of range; precision is 1 to 38 and scale at most the precision.",
                    column, precision, scale);
        }
        return ColumnType.decimal(precision, scale);
    }

    private static StowageException unsupported(String column, SqlDataTypeSpec spec) {
        return new StowageException(ErrorCode.SEMANTIC, "Column %s has type %s, which tables do not support.", column,
                spec.getTypeNameSpec().getTypeName());
    }
}
