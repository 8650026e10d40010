package dev.stowage.write;

import static dev.stowage.write.WrittenFiles.format;
import static dev.stowage.write.WrittenFiles.row;
import static dev.stowage.write.WrittenFiles.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.error.ErrorCode;
import dev.stowage.error.StowageException;
import dev.stowage.format.FileFormat;
import dev.stowage.format.FileFormatParser;
import dev.stowage.format.FileFormatType;
import dev.stowage.scan.Column;
import dev.stowage.scan.ColumnType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class FormatWritersTest {
    private static final List<Column> ONE_COLUMN = List.of(new Column("a", ColumnType.INTEGER, true));

    @ParameterizedTest
    @CsvSource({
        "CSV, NONE, .csv", "CSV, AUTO, .csv", "CSV, GZIP, .csv.gz", "CSV, ZSTD, .csv.zstd", "CSV, BZ2, .csv.bz2",
        "CSV, DEFLATE, .csv.zl", "CSV, RAW_DEFLATE, .csv.deflate", "TSV, NONE, .tsv", "TSV, GZIP, .tsv.gz",
        "NDJSON, NONE, .ndjson", "NDJSON, BZ2, .ndjson.bz2", "PARQUET, ZSTD, .parquet", "PARQUET, SNAPPY, .parquet"})
    void extensionsAreDatabends(String type, String compression, String extension) {
        assertThat(FormatWriters.extension(format(type, "compression", compression))).isEqualTo(extension);
    }

    @ParameterizedTest
    @EnumSource(value = FileFormatType.class, names = {"ORC", "AVRO", "JSON"})
    void formatsThatCannotBeWrittenFailNamingTheFormat(FileFormatType type) {
        FileFormat format = FileFormatParser.defaults(type);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertThatThrownBy(() -> FormatWriters.open(format, ONE_COLUMN, out))
                .isInstanceOfSatisfying(StowageException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.ILLEGAL_FILE_FORMAT))
                .hasMessageContaining(type.name());
        assertThatThrownBy(() -> FormatWriters.extension(format))
                .isInstanceOfSatisfying(StowageException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.ILLEGAL_FILE_FORMAT))
                .hasMessageContaining(type.name());
        assertThat(out.size()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"SNAPPY", "LZO", "BROTLI", "XZ", "ZIP"})
    void textCompressionsThatCannotBeWrittenFailNamingTheCompressionBeforeWritingAnything(String compression) {
        FileFormat format = format("CSV", "compression", compression);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertThatThrownBy(() -> FormatWriters.open(format, ONE_COLUMN, out))
                .isInstanceOfSatisfying(StowageException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.ILLEGAL_FILE_FORMAT))
                .hasMessageContaining(compression);
        assertThat(out.size()).isZero();
    }

    @Test
    void aColumnOfATypeNoFileHoldsFailsNamingIt() {
        List<Column> columns = List.of(new Column("span", ColumnType.of(SqlTypeName.INTERVAL_DAY), true));

        assertThatThrownBy(() -> FormatWriters.open(format("CSV"), columns, new ByteArrayOutputStream()))
                .isInstanceOfSatisfying(StowageException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.UNSUPPORTED_STATEMENT))
                .hasMessageContaining("span");
    }

    @ParameterizedTest
    @ValueSource(strings = {"CSV", "TSV", "NDJSON", "PARQUET"})
    void writersLeaveTheStreamOpenAndTakeNoRowsOnceFinished(String type) throws Exception {
        CloseRecordingStream out = new CloseRecordingStream();
        RowFileWriter writer = FormatWriters.open(format(type), ONE_COLUMN, out);
        writer.write(row(1));
        writer.finish();
        writer.close();
        writer.close();

        assertThat(out.closed).isFalse();
        assertThat(out.size()).isPositive();
        assertThatThrownBy(() -> writer.write(row(2))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(writer::finish).isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"CSV", "NDJSON", "PARQUET"})
    void aRowOfTheWrongWidthOrClassIsRejected(String type) throws Exception {
        try (RowFileWriter writer = FormatWriters.open(format(type), ONE_COLUMN, new ByteArrayOutputStream())) {
            assertThatThrownBy(() -> writer.write(row(1, 2))).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> writer.write(row("1"))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("column a");
            assertThat(writer.rowCount()).isZero();
        }
    }

    @Test
    void aTextWriterClosedUnfinishedLeavesTheStreamOpen() throws Exception {
        CloseRecordingStream out = new CloseRecordingStream();
        try (RowFileWriter writer = FormatWriters.open(with(format("CSV"), "compression", "ZSTD"), ONE_COLUMN,
                out)) {
            writer.write(row(1));
        }

        assertThat(out.closed).isFalse();
    }

    /** Remembers whether it was closed. */
    private static final class CloseRecordingStream extends ByteArrayOutputStream {
        boolean closed;

        @Override
        public void close() throws IOException {
            closed = true;
            super.close();
        }
    }
}
