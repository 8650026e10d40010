package dev.stowage.calcite;

import dev.stowage.scan.ScanSpec;
import dev.stowage.scan.StopCondition;
import java.util.function.Supplier;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;

/** A planned scan of staged files, handed to the generated code of a query; each enumeration reads anew. */
public final class StageScanPlan {
    private final StageScanSource source;
    private final ScanSpec spec;

    StageScanPlan(StageScanSource source, ScanSpec spec) {
        this.source = source;
        this.spec = spec;
    }

    /** Returns the only value of each row, for scans of one column, whose rows Calcite expects as scalars. */
    public Enumerable<Object> scanScalars(DataContext root) {
        return scan(root).select(row -> row[0]);
    }

    /** Returns the rows, read when enumerated, stopping when the statement of {@code root} is cancelled or times out. */
    public Enumerable<Object[]> scan(DataContext root) {
        Supplier<StopCondition> stop = StatementStops.of(root);
        return new AbstractEnumerable<>() {
            @Override
            public Enumerator<Object[]> enumerator() {
                return source.scan(spec, stop.get());
            }
        };
    }
}
