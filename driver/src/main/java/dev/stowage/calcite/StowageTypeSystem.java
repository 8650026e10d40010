package dev.stowage.calcite;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * Calcite's type system with one change: {@code SUM} over TINYINT, SMALLINT, INTEGER or BIGINT returns BIGINT, so
 * summing integers cannot silently wrap around (Calcite's default keeps the argument type).
 */
public final class StowageTypeSystem extends RelDataTypeSystemImpl {
    /** The instance named by the {@code typeSystem} connection property. */
    public static final StowageTypeSystem INSTANCE = new StowageTypeSystem();

    private StowageTypeSystem() {
    }

    @Override
    public RelDataType deriveSumType(RelDataTypeFactory typeFactory, RelDataType argumentType) {
        if (SqlTypeUtil.isExactNumeric(argumentType) && argumentType.getSqlTypeName() != SqlTypeName.DECIMAL) {
            return typeFactory.createTypeWithNullability(typeFactory.createSqlType(SqlTypeName.BIGINT),
                    argumentType.isNullable());
        }
        return super.deriveSumType(typeFactory, argumentType);
    }
}
