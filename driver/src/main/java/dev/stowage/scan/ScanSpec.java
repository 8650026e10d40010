package dev.stowage.scan;

import java.util.List;

/**
 * What a scan wants from each file.
 *
 * @param schema the columns the query was planned with, for formats read by name (Parquet, NDJSON); empty for
 *     positional formats. A file lacking a column or holding it with an incompatible type is an error naming the file.
 * @param outputs the values of each produced row, in order
 * @param predicates conditions every produced row will be filtered by; readers may skip data that cannot match
 */
public record ScanSpec(List<Column> schema, List<OutputColumn> outputs, List<ColumnPredicate> predicates) {
    public ScanSpec {
        schema = List.copyOf(schema);
        outputs = List.copyOf(outputs);
        predicates = List.copyOf(predicates);
    }
}
