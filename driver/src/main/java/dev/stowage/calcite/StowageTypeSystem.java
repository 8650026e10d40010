package dev.stowage.calcite;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * Calcite's type system with one change: {@code SUM} of integers is exact, where Calcite's default keeps the argument
 * type and silently wraps around. TINYINT, SMALLINT and INTEGER sum to BIGINT (2^31 values of 2^31 cannot overflow
 * it); BIGINT sums to DECIMAL(38, 0), as DuckDB's sum widens to a 128-bit integer.
 */
public final class StowageTypeSystem extends RelDataTypeSystemImpl {
    /** The instance named by the {@code typeSystem} connection property. */
    public static final StowageTypeSystem INSTANCE = new StowageTypeSystem();

    private StowageTypeSystem() {
    }

    @Override
    public RelDataType deriveSumType(RelDataTypeFactory typeFactory, RelDataType argumentType) {
        if (SqlTypeUtil.isExactNumeric(argumentType) && argumentType.getSqlTypeName() != SqlTypeName.DECIMAL) {
            RelDataType sum = argumentType.getSqlTypeName() == SqlTypeName.BIGINT
                    ? typeFactory.createSqlType(SqlTypeName.DECIMAL, getMaxNumericPrecision(), 0)
                    : typeFactory.createSqlType(SqlTypeName.BIGINT);
            return typeFactory.createTypeWithNullability(sum, argumentType.isNullable());
        }
        return super.deriveSumType(typeFactory, argumentType);
    }
}
