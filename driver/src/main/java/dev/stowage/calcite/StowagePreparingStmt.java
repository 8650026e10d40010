package dev.stowage.calcite;

import static java.util.Objects.requireNonNull;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.adapter.enumerable.EnumerableCalc;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.prepare.CalcitePrepareImpl;
import org.apache.calcite.prepare.Prepare;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.runtime.Bindable;
import org.apache.calcite.runtime.Hook;
import org.apache.calcite.runtime.Typed;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql2rel.SqlRexConvertletTable;
import org.apache.calcite.tools.Program;
import org.apache.calcite.util.Pair;

/**
 * Calcite's preparation of one statement with Stowage's program ({@link StowagePrepare#program()}) and with the
 * generated code of an enumerable plan compiled through {@link GeneratedCode}, which reuses the class compiled for
 * the same code.
 */
final class StowagePreparingStmt extends CalcitePrepareImpl.CalcitePreparingStmt {
    private final EnumerableRel.Prefer prefer;

    StowagePreparingStmt(CalcitePrepareImpl prepare, CalcitePrepare.Context context,
            Prepare.CatalogReader catalogReader, RelDataTypeFactory typeFactory, CalciteSchema schema,
            EnumerableRel.Prefer prefer, RelOptCluster cluster, Convention resultConvention,
            SqlRexConvertletTable convertletTable) {
        super(prepare, context, catalogReader, typeFactory, schema, prefer, cluster, resultConvention,
                convertletTable);
        this.prefer = prefer;
    }

    @Override
    protected Program getProgram() {
        return StowagePrepare.program();
    }

    @Override
    protected PreparedResult implement(RelRoot root) {
        if (resultConvention != EnumerableConvention.INSTANCE) {
            return super.implement(root);
        }
        Hook.PLAN_BEFORE_IMPLEMENTATION.run(root);
        EnumerableRel plan = (EnumerableRel) root.rel;
        if (!root.isRefTrivial()) {
            // the validated row type has the statement's fields only, in its order
            RexBuilder rexBuilder = plan.getCluster().getRexBuilder();
            List<RexNode> projects = new ArrayList<>();
            for (int field : Pair.left(root.fields)) {
                projects.add(rexBuilder.makeInputRef(plan, field));
            }
            plan = EnumerableCalc.create(plan,
                    RexProgram.create(plan.getRowType(), projects, null, root.validatedRowType, rexBuilder));
        }
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("_conformance", context.config().conformance());
        Bindable<?> code;
        Prepare.CatalogReader.THREAD_LOCAL.set(catalogReader);
        try {
            code = GeneratedCode.of(plan, prefer, parameters);
        } finally {
            Prepare.CatalogReader.THREAD_LOCAL.remove();
        }
        boolean dml = root.kind.belongsTo(SqlKind.DML);
        return new PreparedResultImpl(root.rel.getRowType(), requireNonNull(parameterRowType, "parameterRowType"),
                requireNonNull(fieldOrigins, "fieldOrigins"),
                root.collation.getFieldCollations().isEmpty() ? List.of() : List.of(root.collation), root.rel,
                mapTableModOp(dml, root.kind), dml) {
            @Override
            public String getCode() {
                throw new UnsupportedOperationException();
            }

            @Override
            public Bindable getBindable(Meta.CursorFactory cursorFactory) {
                return code;
            }

            @Override
            public Type getElementType() {
                return ((Typed) code).getElementType();
            }
        };
    }
}
