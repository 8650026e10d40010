package dev.stowage.calcite;

import dev.stowage.scan.ColumnType;
import dev.stowage.scan.OutputColumn;

/**
 * A column of a staged-file table: its name and type as the query sees them, and what the reader produces for it.
 *
 * @param name the column name ({@code $1}, a file column's name, {@code METADATA$FILENAME})
 * @param type its SQL type
 * @param nullable whether it may be NULL
 * @param output what the reader produces for it
 */
record TableColumn(String name, ColumnType type, boolean nullable, OutputColumn output) {
}
