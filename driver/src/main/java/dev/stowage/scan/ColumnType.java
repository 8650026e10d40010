package dev.stowage.scan;

import java.util.Objects;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The SQL type of a column read from files. Readers produce values in Calcite's internal representation:
 * VARCHAR {@link String}; BOOLEAN {@link Boolean}; TINYINT {@link Byte}; SMALLINT {@link Short}; INTEGER
 * {@link Integer}; BIGINT {@link Long}; REAL {@link Float}; DOUBLE {@link Double}; DECIMAL
 * {@link java.math.BigDecimal} with exactly {@code scale}; DATE {@link Integer} days since 1970-01-01; TIME
 * {@link Integer} milliseconds of the day; TIMESTAMP {@link Long} milliseconds since 1970-01-01 00:00 (no zone);
 * TIMESTAMP_WITH_LOCAL_TIME_ZONE {@link Long} milliseconds since the epoch (UTC); VARBINARY
 * {@link org.apache.calcite.avatica.util.ByteString}. Lists, maps and structs are VARCHAR holding JSON text.
 *
 * @param typeName the SQL type
 * @param precision the precision (DECIMAL digits, timestamp fraction digits), or {@link
 *     RelDataType#PRECISION_NOT_SPECIFIED}
 * @param scale the DECIMAL scale, or {@link RelDataType#SCALE_NOT_SPECIFIED}
 */
public record ColumnType(SqlTypeName typeName, int precision, int scale) {
    public static final ColumnType VARCHAR = of(SqlTypeName.VARCHAR);
    public static final ColumnType BOOLEAN = of(SqlTypeName.BOOLEAN);
    public static final ColumnType TINYINT = of(SqlTypeName.TINYINT);
    public static final ColumnType SMALLINT = of(SqlTypeName.SMALLINT);
    public static final ColumnType INTEGER = of(SqlTypeName.INTEGER);
    public static final ColumnType BIGINT = of(SqlTypeName.BIGINT);
    public static final ColumnType REAL = of(SqlTypeName.REAL);
    public static final ColumnType DOUBLE = of(SqlTypeName.DOUBLE);
    public static final ColumnType DATE = of(SqlTypeName.DATE);
    public static final ColumnType TIME = of(SqlTypeName.TIME);
    public static final ColumnType TIMESTAMP = of(SqlTypeName.TIMESTAMP);
    public static final ColumnType TIMESTAMP_LTZ = of(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE);
    public static final ColumnType VARBINARY = of(SqlTypeName.VARBINARY);

    public ColumnType {
        Objects.requireNonNull(typeName, "typeName is null");
    }

    /** Returns the type {@code typeName} without precision or scale. */
    public static ColumnType of(SqlTypeName typeName) {
        return new ColumnType(typeName, RelDataType.PRECISION_NOT_SPECIFIED, RelDataType.SCALE_NOT_SPECIFIED);
    }

    /** Returns DECIMAL({@code precision}, {@code scale}). */
    public static ColumnType decimal(int precision, int scale) {
        return new ColumnType(SqlTypeName.DECIMAL, precision, scale);
    }

    /** Returns this type in {@code typeFactory}, nullable or not. */
    public RelDataType toRelDataType(RelDataTypeFactory typeFactory, boolean nullable) {
        RelDataType type;
        if (typeName == SqlTypeName.DECIMAL) {
            type = typeFactory.createSqlType(typeName, precision, scale);
        } else if (precision != RelDataType.PRECISION_NOT_SPECIFIED && typeName.allowsPrec()) {
            type = typeFactory.createSqlType(typeName, precision);
        } else {
            type = typeFactory.createSqlType(typeName);
        }
        return typeFactory.createTypeWithNullability(type, nullable);
    }

    /** Returns the type as SQL writes it, e.g. {@code BIGINT} or {@code DECIMAL(10, 2)}. */
    public String sqlName() {
        return switch (typeName) {
            case DECIMAL -> "DECIMAL(" + precision + ", " + scale + ")";
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE -> "TIMESTAMP WITH LOCAL TIME ZONE";
            default -> typeName.getName();
        };
    }

    @Override
    public String toString() {
        return sqlName();
    }
}
