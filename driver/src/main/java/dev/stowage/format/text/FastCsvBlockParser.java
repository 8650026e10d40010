package dev.stowage.format.text;

import de.siegmar.fastcsv.reader.CommentStrategy;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import dev.stowage.error.ErrorCode;
import dev.stowage.error.StowageException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.function.Supplier;

/**
 * Parses CSV with FastCSV's strict RFC 4180 parser: newline record ends (CR, LF, CRLF), quotes escaped by doubling,
 * quoted fields may span lines, text after a closing quote is an error, empty lines are skipped and records may have
 * any number of fields.
 */
final class FastCsvBlockParser implements BlockParser {
    private final char fieldDelimiter;
    private final char quote;
    private final Supplier<RecordScanner> scanners;

    FastCsvBlockParser(DelimitedOptions options) {
        this.fieldDelimiter = options.fieldDelimiter();
        this.quote = options.quote();
        this.scanners = options::newScanner;
    }

    @Override
    public boolean parse(TextBlock block, FieldReceiver receiver) throws IOException {
        CsvReader<Object> reader = CsvReader.builder()
                .fieldSeparator(fieldDelimiter)
                .quoteCharacter(quote)
                .commentStrategy(CommentStrategy.NONE)
                .skipEmptyLines(true)
                .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
                .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                .allowExtraCharsAfterClosingQuote(false)
                .allowUnclosedQuote(false)
                .detectBomHeader(false)
                .maxBufferSize(2 * RecordBlocks.MAX_RECORD_BYTES)
                .build(new FastCsvFieldHandler(receiver, block.firstLine()),
                        new Utf8Reader(block, receiver.fileName(), scanners));
        try (reader) {
            Iterator<Object> records = reader.iterator();
            while (records.hasNext()) {
                records.next();
                if (!receiver.endRecord()) {
                    return false;
                }
            }
            return true;
        } catch (CsvParseException e) {
            // FastCSV wraps what the receiver and the reader throw
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw new StowageException(ErrorCode.BAD_DATA, e, "Invalid CSV in the record starting at line %d of"
                    + " file %s: %s", receiver.line(), receiver.fileName(), e.getMessage());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
