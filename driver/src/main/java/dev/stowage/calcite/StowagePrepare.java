package dev.stowage.calcite;

import dev.stowage.catalog.CatalogState;
import dev.stowage.sql.ddl.StowageSqlNodes;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Set;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.interpreter.BindableConvention;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.plan.RelOptCostFactory;
import org.apache.calcite.plan.RelOptLattice;
import org.apache.calcite.plan.RelOptMaterialization;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.prepare.CalcitePrepareImpl;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.metadata.DefaultRelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMetadataProvider;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.tools.Program;
import org.apache.calcite.tools.Programs;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Calcite's statement preparation with {@link TableInsertRule} registered, a check of what the statement modifies
 * ({@link TableModifications}), and two steps added before cost-based planning: {@link ExactSumRule}, which
 * must replace the aggregates it matches rather than offer an alternative to them, so it cannot be a Volcano rule;
 * and {@link #logicalRoot}. A connection reuses the plan of a text it prepared before while nothing the plan was made
 * from changed ({@link PlanCache}); plans are turned into code by {@link StowagePreparingStmt}.
 */
public final class StowagePrepare extends CalcitePrepareImpl {
    /**
     * Plans the statement, or reuses the connection's plan of the same text when nothing it was made from changed
     * ({@link PlanCache}).
     */
    @Override
    public <T> CalciteSignature<T> prepareSql(CalcitePrepare.Context context, CalcitePrepare.Query<T> query,
            Type elementType, long maxRowCount) {
        CalciteSchema system = context.getRootSchema().getSubSchema(StowageSqlNodes.SYSTEM_SCHEMA, true);
        if (query.sql == null || system == null || !(system.schema instanceof SystemSchema schema)) {
            return super.prepareSql(context, query, elementType, maxRowCount);
        }
        PlanCache cache = schema.planCache();
        PlanCache.Key key = new PlanCache.Key(query.sql, context.getDefaultSchemaPath(), elementType, maxRowCount);
        // read before planning: a change made while planning makes the plan's catalog differ from the next one read
        CatalogState catalog = schema.catalog().store().read();
        CalciteSignature<T> kept = cache.get(key, catalog);
        if (kept != null) {
            return kept;
        }
        try (PlanInputs inputs = PlanInputs.open()) {
            CalciteSignature<T> plan = super.prepareSql(context, query, elementType, maxRowCount);
            if (plan.statementType == Meta.StatementType.SELECT) {
                cache.put(key, catalog, inputs, plan);
            }
            return plan;
        }
    }

    @Override
    protected RelOptPlanner createPlanner(CalcitePrepare.Context prepareContext,
            org.apache.calcite.plan.@Nullable Context externalContext, @Nullable RelOptCostFactory costFactory) {
        RelOptPlanner planner = super.createPlanner(prepareContext, externalContext, costFactory);
        planner.addRule(TableInsertRule.INSTANCE);
        return planner;
    }

    @Override
    protected CalcitePreparingStmt getPreparingStmt(CalcitePrepare.Context context, Type elementType,
            CalciteCatalogReader catalogReader, RelOptPlanner planner) {
        EnumerableRel.Prefer prefer = elementType == Object[].class ? EnumerableRel.Prefer.ARRAY
                : EnumerableRel.Prefer.CUSTOM;
        return new StowagePreparingStmt(this, context, catalogReader, context.getTypeFactory(),
                context.getRootSchema(), prefer, createCluster(planner, new RexBuilder(context.getTypeFactory())),
                enableBindable ? BindableConvention.INSTANCE : EnumerableConvention.INSTANCE,
                createConvertletTable());
    }

    /** Calcite's standard program, with the rewrites run once sub-queries are plain relational expressions. */
    static Program program() {
        RelMetadataProvider metadata = DefaultRelMetadataProvider.INSTANCE;
        return Programs.sequence(
                (planner, rel, traits, materializations, lattices) -> TableModifications.check(rel),
                Programs.subQuery(metadata),
                Programs.decorrelate(),
                Programs.measure(metadata),
                Programs.trim(),
                Programs.hep(List.of(ExactSumRule.INSTANCE), true, metadata),
                StowagePrepare::logicalRoot,
                // the steps above are no-ops when standard() repeats them; trimming twice is skipped
                Programs.standard(metadata, false),
                (planner, rel, traits, materializations, lattices) -> {
                    PlanInputs.noteReusable(PlanCache.reusable(rel));
                    return rel;
                });
    }

    /**
     * Puts an identity projection over a root that is already physical (a staged-file scan alone): the Volcano step
     * of the standard program registers a root twice when it needs no conversion.
     */
    private static RelNode logicalRoot(RelOptPlanner planner, RelNode rel, RelTraitSet requiredOutputTraits,
            List<RelOptMaterialization> materializations, List<RelOptLattice> lattices) {
        if (!rel.getTraitSet().equals(requiredOutputTraits)) {
            return rel;
        }
        return LogicalProject.create(rel, List.of(), rel.getCluster().getRexBuilder().identityProjects(rel.getRowType()),
                rel.getRowType().getFieldNames(), Set.of());
    }
}
