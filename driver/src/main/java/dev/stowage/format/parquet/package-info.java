/**
 * The Parquet reader: {@link dev.stowage.format.parquet.ParquetFormatReader} reads Parquet files from any
 * {@link dev.stowage.fileio.FileIO} with parquet-java's non-Hadoop API, one scan unit per row group. Flat columns are
 * decoded a column at a time straight from their pages; lists, maps and structs are assembled by parquet-java into
 * JSON text.
 */
package dev.stowage.format.parquet;
