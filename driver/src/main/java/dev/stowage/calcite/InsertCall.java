package dev.stowage.calcite;

import dev.stowage.table.TableAppender;
import java.util.Iterator;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;

/**
 * What the code generated for a {@link TableInsert} calls: appends the rows and returns the count as the statement's
 * one row.
 *
 * @param appender writes the rows to the table
 * @param scalar whether each row arrives as a bare value rather than an array (an input of one column)
 */
public record InsertCall(TableAppender appender, boolean scalar) {
    /** Appends {@code rows} and returns their count. */
    public Enumerable<Long> append(Enumerable<?> rows) {
        Iterator<?> source = rows.iterator();
        Iterator<Object[]> arrays = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return source.hasNext();
            }

            @Override
            public Object[] next() {
                Object row = source.next();
                return scalar ? new Object[] {row} : (Object[]) row;
            }
        };
        return Linq4j.singletonEnumerable(appender.append(arrays));
    }
}
