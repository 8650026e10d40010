/**
 * Scanning staged files: the contract between format readers and the query engine. A {@link
 * dev.stowage.scan.FormatReader} turns one file into {@link dev.stowage.scan.ScanUnit}s that produce rows as the
 * {@link dev.stowage.scan.ScanSpec} asks; values use Calcite's internal representation (see {@link
 * dev.stowage.scan.ColumnType}).
 */
package dev.stowage.scan;
