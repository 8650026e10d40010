package dev.stowage.calcite;

import dev.stowage.scan.StopCondition;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.apache.calcite.DataContext;

/** The cancel flag and query timeout of the statement running a query, as the tables reading rows check them. */
final class StatementStops {
    private StatementStops() {
    }

    /** Returns a supplier of the statement's stop condition; its timeout counts from each call. */
    static Supplier<StopCondition> of(DataContext root) {
        AtomicBoolean cancelled = DataContext.Variable.CANCEL_FLAG.get(root);
        Long timeoutMillis = DataContext.Variable.TIMEOUT.get(root);
        return () -> StopCondition.of(cancelled, timeoutMillis);
    }
}
