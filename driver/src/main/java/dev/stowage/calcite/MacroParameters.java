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

    /** A parameter: its name, Java type and whether it may be left out. */
    record Spec(String name, Class<?> type, boolean optional) {
    }

    /** Returns one parameter per name, all of Java type {@code type}; those from {@code firstOptional} on are optional. */
    static List<FunctionParameter> of(Class<?> type, int firstOptional, String... names) {
        List<Spec> specs = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            specs.add(new Spec(names[i], type, i >= firstOptional));
        }
        return of(specs);
    }

    /** Returns the parameters {@code specs}, in order. */
    static List<FunctionParameter> of(List<Spec> specs) {
        List<FunctionParameter> parameters = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            int ordinal = i;
            Spec spec = specs.get(i);
            parameters.add(new FunctionParameter() {
                @Override
                public int getOrdinal() {
                    return ordinal;
                }

                @Override
                public String getName() {
                    return spec.name();
                }

                @Override
                public RelDataType getType(RelDataTypeFactory typeFactory) {
                    return ((JavaTypeFactory) typeFactory).createType(spec.type());
                }

                @Override
                public boolean isOptional() {
                    return spec.optional();
                }
            });
        }
        return parameters;
    }
}
