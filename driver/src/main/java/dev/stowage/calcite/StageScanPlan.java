package dev.stowage.calcite;

import dev.stowage.scan.ScanSpec;
import dev.stowage.scan.StopCondition;
import java.util.List;
import java.util.function.Supplier;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.linq4j.tree.Blocks;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.linq4j.tree.Types;
import org.apache.calcite.rel.type.RelDataType;

/**
 * A planned scan of staged files, handed to the generated code of a query; each enumeration reads anew. With an
 * aggregation the scan returns the aggregates' one row instead of the rows it reads.
 */
public final class StageScanPlan {
    private final StageScanSource source;
    private final ScanSpec spec;
    private final ScanAggregation aggregation;

    StageScanPlan(StageScanSource source, ScanSpec spec, ScanAggregation aggregation) {
        this.source = source;
        this.spec = spec;
        this.aggregation = aggregation;
    }

    /** Returns the code that enumerates this plan's rows, of type {@code rowType}. */
    EnumerableRel.Result implement(EnumerableRelImplementor implementor, RelDataType rowType) {
        // Calcite's operators and result sets take a one-column row as the bare value
        boolean scalar = rowType.getFieldCount() == 1;
        PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), rowType,
                scalar ? JavaRowFormat.SCALAR : JavaRowFormat.ARRAY, false);
        Expression stashed = implementor.stash(this, StageScanPlan.class);
        Expression rows = Expressions.call(stashed,
                Types.lookupMethod(StageScanPlan.class, scalar ? "scanScalars" : "scan", DataContext.class),
                DataContext.ROOT);
        return implementor.result(physType, Blocks.toBlock(rows));
    }

    /** Returns the only value of each row, for scans of one column. */
    public Enumerable<Object> scanScalars(DataContext root) {
        return scan(root).select(row -> row[0]);
    }

    /** Returns the rows, read when enumerated, stopping when the statement of {@code root} is cancelled or times out. */
    public Enumerable<Object[]> scan(DataContext root) {
        Supplier<StopCondition> stop = StatementStops.of(root);
        return new AbstractEnumerable<>() {
            @Override
            public Enumerator<Object[]> enumerator() {
                if (aggregation == null) {
                    return source.scan(spec, stop.get(), null);
                }
                return Linq4j.enumerator(List.<Object[]>of(StageScanPlan.this.aggregate(stop.get())));
            }
        };
    }

    private Object[] aggregate(StopCondition stop) {
        Object[] total = aggregation.start();
        try (Enumerator<Object[]> partials = source.scan(spec, stop, aggregation)) {
            while (partials.moveNext()) {
                aggregation.merge(total, partials.current());
            }
        }
        return aggregation.result(total);
    }
}
