package dev.stowage.write;

import static dev.stowage.write.WrittenFiles.format;
import static dev.stowage.write.WrittenFiles.lists;
import static dev.stowage.write.WrittenFiles.read;
import static dev.stowage.write.WrittenFiles.row;
import static dev.stowage.write.WrittenFiles.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stowage.format.FileFormat;
import dev.stowage.scan.Column;
import dev.stowage.scan.ColumnType;
import dev.stowage.scan.SourceFile;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class NdjsonWriterTest {
    private static final FileFormat NDJSON = format("NDJSON");

    @RegisterExtension
    final WrittenFiles files = new WrittenFiles();

    @Test
    void eachRowIsAnObjectOnItsOwnLineKeyedByColumnName() throws Exception {
        assertThat(text(NDJSON, CsvWriterTest.COLUMNS, CsvWriterTest.ROWS)).isEqualTo("""
                {"id":1,"name":"plain","price":9.50,"ok":true,"day":"2024-01-31",\
                "at":"2024-01-31 08:09:10.123000","score":1.0,"raw":"AB01"}
                {"id":2,"name":"say \\"hi\\", then\\nleave","price":-0.05,"ok":false,"day":"1969-12-31",\
                "at":"1969-12-31 23:59:59.999000","score":1.0e10,"raw":"00"}
                {"id":3,"name":null,"price":null,"ok":null,"day":null,"at":null,"score":null,"raw":null}
                """);
    }

    @Test
    void stringsAreEscapedAsDatabendEscapesThem() throws Exception {
        List<Column> columns = List.of(new Column("k\"/\u2028", ColumnType.VARCHAR, true));
        List<Object[]> rows = List.<Object[]>of(row("a/b\u2028\u2029\u0001\t\\ é"));

        assertThat(text(NDJSON, columns, rows))
                .isEqualTo("{\"k\\\"\\/\\u2028\":\"a\\/b\\u2028\\u2029\\u0001\\t\\\\ é\"}\n");
        JsonNode parsed = new ObjectMapper().readTree(text(NDJSON, columns, rows));
        assertThat(parsed.get("k\"/\u2028").asText()).isEqualTo("a/b\u2028\u2029\u0001\t\\ é");
    }

    @Test
    void everyTypeReadsBackWithItsValue() throws Exception {
        List<Column> columns = SampleRows.columns(true);
        SourceFile file = files.write("t.ndjson", NDJSON, columns, SampleRows.valuesAndNulls());

        assertThat(read(NDJSON, file, columns)).containsExactlyElementsOf(lists(SampleRows.valuesAndNulls()));
    }

    @Test
    void notANumberAndInfinitiesAreNull() throws Exception {
        List<Column> columns = List.of(new Column("f", ColumnType.REAL, true), new Column("g", ColumnType.DOUBLE, true));
        List<Object[]> rows = List.of(row(Float.NaN, Double.POSITIVE_INFINITY), row(Float.NEGATIVE_INFINITY, -0.0));

        assertThat(text(NDJSON, columns, rows)).isEqualTo("{\"f\":null,\"g\":null}\n{\"f\":null,\"g\":-0.0}\n");
    }

    @Test
    void aCompressedFileReadsBack() throws Exception {
        FileFormat format = format("NDJSON", "compression", "ZSTD");
        List<Column> columns = SampleRows.columns(true);
        SourceFile file = files.write("t" + FormatWriters.extension(format), format, columns,
                SampleRows.valuesAndNulls());

        assertThat(file.name()).isEqualTo("t.ndjson.zstd");
        assertThat(read(format("NDJSON", "compression", "AUTO"), file, columns))
                .containsExactlyElementsOf(lists(SampleRows.valuesAndNulls()));
    }
}
