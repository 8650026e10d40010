package dev.stowage.calcite;

import dev.stowage.scan.StopCondition;
import dev.stowage.table.TableAppender;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.Linq4j;

/**
 * What the code generated for a {@link TableInsert} calls: appends the rows and returns the count as the statement's
 * one row.
 *
 * @param appender writes the rows to the table
 * @param scalar whether each row arrives as a bare value rather than an array (an input of one column)
 */
public record InsertCall(TableAppender appender, boolean scalar) {
    /**
     * Appends {@code rows} and returns their count. The rows' enumerator is closed however the append ends, so a
     * failed insert stops the scan it reads from; the cancel flag and query timeout of {@code root}'s statement are
     * checked while the rows are written, and a stopped insert adds nothing.
     */
    public Enumerable<Long> append(Enumerable<?> rows, DataContext root) {
        StopCondition stop = StatementStops.of(root).get();
        try (Enumerator<?> source = rows.enumerator()) {
            Iterator<Object[]> arrays = new Iterator<>() {
                private Boolean ahead;

                @Override
                public boolean hasNext() {
                    if (ahead == null) {
                        ahead = source.moveNext();
                    }
                    return ahead;
                }

                @Override
                public Object[] next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    ahead = null;
                    Object row = source.current();
                    return scalar ? new Object[] {row} : (Object[]) row;
                }
            };
            return Linq4j.singletonEnumerable(appender.append(stop.guard(arrays)));
        }
    }
}
