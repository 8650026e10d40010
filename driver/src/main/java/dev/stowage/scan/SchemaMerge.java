package dev.stowage.scan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Merges the schemas of several files into one, as INFER_SCHEMA does: columns by name in first-seen order,
 * compatible types promoted (integers widen, integers with floating point become DOUBLE, DATE with TIMESTAMP becomes
 * TIMESTAMP), incompatible ones VARCHAR, and a column some file lacks nullable.
 */
public final class SchemaMerge {
    private static final List<SqlTypeName> INTEGERS = List.of(SqlTypeName.TINYINT, SqlTypeName.SMALLINT,
            SqlTypeName.INTEGER, SqlTypeName.BIGINT);

    private final Map<String, Column> columns = new LinkedHashMap<>();
    private final Map<String, Set<String>> files = new LinkedHashMap<>();
    private int schemas;

    /** Adds the schema of the file {@code fileName}. */
    public void add(String fileName, List<Column> schema) {
        Set<String> seen = new LinkedHashSet<>();
        for (Column column : schema) {
            seen.add(column.name());
            Column previous = columns.get(column.name());
            Column merged = previous == null
                    ? new Column(column.name(), column.type(), column.nullable() || schemas > 0)
                    : new Column(column.name(), merge(previous.type(), column.type()),
                            previous.nullable() || column.nullable());
            columns.put(column.name(), merged);
            files.computeIfAbsent(column.name(), name -> new LinkedHashSet<>()).add(fileName);
        }
        for (Map.Entry<String, Column> entry : columns.entrySet()) {
            if (!seen.contains(entry.getKey())) {
                Column column = entry.getValue();
                entry.setValue(new Column(column.name(), column.type(), true));
            }
        }
        schemas++;
    }

    /** Returns the merged columns, in first-seen order. */
    public List<Column> columns() {
        return new ArrayList<>(columns.values());
    }

    /** Returns the files holding column {@code name}, in the order they were added. */
    public List<String> files(String name) {
        return List.copyOf(files.getOrDefault(name, Set.of()));
    }

    /** Returns the type holding values of both {@code a} and {@code b}. */
    public static ColumnType merge(ColumnType a, ColumnType b) {
        if (a.equals(b)) {
            return a;
        }
        SqlTypeName x = a.typeName();
        SqlTypeName y = b.typeName();
        if (INTEGERS.contains(x) && INTEGERS.contains(y)) {
            return INTEGERS.indexOf(x) >= INTEGERS.indexOf(y) ? a : b;
        }
        if (isNumeric(x) && isNumeric(y)) {
            if (x == SqlTypeName.DECIMAL && y == SqlTypeName.DECIMAL) {
                int scale = Math.max(a.scale(), b.scale());
                int integerDigits = Math.max(a.precision() - a.scale(), b.precision() - b.scale());
                return integerDigits + scale <= 38 ? ColumnType.decimal(integerDigits + scale, scale) : ColumnType.DOUBLE;
            }
            return ColumnType.DOUBLE;
        }
        if (isDateTime(x) && isDateTime(y) && x != SqlTypeName.TIME && y != SqlTypeName.TIME) {
            return x == SqlTypeName.DATE ? b : a;
        }
        return ColumnType.VARCHAR;
    }

    private static boolean isNumeric(SqlTypeName type) {
        return INTEGERS.contains(type) || type == SqlTypeName.DECIMAL || type == SqlTypeName.REAL
                || type == SqlTypeName.DOUBLE;
    }

    private static boolean isDateTime(SqlTypeName type) {
        return type == SqlTypeName.DATE || type == SqlTypeName.TIME || type == SqlTypeName.TIMESTAMP
                || type == SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE;
    }
}
