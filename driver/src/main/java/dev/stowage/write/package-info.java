/**
 * Writers of the file formats that {@code INSERT} and {@code COPY INTO <location>} produce:
 * {@link dev.stowage.write.FormatWriters} opens a {@link dev.stowage.write.RowFileWriter} that streams rows in
 * Calcite's internal representation to an {@link java.io.OutputStream} as Parquet, CSV, TSV or NDJSON, formatted as
 * Databend formats them, so that the driver's readers and Databend read the files back with the same values.
 */
package dev.stowage.write;
