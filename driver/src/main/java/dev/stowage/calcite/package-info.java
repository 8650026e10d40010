/** Calcite integration: the system schema, macro-table scans and the type system. */
package dev.stowage.calcite;
