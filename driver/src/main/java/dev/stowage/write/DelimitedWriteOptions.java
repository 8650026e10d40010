package dev.stowage.write;

import dev.stowage.error.ErrorCode;
import dev.stowage.error.StowageException;
import dev.stowage.format.FileFormat;
import dev.stowage.format.FileFormatType;

/**
 * The options of a CSV or TSV format, as the writer uses them.
 *
 * @param tsv whether the format is TSV: no quoting, backslash escapes, booleans as {@code 1}/{@code 0}
 * @param fieldDelimiter the field delimiter
 * @param recordDelimiter what ends each record: one character or {@code \r\n}
 * @param quote the quote character (CSV only)
 * @param escape whether a backslash inside quotes is an escape, so that backslashes are doubled (CSV only)
 * @param nullDisplay the text of NULL
 * @param nanDisplay the text of NaN
 * @param base64 whether binary values are Base64 rather than hex (CSV only)
 * @param outputHeader whether the file starts with a record of the column names
 */
record DelimitedWriteOptions(boolean tsv, char fieldDelimiter, String recordDelimiter, char quote, boolean escape,
        String nullDisplay, String nanDisplay, boolean base64, boolean outputHeader) {
    /**
     * Returns the options of {@code format}, a CSV or TSV format, with Databend's defaults for options it lacks.
     *
     * @throws StowageException {@link ErrorCode#ILLEGAL_FILE_FORMAT} for delimiters or quotes that are not one
     *     ASCII character (or {@code \r\n} for the record delimiter)
     */
    static DelimitedWriteOptions of(FileFormat format) {
        boolean tsv = format.type() == FileFormatType.TSV;
        if (!tsv && format.type() != FileFormatType.CSV) {
            throw new IllegalArgumentException("not a CSV or TSV format: " + format.type());
        }
        String record = format.option("record_delimiter", "\n");
        if (!record.equals("\r\n")) {
            format.asciiOption("record_delimiter", "\n");
        }
        return new DelimitedWriteOptions(tsv,
                format.asciiOption("field_delimiter", tsv ? "\t" : ","),
                record,
                tsv ? '\0' : format.asciiOption("quote", "\""),
                !tsv && format.option("escape", "").equals("\\"),
                format.option("null_display", "\\N"),
                format.option("nan_display", tsv ? "nan" : "NaN"),
                !tsv && format.option("binary_format", "HEX").equalsIgnoreCase("BASE64"),
                format.option("output_header", "false").equalsIgnoreCase("true"));
    }
}
