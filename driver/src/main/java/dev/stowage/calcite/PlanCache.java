package dev.stowage.calcite;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import dev.stowage.catalog.CatalogState;
import java.lang.reflect.Type;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.calcite.jdbc.CalcitePrepare.CalciteSignature;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelVisitor;
import org.apache.calcite.rel.core.TableFunctionScan;
import org.apache.calcite.rel.core.TableModify;

/**
 * The plans of one JDBC connection's recent queries, reused when the same SQL text is run again, as a prepared
 * statement reuses its plan. A plan is reused only while everything it was made from is unchanged: the catalog's
 * connections, stages, file formats and tables, and the first file of each staged-file source whose schema was read
 * from that file (same path, size, modification time and ETag; a file whose listing does not identify its content,
 * such as one written within the last two seconds without an ETag, makes the plan single-use). Only plans that read
 * nothing but staged files and tables are kept ({@link #reusable}); statements that change anything, and those whose
 * rows are computed while planning (LIST, DESC, SHOW, system tables), are planned every time. Thread-safe.
 */
public final class PlanCache {
    private static final int MAX_PLANS = 64;

    private final Cache<Key, Entry> plans = CacheBuilder.newBuilder().maximumSize(MAX_PLANS).build();
    private final AtomicLong reuses = new AtomicLong();

    /**
     * What besides the text a plan depends on.
     *
     * @param sql the statement's text
     * @param defaultSchema the connection's default schema path
     * @param elementType the row type the result set asks for
     * @param maxRowCount the statement's maximum row count, or -1
     */
    record Key(String sql, List<String> defaultSchema, Type elementType, long maxRowCount) {
        /** Leaves the statement's text out: it may hold credentials. */
        @Override
        public String toString() {
            return "PlanCache.Key[" + sql.length() + " characters]";
        }
    }

    private record Entry(CatalogState catalog, List<PlanInputs.FirstFile> firstFiles, CalciteSignature<?> plan) {
        /** Leaves the plan out: its signature holds the statement's text. */
        @Override
        public String toString() {
            return "PlanCache.Entry";
        }
    }

    /**
     * Returns the plan kept for {@code key} if the catalog, now {@code catalog}, and the files it was made from are
     * unchanged; otherwise forgets it and returns null.
     */
    @SuppressWarnings("unchecked")
    <T> CalciteSignature<T> get(Key key, CatalogState catalog) {
        Entry entry = plans.getIfPresent(key);
        if (entry == null) {
            return null;
        }
        if (!entry.catalog().sameDefinitions(catalog) || !entry.firstFiles().stream().allMatch(PlanCache::unchanged)) {
            plans.invalidate(key);
            return null;
        }
        reuses.incrementAndGet();
        return (CalciteSignature<T>) entry.plan();
    }

    /** Keeps {@code plan}, made from {@code catalog} and {@code inputs}, if the inputs say it may be reused. */
    void put(Key key, CatalogState catalog, PlanInputs inputs, CalciteSignature<?> plan) {
        if (inputs.reusable()) {
            plans.put(key, new Entry(catalog, inputs.firstFiles(), plan));
        }
    }

    /** Returns how many times a kept plan was reused. */
    public long reuses() {
        return reuses.get();
    }

    private static boolean unchanged(PlanInputs.FirstFile first) {
        return first.source().firstFileIs(first.file());
    }

    /**
     * Returns whether a physical plan may be reused: it reads tables only through staged-file scans, whose files are
     * listed when they run, and modifies nothing.
     */
    static boolean reusable(RelNode plan) {
        boolean[] reusable = {true};
        new RelVisitor() {
            @Override
            public void visit(RelNode node, int ordinal, RelNode parent) {
                RelOptTable table = node.getTable();
                if (node instanceof TableModify || node instanceof TableFunctionScan
                        || table != null && !(node instanceof StageFilesScan || node instanceof StageAggregateScan)) {
                    reusable[0] = false;
                    return;
                }
                super.visit(node, ordinal, parent);
            }
        }.go(plan);
        return reusable[0];
    }
}
