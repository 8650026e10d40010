package dev.stowage.format.text;

import dev.stowage.error.ErrorCode;
import dev.stowage.error.StowageException;
import dev.stowage.format.FileFormat;
import dev.stowage.format.FileFormatType;
import java.util.Locale;

/**
 * The options of a CSV or TSV format, as the readers use them.
 *
 * @param tsv whether the format is TSV: no quoting, backslash escapes anywhere, {@code \N} for NULL
 * @param fieldDelimiter the field delimiter (ASCII)
 * @param recordDelimiter the record delimiter (ASCII), or {@link #NEWLINE} when CR, LF and CRLF all end a record
 * @param quote the quote character (CSV only)
 * @param escape whether a backslash escapes the next character (inside quotes for CSV, anywhere for TSV)
 * @param skipHeader how many records at the start of each file are skipped
 * @param nullDisplay the unquoted field text that is NULL
 * @param emptyField what an unquoted empty field is
 * @param nanDisplay the text that is NaN for floating-point types (besides {@code nan} in any case)
 * @param base64 whether binary values are Base64 rather than hex
 * @param compression the {@code COMPRESSION} option
 */
record DelimitedOptions(boolean tsv, char fieldDelimiter, char recordDelimiter, char quote, boolean escape,
        long skipHeader, String nullDisplay, ValueFallback emptyField, String nanDisplay, boolean base64,
        String compression) {
    /** The record delimiter meaning CR, LF or CRLF: Databend's {@code '\n'} and {@code '\r\n'}. */
    static final char NEWLINE = '\n';

    /**
     * Returns the options of {@code format}, a CSV or TSV format.
     *
     * @throws StowageException {@link ErrorCode#ILLEGAL_FILE_FORMAT} for delimiters this reader cannot use
     */
    static DelimitedOptions of(FileFormat format) {
        boolean tsv = format.type() == FileFormatType.TSV;
        if (!tsv && format.type() != FileFormatType.CSV) {
            throw new IllegalArgumentException("not a CSV or TSV format: " + format.type());
        }
        char field = format.asciiOption("field_delimiter", tsv ? "\t" : ",");
        String record = format.option("record_delimiter", "\n");
        char recordDelimiter = record.equals("\r\n") ? NEWLINE : format.asciiOption("record_delimiter", "\n");
        char quote = tsv ? '\0' : format.asciiOption("quote", "\"");
        boolean newlines = recordDelimiter == NEWLINE;
        boolean clash = field == recordDelimiter || (newlines && field == '\r');
        if (!tsv) {
            clash |= field == quote || recordDelimiter == quote || (newlines && quote == '\r');
        }
        if (clash) {
            throw new StowageException(ErrorCode.ILLEGAL_FILE_FORMAT, "Invalid %s format: FIELD_DELIMITER,"
                    + " RECORD_DELIMITER and QUOTE must differ from each other", format.type());
        }
        return new DelimitedOptions(tsv, field, recordDelimiter, quote,
                format.option("escape", tsv ? "\\" : "").equals("\\"),
                format.skipHeader(),
                format.option("null_display", "\\N"),
                // TSV before Databend 2026 has no EMPTY_FIELD_AS: its empty field is the empty string
                ValueFallback.of(format.option("empty_field_as"), tsv ? ValueFallback.STRING : ValueFallback.NULL),
                format.option("nan_display", tsv ? "nan" : "NaN"),
                format.option("binary_format", "HEX").toUpperCase(Locale.ROOT).equals("BASE64"),
                format.option("compression", "NONE"));
    }

    /** Returns whether CR, LF and CRLF end records. */
    boolean newlineRecords() {
        return recordDelimiter == NEWLINE;
    }

    /**
     * Returns whether FastCSV parses this format: CSV with newline records and quotes escaped by doubling. TSV,
     * backslash escapes and other record delimiters need {@link DelimitedTextParser}.
     */
    boolean parsedByFastCsv() {
        return !tsv && !escape && newlineRecords();
    }

    /** Returns a new scanner of this format's record ends. */
    RecordScanner newScanner() {
        return tsv ? new LineRecordScanner(escape, recordDelimiter, false) : new CsvRecordScanner(this);
    }

    /** Returns a new parser of this format's blocks. */
    BlockParser newParser() {
        return parsedByFastCsv() ? new FastCsvBlockParser(this) : new DelimitedTextParser(this);
    }
}
