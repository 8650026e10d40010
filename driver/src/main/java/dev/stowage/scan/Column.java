package dev.stowage.scan;

/**
 * A column of a file's schema.
 *
 * @param name the column name as the file spells it
 * @param type its SQL type
 * @param nullable whether it may hold NULL
 */
public record Column(String name, ColumnType type, boolean nullable) {
}
