package dev.stowage.calcite;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.FunctionParameter;

/** Builds table-macro parameters; they must have Java types, because Calcite passes literals only to those. */
final class MacroParameters {
    private MacroParameters() {
    }

    /** Returns one parameter per name, all of Java type {@code type}; those from {@code firstOptional} on are optional. */
    static List<FunctionParameter> of(Class<?> type, int firstOptional, String... names) {
        List<FunctionParameter> parameters = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            int ordinal = i;
            parameters.add(new FunctionParameter() {
                @Override
                public int getOrdinal() {
                    return ordinal;
                }

                @Override
                public String getName() {
                    return names[ordinal];
                }

                @Override
                public RelDataType getType(RelDataTypeFactory typeFactory) {
                    return ((JavaTypeFactory) typeFactory).createType(type);
                }

                @Override
                public boolean isOptional() {
                    return ordinal >= firstOptional;
                }
            });
        }
        return parameters;
    }
}
