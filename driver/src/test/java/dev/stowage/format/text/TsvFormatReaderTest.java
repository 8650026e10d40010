package dev.stowage.format.text;

import static dev.stowage.format.text.TextFiles.format;
import static dev.stowage.format.text.TextFiles.positional;
import static dev.stowage.format.text.TextFiles.read;
import static dev.stowage.format.text.TextFiles.row;
import static dev.stowage.format.text.TextFiles.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.scan.ColumnType;
import dev.stowage.scan.OutputColumn;
import dev.stowage.scan.SourceFile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TsvFormatReaderTest {
    @RegisterExtension
    final TextFiles files = new TextFiles();

    private List<List<Object>> tsv(String content, int fields, String... options) throws IOException {
        SourceFile file = files.write("t/x.tsv", content);
        return read(new CsvFormatReader(format("TSV", options), 3), file, positional(text(fields)));
    }

    @Test
    void fieldsAreSplitAtTabsWithoutQuoting() throws Exception {
        assertThat(tsv("a\t\"b,c\"\t'd'\ne\n", 3)).containsExactly(row("a", "\"b,c\"", "'d'"), row("e", null, null));
    }

    @Test
    void backslashEscapesStandForControlCharactersAndThemselves() throws Exception {
        assertThat(tsv("a\\tb\\\\c\t\\n\\r\\0\\b\\f\t\\'\\x\\\t\n", 3))
                .containsExactly(row("a\tb\\c", "\n\r\0\b\f", "'x\t"));
    }

    @Test
    void backslashNIsNullUnlessItIsPartOfAValue() throws Exception {
        assertThat(tsv("\\N\t\\\\N\tx\\Ny\t\n", 4)).containsExactly(row(null, "\\N", "xNy", ""));
    }

    @Test
    void anEmptyFieldIsTheEmptyString() throws Exception {
        assertThat(tsv("\t\tz\n", 3)).containsExactly(row("", "", "z"));
    }

    @Test
    void anEscapedNewlineContinuesTheRecordAndCountsALine() throws Exception {
        SourceFile file = files.write("n.tsv", "1\tline\\\ncontinued\n2\tok\nthree\tx\n");
        CsvFormatReader reader = new CsvFormatReader(format("TSV"), 2);
        assertThat(read(reader, file, positional(text(2))))
                .containsExactly(row("1", "line\ncontinued"), row("2", "ok"), row("three", "x"));
        assertThatThrownBy(() -> read(reader, file, positional(List.of(new OutputColumn.Field(0, ColumnType.INTEGER)))))
                .hasMessage("Cannot cast 'three' of $1 to INTEGER at line 4 of file n.tsv");
    }

    @Test
    void withoutAnEscapeBackslashesAreText() throws Exception {
        assertThat(tsv("a\\tb\t\\N\n", 2, "escape", "")).containsExactly(row("a\\tb", null));
    }

    @Test
    void delimitersAreOptions() throws Exception {
        assertThat(tsv("a,b|c\\|d,e|", 2, "field_delimiter", ",", "record_delimiter", "|"))
                .containsExactly(row("a", "b"), row("c|d", "e"));
        assertThat(tsv("a\tb\r\nc\td\r\n", 2)).containsExactly(row("a", "b"), row("c", "d"));
    }

    @Test
    void randomEscapedTextReadsTheSameInBlocksOfAnySize() throws Exception {
        String[] pieces = {"a", "é", "😀", "\t", "\n", "\r", "\\", " ", "N", ",", "\""};
        Random random = new Random(11);
        StringBuilder text = new StringBuilder();
        List<List<Object>> expected = new ArrayList<>();
        for (int record = 0; record < 400; record++) {
            if (random.nextInt(8) == 0) {
                text.append(random.nextBoolean() ? "\n" : "\r\n");
            }
            List<Object> row = new ArrayList<>(Arrays.asList(null, null, null));
            int fields = 1 + random.nextInt(3);
            for (int field = 0; field < fields; field++) {
                StringBuilder value = new StringBuilder();
                for (int i = random.nextInt(5); i > 0; i--) {
                    value.append(pieces[random.nextInt(pieces.length)]);
                }
                String plain = value.toString();
                if (plain.isEmpty() && fields == 1) {
                    plain = "x";
                }
                if (field > 0) {
                    text.append('\t');
                }
                for (char c : plain.toCharArray()) {
                    switch (c) {
                        case '\t' -> text.append(random.nextBoolean() ? "\\t" : "\\\t");
                        case '\n' -> text.append(random.nextBoolean() ? "\\n" : "\\\n");
                        case '\r' -> text.append("\\r");
                        case '\\' -> text.append("\\\\");
                        default -> text.append(c);
                    }
                }
                row.set(field, plain);
            }
            expected.add(row);
            text.append(random.nextBoolean() ? "\n" : "\r\n");
        }
        SourceFile file = files.write("r.tsv", text.toString());
        for (int blockSize : new int[] {1, 5, 50, 1 << 20}) {
            assertThat(read(new CsvFormatReader(format("TSV"), blockSize), file, positional(text(3))))
                    .as("block size %d", blockSize).isEqualTo(expected);
        }
    }

    @Test
    void skipHeaderAndCastsWork() throws Exception {
        SourceFile file = files.write("h.tsv", "n\tf\n1\t2.5\n\n3\t\\N\n");
        List<OutputColumn> outputs = List.of(new OutputColumn.Field(0, ColumnType.BIGINT),
                new OutputColumn.Field(1, ColumnType.DOUBLE), new OutputColumn.FileRowNumber());
        assertThat(read(new CsvFormatReader(format("TSV", "skip_header", "1")), file, positional(outputs)))
                .containsExactly(row(1L, 2.5, 0L), row(3L, null, 1L));
    }
}
