package dev.stowage.format.text;

import static dev.stowage.format.text.TextFiles.format;
import static dev.stowage.format.text.TextFiles.read;
import static dev.stowage.format.text.TextFiles.row;
import static dev.stowage.format.text.TextFiles.unitCount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.error.ErrorCode;
import dev.stowage.error.StowageException;
import dev.stowage.scan.Column;
import dev.stowage.scan.ColumnType;
import dev.stowage.scan.OutputColumn;
import dev.stowage.scan.ScanSpec;
import dev.stowage.scan.ScanUnit;
import dev.stowage.scan.ScanUnits;
import dev.stowage.scan.SourceFile;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class NdjsonFormatReaderTest {
    private static final ScanSpec WHOLE_ROW = new ScanSpec(List.of(), List.of(new OutputColumn.WholeRow()), List.of());

    @RegisterExtension
    final TextFiles files = new TextFiles();

    private static NdjsonFormatReader reader(String... options) {
        return new NdjsonFormatReader(format("NDJSON", options));
    }

    /** Returns a spec reading {@code columns} by name, each as its own type. */
    private static ScanSpec byName(Column... columns) {
        List<OutputColumn> outputs = new ArrayList<>();
        for (int i = 0; i < columns.length; i++) {
            outputs.add(new OutputColumn.Field(i, columns[i].type()));
        }
        return new ScanSpec(List.of(columns), outputs, List.of());
    }

    @Test
    void theWholeRowIsTheObjectAsCompactJson() throws Exception {
        SourceFile file = files.write("w.ndjson", "{ \"a\" : 1, \"b\" : [1, 2.50, \"x\"],\n"
                .replace("\n", "") + " \"c\": {\"d\": null, \"e\": true}, \"f\": \"\\u00e9\\n\" }\n{}\n");
        assertThat(read(reader(), file, WHOLE_ROW)).containsExactly(
                row("{\"a\":1,\"b\":[1,2.50,\"x\"],\"c\":{\"d\":null,\"e\":true},\"f\":\"é\\n\"}"),
                row("{}"));
    }

    @Test
    void fieldsAreReadByNameAndConverted() throws Exception {
        SourceFile file = files.write("f.ndjson", "{\"id\": 1, \"price\": 2.5, \"ok\": true, \"name\": \"ä\","
                + " \"tags\": [\"x\", {\"y\": 1}], \"extra\": {\"skip\": [1]}}\n"
                + "{\"name\": \"b\", \"id\": 2, \"price\": 3, \"ok\": false, \"tags\": {}}\n");
        ScanSpec spec = byName(new Column("id", ColumnType.BIGINT, false),
                new Column("price", ColumnType.DOUBLE, false),
                new Column("ok", ColumnType.BOOLEAN, false), new Column("name", ColumnType.VARCHAR, false),
                new Column("tags", ColumnType.VARCHAR, false));
        assertThat(read(reader(), file, spec)).containsExactly(
                row(1L, 2.5, true, "ä", "[\"x\",{\"y\":1}]"),
                row(2L, 3.0, false, "b", "{}"));
    }

    @Test
    void fieldsAndTheWholeRowAreReadTogether() throws Exception {
        SourceFile file = files.write("t.ndjson", "{\"n\": {\"deep\": [1, 2]}, \"v\": 7}\n");
        ScanSpec spec = new ScanSpec(List.of(new Column("n", ColumnType.VARCHAR, true),
                new Column("v", ColumnType.INTEGER, true)),
                List.of(new OutputColumn.Field(0, ColumnType.VARCHAR), new OutputColumn.WholeRow(),
                        new OutputColumn.Field(1, ColumnType.INTEGER), new OutputColumn.Field(1, ColumnType.VARCHAR)),
                List.of());
        assertThat(read(reader(), file, spec))
                .containsExactly(row("{\"deep\":[1,2]}", "{\"n\":{\"deep\":[1,2]},\"v\":7}", 7, "7"));
    }

    @Test
    void aKeySpelledTheSameWinsOverOneThatDiffersInCase() throws Exception {
        SourceFile file = files.write("c.ndjson", "{\"NAME\": \"upper\"}\n{\"name\": \"lower\", \"Name\": \"exact\"}\n"
                + "{\"Name\": \"exact\", \"name\": \"lower\"}\n");
        assertThat(read(reader(), file, byName(new Column("Name", ColumnType.VARCHAR, true))))
                .containsExactly(row("upper"), row("exact"), row("exact"));
    }

    @Test
    void aMissingKeyIsAnErrorByDefault() throws Exception {
        SourceFile file = files.write("m.ndjson", "{\"a\": 1, \"b\": 2}\n\n{\"a\": 3}\n");
        ScanSpec spec = byName(new Column("a", ColumnType.BIGINT, false), new Column("b", ColumnType.BIGINT, true));
        assertThatThrownBy(() -> read(reader(), file, spec))
                .isInstanceOfSatisfying(StowageException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.BAD_DATA))
                .hasMessage("Field b is missing at line 3 of file m.ndjson (MISSING_FIELD_AS = ERROR)");
        assertThat(read(reader("missing_field_as", "NULL"), file, spec)).containsExactly(row(1L, 2L), row(3L, null));
        assertThat(read(reader("missing_field_as", "FIELD_DEFAULT"), file, spec))
                .containsExactly(row(1L, 2L), row(3L, null));
    }

    @Test
    void theDefaultOfANotNullColumnIsItsTypesZero() throws Exception {
        SourceFile file = files.write("d.ndjson", "{\"a\": 1, \"s\": \"x\", \"f\": true}\n{\"a\": null}\n");
        ScanSpec spec = byName(new Column("a", ColumnType.BIGINT, false), new Column("s", ColumnType.VARCHAR, false),
                new Column("f", ColumnType.BOOLEAN, false));
        assertThat(read(reader("missing_field_as", "FIELD_DEFAULT", "null_field_as", "FIELD_DEFAULT"), file, spec))
                .containsExactly(row(1L, "x", true), row(0L, "", false));
    }

    @Test
    void nullIsNullOrTheColumnsDefault() throws Exception {
        SourceFile file = files.write("n.ndjson", "{\"a\": null, \"b\": null}\n");
        ScanSpec spec = byName(new Column("a", ColumnType.BIGINT, true), new Column("b", ColumnType.DOUBLE, false));
        assertThat(read(reader("null_field_as", "FIELD_DEFAULT"), file, spec)).containsExactly(row(null, 0.0));
        assertThatThrownBy(() -> read(reader(), file, spec))
                .isInstanceOfSatisfying(StowageException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.BAD_DATA))
                .hasMessage("Field b is null at line 1 of file n.ndjson, but its column is NOT NULL: the records the"
                        + " schema was inferred from all have a value (NULL_FIELD_AS = FIELD_DEFAULT reads the type's"
                        + " zero value)");
    }

    @Test
    void aValueThatDoesNotConvertNamesFileLineFieldAndValue() throws Exception {
        SourceFile file = files.write("v.ndjson", "{\"n\": 1}\n{\"n\": \"12\"}\n{\"n\": 1.5}\n");
        ScanSpec spec = byName(new Column("n", ColumnType.BIGINT, true));
        assertThatThrownBy(() -> read(reader(), file, spec))
                .isInstanceOfSatisfying(StowageException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.BAD_VALUE_FOR_CAST))
                .hasMessage("Cannot cast '1.5' of field n to BIGINT at line 3 of file v.ndjson");
        SourceFile nested = files.write("o.ndjson", "{\"n\": [1]}\n");
        assertThatThrownBy(() -> read(reader(), nested, spec))
                .hasMessage("Cannot cast '[1]' of field n to BIGINT (a JSON array) at line 1 of file o.ndjson");
    }

    @Test
    void aLineThatIsNotOneObjectIsBadData() throws Exception {
        List<String> lines = List.of("{\"a\": 1", "[1, 2]", "{\"a\": 1} {\"a\": 2}", "{a: 1}", "\"text\"");
        List<String> messages = List.of(
                "Invalid JSON at line 2 of file bad.ndjson: Unexpected end-of-input: expected close marker for Object",
                "Invalid JSON at line 2 of file bad.ndjson: expected an object, found an array",
                "Invalid JSON at line 2 of file bad.ndjson: more than one value on the line",
                "Invalid JSON at line 2 of file bad.ndjson: Unexpected character ('a' (code 97)): was expecting"
                        + " double-quote to start field name",
                "Invalid JSON at line 2 of file bad.ndjson: expected an object, found a string");
        for (int i = 0; i < lines.size(); i++) {
            SourceFile file = files.write("bad.ndjson", "{\"a\": 0}\n" + lines.get(i) + "\n");
            int index = i;
            assertThatThrownBy(() -> read(reader(), file, WHOLE_ROW))
                    .isInstanceOfSatisfying(StowageException.class,
                            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.BAD_DATA))
                    .satisfies(e -> assertThat(e.getMessage()).startsWith(messages.get(index)));
        }
    }

    @Test
    void blankLinesCrLfAndAMissingLastNewlineAreAccepted() throws Exception {
        SourceFile file = files.write("dir/b.ndjson", "\r\n{\"a\":1}\r\n  \t\n\n{\"a\":2}\r{\"a\":3}");
        ScanSpec spec = new ScanSpec(List.of(new Column("a", ColumnType.BIGINT, false)),
                List.of(new OutputColumn.Field(0, ColumnType.BIGINT), new OutputColumn.FileName(),
                        new OutputColumn.FileRowNumber()), List.of());
        assertThat(read(reader(), file, spec)).containsExactly(
                row(1L, "dir/b.ndjson", 0L), row(2L, "dir/b.ndjson", 1L), row(3L, "dir/b.ndjson", 2L));
    }

    @Test
    void multibyteTextAndAByteOrderMarkAreRead() throws Exception {
        SourceFile file = files.write("u.ndjson", "\uFEFF{\"k\": \"日本語 😀\"}\n");
        assertThat(read(reader(), file, byName(new Column("k", ColumnType.VARCHAR, false))))
                .containsExactly(row("日本語 😀"));
    }

    @Test
    void anEmptyFileHasNoRowsAndNoColumns() throws Exception {
        SourceFile file = files.write("e.ndjson", "");
        assertThat(read(reader(), file, WHOLE_ROW)).isEmpty();
        assertThat(reader().schema(file, 10)).isEmpty();
        SourceFile blank = files.write("blank.ndjson", "\n \n");
        assertThat(read(reader(), blank, WHOLE_ROW)).isEmpty();
    }

    @Test
    void smallBlocksReadTheSameRowsInManyUnits() throws Exception {
        StringBuilder text = new StringBuilder();
        List<List<Object>> expected = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            text.append("{\"i\":").append(i).append("}").append(i % 3 == 0 ? "\r\n" : "\n");
            if (i % 10 == 0) {
                text.append(i % 20 == 0 ? "\n" : "  \t \r\n");
            }
            expected.add(row((long) i, (long) i));
        }
        SourceFile file = files.write("s.ndjson", text.toString());
        ScanSpec spec = new ScanSpec(List.of(new Column("i", ColumnType.BIGINT, false)),
                List.of(new OutputColumn.Field(0, ColumnType.BIGINT), new OutputColumn.FileRowNumber()), List.of());
        NdjsonFormatReader small = new NdjsonFormatReader(format("NDJSON"), 30);
        assertThat(read(small, file, spec)).isEqualTo(expected);
        assertThat(unitCount(small, file, spec)).isGreaterThan(20);
    }

    @Test
    void aSinkThatDeclinesStopsAndAnInterruptedReadFails() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 5_000; i++) {
            text.append("{\"i\":").append(i).append("}\n");
        }
        SourceFile file = files.write("l.ndjson", text.toString());
        AtomicInteger accepted = new AtomicInteger();
        try (ScanUnits units = reader().units(file, WHOLE_ROW)) {
            units.next().read(row -> accepted.incrementAndGet() < 2);
        }
        assertThat(accepted).hasValue(2);
        try (ScanUnits units = reader().units(file, WHOLE_ROW)) {
            ScanUnit unit = units.next();
            Thread.currentThread().interrupt();
            assertThatThrownBy(() -> unit.read(row -> true)).isInstanceOf(InterruptedIOException.class);
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void theSchemaListsKeysInFirstSeenOrderWithMergedTypes() throws Exception {
        SourceFile file = files.write("s.ndjson", "{\"i\": 1, \"d\": 1, \"b\": true, \"s\": \"x\", \"n\": null,"
                + " \"o\": {\"x\": 1}, \"m\": 1}\n"
                + "{\"i\": 2, \"d\": 2.5, \"b\": false, \"s\": \"y\", \"n\": null, \"o\": [1], \"m\": \"text\","
                + " \"late\": 1}\n"
                + "{\"i\": 3, \"d\": 3, \"b\": null, \"s\": \"z\", \"o\": null, \"m\": false, \"late\": 2,"
                + " \"big\": 123456789012345678901234567890}\n");
        assertThat(reader().schema(file, 100)).containsExactly(
                new Column("i", ColumnType.BIGINT, false),
                new Column("d", ColumnType.DOUBLE, false),
                new Column("b", ColumnType.BOOLEAN, true),
                new Column("s", ColumnType.VARCHAR, false),
                new Column("n", ColumnType.VARCHAR, true),
                new Column("o", ColumnType.VARCHAR, true),
                new Column("m", ColumnType.VARCHAR, false),
                new Column("late", ColumnType.BIGINT, true),
                new Column("big", ColumnType.DOUBLE, true));
        assertThat(reader().schema(file, 1)).containsExactly(
                new Column("i", ColumnType.BIGINT, false),
                new Column("d", ColumnType.BIGINT, false),
                new Column("b", ColumnType.BOOLEAN, false),
                new Column("s", ColumnType.VARCHAR, false),
                new Column("n", ColumnType.VARCHAR, true),
                new Column("o", ColumnType.VARCHAR, false),
                new Column("m", ColumnType.BIGINT, false));
    }

    @Test
    void theSchemaOfABadLineIsBadData() throws Exception {
        SourceFile file = files.write("x.ndjson", "{\"a\": 1}\n{oops}\n");
        assertThatThrownBy(() -> reader().schema(file, 10))
                .isInstanceOfSatisfying(StowageException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.BAD_DATA))
                .hasMessageStartingWith("Invalid JSON at line 2 of file x.ndjson:");
    }
}
