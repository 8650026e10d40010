package dev.stowage.calcite;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import java.lang.reflect.Type;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.QueryProvider;
import org.apache.calcite.linq4j.tree.ClassDeclaration;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.runtime.ArrayBindable;
import org.apache.calcite.runtime.Bindable;
import org.apache.calcite.runtime.Hook;
import org.apache.calcite.runtime.Typed;
import org.apache.calcite.schema.SchemaPlus;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.codehaus.janino.SimpleCompiler;

/**
 * Turns a physical plan into the Java class Calcite generates for it, compiled once per distinct source text for the
 * whole process. Calcite's own cache of compiled plans refuses classes with static fields, and its code generator
 * hoists every constant expression (an INTEGER literal compared with a BIGINT, say) into one, so it would compile
 * nearly every statement anew. The source text determines the class completely: a static field holds a constant the
 * text spells out, and the objects a plan hands to its code (stashed values) are parameters, bound per plan. A
 * compiled class is therefore shared by every plan of the same text.
 */
final class GeneratedCode {
    private static final Cache<String, Bindable<?>> COMPILED = CacheBuilder.newBuilder().maximumSize(1024)
            .softValues().build();

    private GeneratedCode() {
    }

    /**
     * Returns the code of {@code plan}, producing rows as {@code prefer} asks; {@code parameters} are the values the
     * code reads from its data context besides the statement's own.
     */
    static Bindable<?> of(EnumerableRel plan, EnumerableRel.Prefer prefer, Map<String, Object> parameters) {
        Map<String, Object> stashed = new HashMap<>(parameters);
        ClassDeclaration declaration = new EnumerableRelImplementor(plan.getCluster().getRexBuilder(), stashed)
                .implementRoot(plan, prefer);
        String body = Expressions.toString(declaration.memberDeclarations, "\n", false);
        Hook.JAVA_PLAN.run(body);
        boolean scalar = plan.getRowType().getFieldCount() == 1;
        String source = "public final class " + declaration.name + " implements "
                + (scalar ? Bindable.class.getCanonicalName() + ", " + Typed.class.getCanonicalName()
                        : ArrayBindable.class.getCanonicalName())
                + " {\n" + body + "\n}";
        Bindable<?> code;
        try {
            code = COMPILED.get(source, () -> compile(declaration.name, source));
        } catch (ExecutionException e) {
            // the source may hold the statement's literals: it stays out of the message
            throw new IllegalStateException("The code generated for the plan does not compile", e.getCause());
        }
        return new Bound(code, Collections.unmodifiableMap(stashed));
    }

    private static Bindable<?> compile(String className, String source) throws Exception {
        SimpleCompiler compiler = new SimpleCompiler();
        compiler.setParentClassLoader(GeneratedCode.class.getClassLoader());
        compiler.cook(source);
        return (Bindable<?>) compiler.getClassLoader().loadClass(className).getDeclaredConstructors()[0].newInstance();
    }

    /** Shared compiled code with the values of one plan. */
    private record Bound(Bindable<?> code, Map<String, Object> parameters) implements Bindable<Object>, Typed {
        @SuppressWarnings("unchecked")
        @Override
        public Enumerable<Object> bind(DataContext context) {
            return ((Bindable<Object>) code).bind(new WithParameters(context, parameters));
        }

        @Override
        public Type getElementType() {
            return ((Typed) code).getElementType();
        }
    }

    /** A statement's data context, answering the plan's parameters first. */
    private record WithParameters(DataContext context, Map<String, Object> parameters) implements DataContext {
        @Override
        public @Nullable SchemaPlus getRootSchema() {
            return context.getRootSchema();
        }

        @Override
        public JavaTypeFactory getTypeFactory() {
            return context.getTypeFactory();
        }

        @Override
        public QueryProvider getQueryProvider() {
            return context.getQueryProvider();
        }

        @Override
        public @Nullable Object get(String name) {
            Object value = parameters.get(name);
            return value != null || parameters.containsKey(name) ? value : context.get(name);
        }
    }
}
