/**
 * Readers of the text formats: {@link dev.stowage.format.text.CsvFormatReader} (CSV and TSV) and
 * {@link dev.stowage.format.text.NdjsonFormatReader}. A file is decompressed if need be, cut into blocks of whole
 * records that are decoded concurrently, and its fields are converted with SQL CAST semantics while they are decoded.
 */
package dev.stowage.format.text;
