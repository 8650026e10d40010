package dev.stowage.format.text;

import static dev.stowage.format.text.TextFiles.format;
import static dev.stowage.format.text.TextFiles.positional;
import static dev.stowage.format.text.TextFiles.read;
import static dev.stowage.format.text.TextFiles.row;
import static dev.stowage.format.text.TextFiles.text;
import static dev.stowage.format.text.TextFiles.unitCount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.error.ErrorCode;
import dev.stowage.error.StowageException;
import dev.stowage.scan.ColumnType;
import dev.stowage.scan.DeferredFailures;
import dev.stowage.scan.OutputColumn;
import dev.stowage.scan.ScanSpec;
import dev.stowage.scan.ScanUnit;
import dev.stowage.scan.ScanUnits;
import dev.stowage.scan.SourceFile;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CsvFormatReaderTest {
    @RegisterExtension
    final TextFiles files = new TextFiles();

    private List<List<Object>> csv(String content, int fields, String... options) throws IOException {
        SourceFile file = files.write("data/x.csv", content);
        return read(new CsvFormatReader(format("CSV", options)), file, positional(text(fields)));
    }

    @Test
    void fieldsArePositionalTextAndMissingFieldsAreNull() throws Exception {
        assertThat(csv("a,b,c\nd\ne,f,g,h\n", 3)).containsExactly(
                row("a", "b", "c"),
                row("d", null, null),
                row("e", "f", "g"));
    }

    @Test
    void onlyTheFieldsAskedForAreProduced() throws Exception {
        SourceFile file = files.write("x.csv", "1,2,3\n4,5,6\n");
        List<OutputColumn> outputs = List.of(new OutputColumn.Field(2, ColumnType.VARCHAR),
                new OutputColumn.Field(0, ColumnType.VARCHAR), new OutputColumn.Field(2, ColumnType.INTEGER));
        assertThat(read(new CsvFormatReader(format("CSV")), file, positional(outputs)))
                .containsExactly(row("3", "1", 3), row("6", "4", 6));
    }

    @Test
    void quotedFieldsHoldDelimitersQuotesAndNewlines() throws Exception {
        String content = "\"a,b\",\"say \"\"hi\"\"\",\"line1\nline2\"\n"
                + "\"crlf\r\ninside\",x\"y,\"\"\n";
        assertThat(csv(content, 3)).containsExactly(
                row("a,b", "say \"hi\"", "line1\nline2"),
                row("crlf\r\ninside", "x\"y", ""));
    }

    @Test
    void crLfAndLoneCrEndRecordsAndTheLastRecordNeedsNoNewline() throws Exception {
        assertThat(csv("a,1\r\nb,2\rc,3\nd,4", 2)).containsExactly(
                row("a", "1"), row("b", "2"), row("c", "3"), row("d", "4"));
    }

    @Test
    void emptyLinesAreNoRecords() throws Exception {
        SourceFile file = files.write("x.csv", "\na\n\n\r\nb\n\n");
        List<OutputColumn> outputs = List.of(new OutputColumn.Field(0, ColumnType.VARCHAR),
                new OutputColumn.FileRowNumber());
        assertThat(read(new CsvFormatReader(format("CSV")), file, positional(outputs)))
                .containsExactly(row("a", 0L), row("b", 1L));
    }

    @Test
    void anEmptyFileHasNoRowsAndNoColumns() throws Exception {
        SourceFile file = files.write("empty.csv", "");
        CsvFormatReader reader = new CsvFormatReader(format("CSV"));
        assertThat(read(reader, file, positional(text(2)))).isEmpty();
        assertThat(unitCount(reader, file, positional(text(2)))).isZero();
        assertThat(reader.schema(file, 100)).isEmpty();
    }

    @Test
    void multibyteUtf8TextIsDecodedAndAByteOrderMarkIsDropped() throws Exception {
        assertThat(csv("\uFEFFzürich,日本語\n\"emoji 😀\",ß\n", 2)).containsExactly(
                row("zürich", "日本語"), row("emoji 😀", "ß"));
    }

    @Test
    void invalidUtf8IsBadDataNamingFileAndLine() throws Exception {
        byte[] bytes = {'a', '\n', 'b', '\n', (byte) 0xC3, (byte) 0x28, '\n'};
        SourceFile file = files.write("bad.csv", bytes);
        assertThatThrownBy(() -> read(new CsvFormatReader(format("CSV")), file, positional(text(1))))
                .isInstanceOfSatisfying(StowageException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.BAD_DATA))
                .hasMessage("Invalid UTF-8 at line 3 of file bad.csv");
    }

    @Test
    void unquotedNullDisplayIsNullButQuotedItIsText() throws Exception {
        assertThat(csv("\\N,\"\\N\",x\n", 3)).containsExactly(row(null, "\\N", "x"));
        assertThat(csv("NULL,\"NULL\",\\N\n", 3, "null_display", "NULL")).containsExactly(row(null, "NULL", "\\N"));
    }

    @Test
    void emptyFieldAsDecidesWhatAnUnquotedEmptyFieldIs() throws Exception {
        String content = ",\"\",x\n";
        assertThat(csv(content, 3)).containsExactly(row(null, "", "x"));
        assertThat(csv(content, 3, "empty_field_as", "NULL")).containsExactly(row(null, "", "x"));
        assertThat(csv(content, 3, "empty_field_as", "STRING")).containsExactly(row("", "", "x"));
        // the default of a staged CSV column, which is nullable and has no DEFAULT clause, is NULL
        assertThat(csv(content, 3, "empty_field_as", "FIELD_DEFAULT")).containsExactly(row(null, "", "x"));
    }

    @Test
    void anEmptyStringFieldDoesNotCastToANumber() throws Exception {
        SourceFile file = files.write("x.csv", "1,\n");
        List<OutputColumn> outputs = List.of(new OutputColumn.Field(1, ColumnType.INTEGER));
        CsvFormatReader nullEmpty = new CsvFormatReader(format("CSV"));
        assertThat(read(nullEmpty, file, positional(outputs))).containsExactly(row((Object) null));
        CsvFormatReader stringEmpty = new CsvFormatReader(format("CSV", "empty_field_as", "STRING"));
        assertThatThrownBy(() -> read(stringEmpty, file, positional(outputs)))
                .hasMessage("Cannot cast '' of $2 to INTEGER at line 1 of file x.csv");
    }

    @Test
    void aDeferredFieldRecordsTheFailuresOfItsBatchInsteadOfRaisingThem() throws Exception {
        StringBuilder content = new StringBuilder("id,value\n");
        List<List<Object>> expected = new ArrayList<>();
        String longBad = "9".repeat(70) + "x";
        for (int i = 0; i < 3000; i++) {
            // a bad value now and then, among NULLs, empty and missing fields, a long one quoted in part
            String value = i % 500 == 7 ? "bad" + i : i == 2999 ? longBad : i % 11 == 0 ? "\\N" : i % 13 == 0 ? ""
                    : String.valueOf(i / 4.0);
            content.append(i);
            if (i % 17 != 0) {
                content.append(',').append(value);
            }
            content.append('\n');
            Object converted = i % 17 == 0 || i % 11 == 0 || i % 13 == 0 ? null : i / 4.0;
            if (i % 17 != 0 && (i % 500 == 7 || i == 2999)) {
                String quoted = value.length() > 64 ? value.substring(0, 64) + "..." : value;
                converted = "Cannot cast '" + quoted + "' of $2 to DOUBLE at line " + (i + 2) + " of file d.csv";
            }
            expected.add(row(i, converted));
        }
        SourceFile file = files.write("d.csv", content.toString());
        ScanSpec spec = positional(List.of(new OutputColumn.Field(0, ColumnType.INTEGER),
                new OutputColumn.Field(1, ColumnType.DOUBLE, true)));
        for (int blockSize : new int[] {1, 7, 4096, 1 << 20}) {
            CsvFormatReader reader = new CsvFormatReader(format("CSV", "skip_header", "1"), blockSize);
            List<List<Object>> rows = new ArrayList<>();
            try (ScanUnits units = reader.units(file, spec)) {
                ScanUnit unit;
                while ((unit = units.next()) != null) {
                    unit.readBatches(batch -> {
                        DeferredFailures failures = batch.failures(1);
                        for (int r = 0; r < batch.size(); r++) {
                            Object value = batch.vector(1).get(r);
                            try {
                                failures.check(new int[] {r}, 1);
                            } catch (StowageException e) {
                                assertThat(value).isNull();
                                assertThat(e.errorCode()).isEqualTo(ErrorCode.BAD_VALUE_FOR_CAST);
                                value = e.getMessage();
                            }
                            rows.add(row(batch.vector(0).get(r), value));
                        }
                        return true;
                    });
                }
            }
            assertThat(rows).as("block size %d", blockSize).isEqualTo(expected);
        }
        // rows have nowhere to carry such a failure: only batches read deferred fields
        assertThatThrownBy(() -> read(new CsvFormatReader(format("CSV")), file, spec))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void fieldDelimiterQuoteAndEscapeAreOptions() throws Exception {
        assertThat(csv("a|'b|c'|'it''s'\n", 3, "field_delimiter", "|", "quote", "'"))
                .containsExactly(row("a", "b|c", "it's"));
        assertThat(csv("`x,y`,z\n", 2, "quote", "`")).containsExactly(row("x,y", "z"));
        assertThat(csv("\"a\\\"b\",\"c\\\\d\",\"e\"\"f\",g\\h\n", 4, "escape", "\\"))
                .containsExactly(row("a\"b", "c\\d", "e\"f", "g\\h"));
    }

    @Test
    void aBackslashEscapeKeepsAQuotedNewlineAndDelimiter() throws Exception {
        assertThat(csv("\"a\\\nb\",\"c\\,\"\nnext,1\n", 2, "escape", "\\"))
                .containsExactly(row("a\nb", "c,"), row("next", "1"));
    }

    @Test
    void anotherRecordDelimiterEndsRecordsAndNewlinesAreData() throws Exception {
        assertThat(csv("a,b;c\nd,\"e;f\";g", 2, "record_delimiter", ";")).containsExactly(
                row("a", "b"), row("c\nd", "e;f"), row("g", null));
    }

    @Test
    void crLfRecordDelimiterMeansAnyNewline() throws Exception {
        assertThat(csv("a\r\nb\nc\r", 1, "record_delimiter", "\r\n")).containsExactly(row("a"), row("b"), row("c"));
    }

    @Test
    void skipHeaderSkipsRecordsBeforeTheyAreConverted() throws Exception {
        SourceFile file = files.write("h.csv", "id,\"multi\nline header\"\nunits,x\n1,a\n2,b\n");
        List<OutputColumn> outputs = List.of(new OutputColumn.Field(0, ColumnType.INTEGER),
                new OutputColumn.Field(1, ColumnType.VARCHAR), new OutputColumn.FileRowNumber());
        CsvFormatReader reader = new CsvFormatReader(format("CSV", "skip_header", "2"), 4);
        assertThat(read(reader, file, positional(outputs))).containsExactly(row(1, "a", 0L), row(2, "b", 1L));
    }

    @Test
    void recordsMayHaveAnyNumberOfFieldsAsDatabendQueriesDoNotCheck() throws Exception {
        assertThat(csv("a,b\nc\nd,e,f\n", 2, "error_on_column_count_mismatch", "true"))
                .containsExactly(row("a", "b"), row("c", null), row("d", "e"));
    }

    @Test
    void metadataColumnsNameTheFileAndNumberItsRecords() throws Exception {
        SourceFile file = files.write("dir/m.csv", "h\na\n\nb\nc\n");
        List<OutputColumn> outputs = List.of(new OutputColumn.FileName(), new OutputColumn.FileRowNumber(),
                new OutputColumn.Field(0, ColumnType.VARCHAR));
        CsvFormatReader reader = new CsvFormatReader(format("CSV", "skip_header", "1"), 2);
        assertThat(read(reader, file, positional(outputs))).containsExactly(
                row("dir/m.csv", 0L, "a"), row("dir/m.csv", 1L, "b"), row("dir/m.csv", 2L, "c"));
    }

    @Test
    void castsConvertWhileDecoding() throws Exception {
        SourceFile file = files.write("t.csv",
                " 42 ,-9000000000,2.5e3,12.345,TRUE,2024-02-29,2024-02-29 13:45:06.789,7\n"
                + "-1,0,nan,-0.005,false,1970-1-1,2024-02-29T13:45:06+02:00,-32768\n");
        List<OutputColumn> outputs = List.of(new OutputColumn.Field(0, ColumnType.INTEGER),
                new OutputColumn.Field(1, ColumnType.BIGINT), new OutputColumn.Field(2, ColumnType.DOUBLE),
                new OutputColumn.Field(3, ColumnType.decimal(5, 2)), new OutputColumn.Field(4, ColumnType.BOOLEAN),
                new OutputColumn.Field(5, ColumnType.DATE), new OutputColumn.Field(6, ColumnType.TIMESTAMP),
                new OutputColumn.Field(7, ColumnType.SMALLINT));
        long day = LocalDate.of(2024, 2, 29).toEpochDay();
        long local = LocalDateTime.of(2024, 2, 29, 13, 45, 6, 789_000_000).toInstant(ZoneOffset.UTC).toEpochMilli();
        long offset = LocalDateTime.of(2024, 2, 29, 11, 45, 6).toInstant(ZoneOffset.UTC).toEpochMilli();
        assertThat(read(new CsvFormatReader(format("CSV")), file, positional(outputs))).containsExactly(
                row(42, -9_000_000_000L, 2500.0, new BigDecimal("12.35"), true, (int) day, local, (short) 7),
                row(-1, 0L, Double.NaN, new BigDecimal("-0.01"), false, 0, offset, (short) -32768));
    }

    @Test
    void nanDisplayIsNotANumberForFloatingPointCasts() throws Exception {
        SourceFile file = files.write("n.csv", "null,NaN,nan,1\n");
        List<OutputColumn> outputs = List.of(new OutputColumn.Field(0, ColumnType.DOUBLE),
                new OutputColumn.Field(1, ColumnType.DOUBLE), new OutputColumn.Field(2, ColumnType.DOUBLE),
                new OutputColumn.Field(0, ColumnType.VARCHAR));
        assertThat(read(new CsvFormatReader(format("CSV", "nan_display", "null")), file, positional(outputs)))
                .containsExactly(row(Double.NaN, Double.NaN, Double.NaN, "null"));
        assertThatThrownBy(() -> read(new CsvFormatReader(format("CSV")), file, positional(outputs)))
                .hasMessage("Cannot cast 'null' of $1 to DOUBLE at line 1 of file n.csv");
    }

    @Test
    void aValueThatDoesNotCastNamesFileLineFieldAndValue() throws Exception {
        StringBuilder content = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            content.append(i).append(",\"quoted\nnewline\"\n");
        }
        content.append("oops,x\n");
        SourceFile file = files.write("c/bad.csv", content.toString());
        List<OutputColumn> outputs = List.of(new OutputColumn.Field(0, ColumnType.INTEGER));
        CsvFormatReader reader = new CsvFormatReader(format("CSV"), 64);
        assertThatThrownBy(() -> read(reader, file, positional(outputs)))
                .isInstanceOfSatisfying(StowageException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.BAD_VALUE_FOR_CAST))
                .hasMessage("Cannot cast 'oops' of $1 to INTEGER at line 201 of file c/bad.csv");
    }

    @Test
    void outOfRangeAndLongValuesAreReportedTruncated() throws Exception {
        SourceFile file = files.write("r.csv", "1,70000\n");
        assertThatThrownBy(() -> read(new CsvFormatReader(format("CSV")), file,
                positional(List.of(new OutputColumn.Field(1, ColumnType.SMALLINT)))))
                .hasMessage("Cannot cast '70000' of $2 to SMALLINT (out of range) at line 1 of file r.csv");
        String longText = "x".repeat(100);
        SourceFile other = files.write("l.csv", longText + "\n");
        assertThatThrownBy(() -> read(new CsvFormatReader(format("CSV")), other,
                positional(List.of(new OutputColumn.Field(0, ColumnType.DOUBLE)))))
                .hasMessage("Cannot cast '" + "x".repeat(64) + "...' of $1 to DOUBLE at line 1 of file l.csv");
    }

    @Test
    void textAfterAClosingQuoteIsBadData() throws Exception {
        for (String escape : List.of("", "\\")) {
            SourceFile file = files.write("q.csv", "a,b\n\"c\"d,e\n");
            CsvFormatReader reader = new CsvFormatReader(format("CSV", "escape", escape));
            assertThatThrownBy(() -> read(reader, file, positional(text(2))))
                    .isInstanceOfSatisfying(StowageException.class,
                            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.BAD_DATA))
                    .hasMessageStartingWith("Invalid CSV in the record starting at line 2 of file q.csv:")
                    .hasMessageContaining("after closing quote");
        }
    }

    @Test
    void anUnclosedQuoteIsBadDataNamingTheRecordsLine() throws Exception {
        for (String escape : List.of("", "\\")) {
            SourceFile file = files.write("u.csv", "a\nb\n\"c\nd\ne\n");
            CsvFormatReader reader = new CsvFormatReader(format("CSV", "escape", escape), 2);
            assertThatThrownBy(() -> read(reader, file, positional(text(1))))
                    .isInstanceOfSatisfying(StowageException.class,
                            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.BAD_DATA))
                    .hasMessage("Unclosed quote in the record starting at line 3 of file u.csv");
        }
    }

    @Test
    void blocksAreCutAtRecordEndsOutsideQuotes() throws Exception {
        StringBuilder content = new StringBuilder();
        List<List<Object>> expected = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String quoted = "v" + i + ",\"\"\r\n" + "x".repeat(i % 7) + "\n";
            content.append(i).append(",\"").append(quoted.replace("\"", "\"\"")).append("\"\r\n");
            expected.add(row(String.valueOf(i), quoted, (long) i));
        }
        SourceFile file = files.write("b.csv", content.toString());
        List<OutputColumn> outputs = List.of(new OutputColumn.Field(0, ColumnType.VARCHAR),
                new OutputColumn.Field(1, ColumnType.VARCHAR), new OutputColumn.FileRowNumber());
        for (int blockSize : new int[] {1, 2, 3, 5, 8, 13, 40, 100, 1 << 20}) {
            CsvFormatReader reader = new CsvFormatReader(format("CSV"), blockSize);
            assertThat(read(reader, file, positional(outputs))).as("block size %d", blockSize)
                    .isEqualTo(expected);
            int units = unitCount(reader, file, positional(outputs));
            if (blockSize < 40) {
                assertThat(units).as("block size %d", blockSize).isEqualTo(50);
            } else if (blockSize == 1 << 20) {
                assertThat(units).isEqualTo(1);
            } else {
                assertThat(units).as("block size %d", blockSize).isBetween(2, 49);
            }
        }
    }

    @Test
    void aSinkThatDeclinesStopsTheUnit() throws Exception {
        StringBuilder content = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            content.append(i).append('\n');
        }
        SourceFile file = files.write("many.csv", content.toString());
        CsvFormatReader reader = new CsvFormatReader(format("CSV"));
        AtomicInteger accepted = new AtomicInteger();
        try (ScanUnits units = reader.units(file, positional(text(1)))) {
            units.next().read(row -> accepted.incrementAndGet() < 3);
        }
        assertThat(accepted).hasValue(3);
    }

    @Test
    void anInterruptedReadStops() throws Exception {
        StringBuilder content = new StringBuilder();
        for (int i = 0; i < 5_000; i++) {
            content.append(i).append('\n');
        }
        SourceFile file = files.write("i.csv", content.toString());
        CsvFormatReader reader = new CsvFormatReader(format("CSV"));
        AtomicInteger accepted = new AtomicInteger();
        try (ScanUnits units = reader.units(file, positional(text(1)))) {
            ScanUnit unit = units.next();
            Thread.currentThread().interrupt();
            assertThatThrownBy(() -> unit.read(row -> accepted.incrementAndGet() > 0))
                    .isInstanceOf(InterruptedIOException.class);
        } finally {
            Thread.interrupted();
        }
        assertThat(accepted.get()).isLessThan(5_000);
    }

    @Test
    void unitsAreMadeLazilyOneBlockAtATime() throws Exception {
        SourceFile file = files.write("lazy.csv", "a\nb\nc\n");
        CsvFormatReader reader = new CsvFormatReader(format("CSV"), 1);
        ScanSpec spec = positional(text(1));
        try (ScanUnits units = reader.units(file, spec)) {
            ScanUnit first = units.next();
            ScanUnit second = units.next();
            List<Object> seen = new ArrayList<>();
            second.read(row -> seen.add(row[0]));
            first.read(row -> seen.add(row[0]));
            assertThat(seen).containsExactly("b", "a");
            assertThat(units.next()).isNotNull();
            assertThat(units.next()).isNull();
        }
    }

    @Test
    void delimitersThatClashAreRejected() {
        assertThatThrownBy(() -> new CsvFormatReader(format("CSV", "field_delimiter", "\"")))
                .isInstanceOfSatisfying(StowageException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.ILLEGAL_FILE_FORMAT));
    }
}
