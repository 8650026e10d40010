package dev.stowage.write;

import static dev.stowage.write.WrittenFiles.format;
import static dev.stowage.write.WrittenFiles.lists;
import static dev.stowage.write.WrittenFiles.read;
import static dev.stowage.write.WrittenFiles.row;
import static dev.stowage.write.WrittenFiles.schema;
import static dev.stowage.write.WrittenFiles.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.error.ErrorCode;
import dev.stowage.error.StowageException;
import dev.stowage.format.FileFormat;
import dev.stowage.scan.Column;
import dev.stowage.scan.ColumnType;
import dev.stowage.scan.SourceFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ParquetWriterTest {
    private static final FileFormat PARQUET = format("PARQUET");

    @RegisterExtension
    final WrittenFiles files = new WrittenFiles();

    @ParameterizedTest
    @CsvSource({"ZSTD, ZSTD", "SNAPPY, SNAPPY", "GZIP, GZIP", "LZ4_RAW, LZ4_RAW", "NONE, UNCOMPRESSED"})
    void everyTypeReadsBackWithItsValueAndTypeWhateverTheCompression(String compression, CompressionCodecName codec)
            throws Exception {
        FileFormat format = with(PARQUET, "compression", compression);
        List<Column> columns = SampleRows.columns(true);
        List<Object[]> rows = SampleRows.valuesAndNulls();
        SourceFile file = files.write("t.parquet", format, columns, rows);

        assertThat(schema(format, file)).containsExactlyElementsOf(columns);
        assertThat(read(format, file, columns)).containsExactlyElementsOf(lists(rows));
        assertThat(codecs("t.parquet")).containsOnly(codec);
    }

    @Test
    void zstdIsTheDefaultCompression() throws Exception {
        files.write("t.parquet", FileFormat.DEFAULT, SampleRows.columns(true), SampleRows.values());

        assertThat(codecs("t.parquet")).containsOnly(CompressionCodecName.ZSTD);
    }

    @Test
    void columnsThatAreNotNullableAreRequired() throws Exception {
        List<Column> columns = SampleRows.columns(false);
        SourceFile file = files.write("t.parquet", PARQUET, columns, SampleRows.values());

        assertThat(schema(PARQUET, file)).containsExactlyElementsOf(columns);
        assertThat(read(PARQUET, file, columns)).containsExactlyElementsOf(lists(SampleRows.values()));
    }

    @Test
    void eachTypeHasItsNaturalParquetType() throws Exception {
        files.write("t.parquet", PARQUET, SampleRows.columns(true), SampleRows.values());

        MessageType schema = footerSchema("t.parquet");
        assertThat(schema.getType("i8").getLogicalTypeAnnotation()).isEqualTo(LogicalTypeAnnotation.intType(8, true));
        assertThat(schema.getType("i16").getLogicalTypeAnnotation())
                .isEqualTo(LogicalTypeAnnotation.intType(16, true));
        assertThat(schema.getType("d9").asPrimitiveType().getPrimitiveTypeName()).isEqualTo(PrimitiveTypeName.INT32);
        assertThat(schema.getType("d18").asPrimitiveType().getPrimitiveTypeName()).isEqualTo(PrimitiveTypeName.INT64);
        assertThat(schema.getType("d38").asPrimitiveType().getPrimitiveTypeName())
                .isEqualTo(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY);
        assertThat(schema.getType("d38").asPrimitiveType().getTypeLength()).isEqualTo(16);
        assertThat(schema.getType("t").getLogicalTypeAnnotation())
                .isEqualTo(LogicalTypeAnnotation.timeType(false, LogicalTypeAnnotation.TimeUnit.MILLIS));
        assertThat(schema.getType("ts").getLogicalTypeAnnotation())
                .isEqualTo(LogicalTypeAnnotation.timestampType(false, LogicalTypeAnnotation.TimeUnit.MILLIS));
        assertThat(schema.getType("ltz").getLogicalTypeAnnotation())
                .isEqualTo(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MILLIS));
        assertThat(schema.getType("s").getLogicalTypeAnnotation()).isEqualTo(LogicalTypeAnnotation.stringType());
        assertThat(schema.getType("bin").getLogicalTypeAnnotation()).isNull();
    }

    @Test
    void wideDecimalsKeepEveryDigitAndTheirSign() throws Exception {
        List<Column> columns = List.of(new Column("d", ColumnType.decimal(76, 6), true),
                new Column("e", ColumnType.decimal(19, 0), true));
        BigDecimal widest = new BigDecimal(BigInteger.TEN.pow(76).subtract(BigInteger.ONE), 6);
        List<Object[]> rows = List.of(row(widest, new BigDecimal("-9223372036854775809")),
                row(widest.negate(), BigDecimal.ONE), row(new BigDecimal("-0.000001"), BigDecimal.ZERO));
        SourceFile file = files.write("t.parquet", PARQUET, columns, rows);

        assertThat(read(PARQUET, file, columns)).containsExactlyElementsOf(lists(rows));
    }

    @Test
    void rowsSpanSeveralRowGroupsInOrder() throws Exception {
        List<Column> columns = List.of(new Column("id", ColumnType.BIGINT, false),
                new Column("name", ColumnType.VARCHAR, true));
        List<Object[]> rows = new ArrayList<>();
        for (long i = 0; i < 5000; i++) {
            rows.add(row(i, i % 7 == 0 ? null : "name-" + i));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RowFileWriter writer = ParquetRowWriter.open(PARQUET, columns, out, 8 * 1024)) {
            for (Object[] row : rows) {
                writer.write(row);
            }
            writer.finish();
        }
        SourceFile file = files.write("t.parquet", out.toByteArray());

        assertThat(blocks("t.parquet")).hasSizeGreaterThan(1);
        assertThat(read(PARQUET, file, columns)).containsExactlyElementsOf(lists(rows));
    }

    @Test
    void rowCountAndBytesWrittenFollowTheRows() throws Exception {
        List<Column> columns = List.of(new Column("id", ColumnType.BIGINT, false));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RowFileWriter writer = FormatWriters.open(PARQUET, columns, out)) {
            long empty = writer.bytesWritten();
            for (long i = 0; i < 1000; i++) {
                writer.write(row(i));
            }
            assertThat(writer.rowCount()).isEqualTo(1000);
            assertThat(writer.bytesWritten()).isGreaterThan(empty);
            writer.finish();
            assertThat(writer.bytesWritten()).isEqualTo(out.size());
        }
    }

    @Test
    void numbersOfAnyClassThatFitAreTaken() throws Exception {
        List<Column> columns = List.of(new Column("i8", ColumnType.TINYINT, true),
                new Column("i64", ColumnType.BIGINT, true), new Column("f64", ColumnType.DOUBLE, true),
                new Column("d", ColumnType.decimal(6, 2), true), new Column("f32", ColumnType.REAL, true));
        SourceFile file = files.write("t.parquet", PARQUET, columns, List.of(
                row(100L, 7, 3, 2.5, 0.1),
                row(new BigDecimal("-5"), new BigInteger("9000000000"), 0.5f, new BigDecimal("1.005"), 2L)));

        assertThat(read(PARQUET, file, columns)).containsExactly(
                List.of((byte) 100, 7L, 3.0, new BigDecimal("2.50"), 0.1f),
                List.of((byte) -5, 9_000_000_000L, 0.5, new BigDecimal("1.01"), 2.0f));
    }

    @Test
    void aValueOutOfItsColumnsRangeFailsNamingTheColumn() throws Exception {
        List<Column> columns = List.of(new Column("small", ColumnType.TINYINT, true),
                new Column("price", ColumnType.decimal(4, 2), true));
        try (RowFileWriter writer = FormatWriters.open(PARQUET, columns, new ByteArrayOutputStream())) {
            assertThatThrownBy(() -> writer.write(row(300, null)))
                    .isInstanceOfSatisfying(StowageException.class,
                            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.DATA))
                    .hasMessageContaining("small").hasMessageContaining("300");
            assertThatThrownBy(() -> writer.write(row(1.5, null))).hasMessageContaining("small");
            assertThatThrownBy(() -> writer.write(row(null, new BigDecimal("100.00"))))
                    .hasMessageContaining("price").hasMessageContaining("DECIMAL(4, 2)");
        }
    }

    @Test
    void nullInAColumnThatIsNotNullableFailsNamingTheColumnAndLeavesTheRowOut() throws Exception {
        List<Column> columns = List.of(new Column("id", ColumnType.BIGINT, false),
                new Column("name", ColumnType.VARCHAR, false));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RowFileWriter writer = FormatWriters.open(PARQUET, columns, out)) {
            writer.write(row(1L, "one"));
            assertThatThrownBy(() -> writer.write(row(2L, null)))
                    .isInstanceOfSatisfying(StowageException.class, e -> {
                        assertThat(e.errorCode()).isEqualTo(ErrorCode.NOT_NULL_VIOLATION);
                        assertThat(e.errorCode().sqlState().code()).isEqualTo("23502");
                    })
                    .hasMessage("NULL cannot be written to column name, which is NOT NULL");
            writer.write(row(3L, "three"));
            assertThat(writer.rowCount()).isEqualTo(2);
            writer.finish();
        }
        SourceFile file = files.write("t.parquet", out.toByteArray());

        assertThat(read(PARQUET, file, columns)).containsExactly(List.of(1L, "one"), List.of(3L, "three"));
    }

    @Test
    void aCompressionParquetPagesCannotUseFailsNamingIt() {
        FileFormat brotli = with(PARQUET, "compression", "BROTLI");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertThatThrownBy(() -> FormatWriters.open(brotli, SampleRows.columns(true), out))
                .isInstanceOfSatisfying(StowageException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.ILLEGAL_FILE_FORMAT))
                .hasMessageContaining("BROTLI");
        assertThat(out.size()).isZero();
    }

    private List<BlockMetaData> blocks(String name) throws IOException {
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(files.path(name)))) {
            return reader.getFooter().getBlocks();
        }
    }

    private MessageType footerSchema(String name) throws IOException {
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(files.path(name)))) {
            return reader.getFooter().getFileMetaData().getSchema();
        }
    }

    private List<CompressionCodecName> codecs(String name) throws IOException {
        return blocks(name).stream().flatMap(block -> block.getColumns().stream())
                .map(column -> column.getCodec()).toList();
    }
}
