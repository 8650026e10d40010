package dev.stowage.format.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.scan.Column;
import dev.stowage.scan.ColumnType;
import dev.stowage.scan.SourceFile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.NanoTime;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.SchemaElement;
import org.apache.parquet.format.Util;
import org.apache.parquet.schema.MessageType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every Parquet physical and logical type, read as its SQL type and value. */
class ParquetTypesTest {
    @RegisterExtension
    final ParquetFixtures fixtures = new ParquetFixtures();
    private final ParquetFormatReader reader = ParquetFixtures.reader(false);

    @Test
    void schemaGivesEachTypeItsSqlType() throws Exception {
        SourceFile required = writeAllTypes("required.parquet", "required", WriterSettings.V1_DICTIONARY, true);
        SourceFile optional = writeAllTypes("optional.parquet", "optional", WriterSettings.V1_DICTIONARY, true);

        List<Column> expectedRequired = new ArrayList<>();
        List<Column> expectedOptional = new ArrayList<>();
        for (AllTypes column : AllTypes.ALL) {
            expectedRequired.add(new Column(column.name(), column.type(), false));
            expectedOptional.add(new Column(column.name(), column.type(), true));
        }
        assertThat(reader.schema(required, 0)).containsExactlyElementsOf(expectedRequired);
        assertThat(reader.schema(optional, 0)).containsExactlyElementsOf(expectedOptional);
    }

    @ParameterizedTest
    @EnumSource(WriterSettings.class)
    void requiredColumnsReadAsTheirValues(WriterSettings settings) throws Exception {
        SourceFile file = writeAllTypes("required.parquet", "required", settings, false);

        assertThat(readAll(file)).containsExactly(AllTypes.values(), AllTypes.values());
    }

    @ParameterizedTest
    @EnumSource(WriterSettings.class)
    void optionalColumnsReadAsTheirValuesOrNull(WriterSettings settings) throws Exception {
        SourceFile file = writeAllTypes("optional.parquet", "optional", settings, true);

        List<Object> nulls = Collections.nCopies(AllTypes.ALL.size(), null);
        assertThat(readAll(file)).containsExactly(AllTypes.values(), nulls, AllTypes.values());
    }

    @Test
    void timesBeforeTheEpochAndSubMillisecondPartsRoundDown() throws Exception {
        MessageType schema = ParquetFixtures.schema("""
                message m {
                  required int64 micros (TIMESTAMP(MICROS,false));
                  required int64 nanos (TIMESTAMP(NANOS,true));
                  required int96 legacy;
                  required int64 time_micros (TIME(MICROS,false));
                }""");
        SimpleGroupFactory rows = ParquetFixtures.groups(schema);
        LocalDateTime before = LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_999);
        SourceFile file = fixtures.write("old.parquet", schema, List.of(
                rows.newGroup().append("micros", -1L).append("nanos", -1L)
                        .append("legacy", new NanoTime(2_440_587, before.toLocalTime().toNanoOfDay()))
                        .append("time_micros", 999L),
                rows.newGroup().append("micros", -1001L).append("nanos", -1_000_001L)
                        .append("legacy", new NanoTime(2_440_588, 1_500_000L))
                        .append("time_micros", 86_399_999_999L)));

        assertThat(readAll(file)).containsExactly(
                List.of(-1L, -1L, -1L, 0),
                List.of(-2L, -2L, 1L, 86_399_999));
        assertThat(before.toInstant(ZoneOffset.UTC).toEpochMilli()).isEqualTo(-1L);
    }

    @Test
    void halfPrecisionFloatsKeepTheirValue() throws Exception {
        MessageType schema = ParquetFixtures.schema(
                "message m { optional fixed_len_byte_array(2) h (FLOAT16); }");
        SimpleGroupFactory rows = ParquetFixtures.groups(schema);
        int[] halves = {0x3c00, 0xc000, 0x7bff, 0x0001, 0x7c00, 0xfc00, 0x8000, 0x7e00, 0x3555};
        List<Group> groups = new ArrayList<>();
        for (int half : halves) {
            groups.add(rows.newGroup().append("h", AllTypes.binary(half & 0xff, half >>> 8)));
        }
        groups.add(rows.newGroup());
        SourceFile file = fixtures.write("half.parquet", schema, groups);

        assertThat(readAll(file)).containsExactly(List.of(1.0f), List.of(-2.0f), List.of(65504.0f),
                List.of(0x1p-24f), List.of(Float.POSITIVE_INFINITY), List.of(Float.NEGATIVE_INFINITY),
                List.of(-0.0f), List.of(Float.NaN), List.of(0.33325195f), Arrays.asList((Object) null));
    }

    @Test
    void legacyConvertedTypesWithoutLogicalTypesReadLikeTheirLogicalTypes() throws Exception {
        MessageType schema = ParquetFixtures.schema("""
                message legacy {
                  required binary utf8 (UTF8);
                  required binary enum (ENUM);
                  required binary json (JSON);
                  required binary bson (BSON);
                  required int32 int8 (INT_8);
                  required int32 int16 (INT_16);
                  required int32 int32 (INT_32);
                  required int64 int64 (INT_64);
                  required int32 uint8 (UINT_8);
                  required int32 uint16 (UINT_16);
                  required int32 uint32 (UINT_32);
                  required int64 uint64 (UINT_64);
                  required int32 dec32 (DECIMAL(9,2));
                  required int64 dec64 (DECIMAL(18,2));
                  required fixed_len_byte_array(5) decfixed (DECIMAL(10,2));
                  required int32 date (DATE);
                  required int32 time_millis (TIME_MILLIS);
                  required int64 time_micros (TIME_MICROS);
                  required int64 ts_millis (TIMESTAMP_MILLIS);
                  required int64 ts_micros (TIMESTAMP_MICROS);
                }""");
        Group row = ParquetFixtures.groups(schema).newGroup()
                .append("utf8", "text").append("enum", "E").append("json", "[1]")
                .append("bson", AllTypes.binary(1, 2))
                .append("int8", -1).append("int16", -2).append("int32", -3).append("int64", -4L)
                .append("uint8", 200).append("uint16", 60000).append("uint32", -2).append("uint64", -2L)
                .append("dec32", -150).append("dec64", 150L)
                .append("decfixed", AllTypes.twosComplement(java.math.BigInteger.valueOf(-1), 5))
                .append("date", AllTypes.DAY).append("time_millis", AllTypes.MILLIS_OF_DAY)
                .append("time_micros", AllTypes.MILLIS_OF_DAY * 1000L + 999)
                .append("ts_millis", AllTypes.MOMENT_MILLIS).append("ts_micros", AllTypes.MOMENT_MICROS);
        fixtures.write("modern.parquet", schema, List.of(row));
        SourceFile file = fixtures.write("legacy.parquet", withoutLogicalTypes(fixtures.bytes("modern.parquet")));

        assertThat(reader.schema(file, 0)).extracting(Column::type).containsExactly(
                ColumnType.VARCHAR, ColumnType.VARCHAR, ColumnType.VARCHAR, ColumnType.VARBINARY,
                ColumnType.TINYINT, ColumnType.SMALLINT, ColumnType.INTEGER, ColumnType.BIGINT,
                ColumnType.SMALLINT, ColumnType.INTEGER, ColumnType.BIGINT, ColumnType.decimal(20, 0),
                ColumnType.decimal(9, 2), ColumnType.decimal(18, 2), ColumnType.decimal(10, 2),
                ColumnType.DATE, AllTypes.TIME, AllTypes.TIME, AllTypes.TIMESTAMP_LTZ, AllTypes.TIMESTAMP_LTZ);
        assertThat(readAll(file)).containsExactly(List.of(
                "text", "E", "[1]", new org.apache.calcite.avatica.util.ByteString(new byte[] {1, 2}),
                (byte) -1, (short) -2, -3, -4L,
                (short) 200, 60000, 4294967294L, new BigDecimal("18446744073709551614"),
                new BigDecimal("-1.50"), new BigDecimal("1.50"), new BigDecimal("-0.01"),
                AllTypes.DAY, AllTypes.MILLIS_OF_DAY, AllTypes.MILLIS_OF_DAY,
                AllTypes.MOMENT_MILLIS, AllTypes.MOMENT_MILLIS));
    }

    /** Writes the all-types fixture: two rows, with a row of NULLs between them when {@code withNullRow}. */
    private SourceFile writeAllTypes(String name, String repetition, WriterSettings settings, boolean withNullRow)
            throws Exception {
        MessageType schema = ParquetFixtures.schema(AllTypes.schema(repetition));
        SimpleGroupFactory rows = ParquetFixtures.groups(schema);
        List<Group> groups = new ArrayList<>();
        groups.add(allTypesRow(rows));
        if (withNullRow) {
            groups.add(rows.newGroup());
        }
        groups.add(allTypesRow(rows));
        return fixtures.write(name, schema, groups, settings.apply());
    }

    private static Group allTypesRow(SimpleGroupFactory rows) {
        Group row = rows.newGroup();
        for (AllTypes column : AllTypes.ALL) {
            column.append(row);
        }
        return row;
    }

    private List<List<Object>> readAll(SourceFile file) throws Exception {
        return ParquetFixtures.rows(reader, file, ParquetFixtures.allColumns(reader.schema(file, 0), List.of()));
    }

    /** Returns the file {@code parquet} with its footer's logical types removed, as writers before 2018 wrote it. */
    static byte[] withoutLogicalTypes(byte[] parquet) throws Exception {
        int footerLength = ByteBuffer.wrap(parquet, parquet.length - 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        int footerStart = parquet.length - 8 - footerLength;
        FileMetaData metadata = Util.readFileMetaData(new ByteArrayInputStream(parquet, footerStart, footerLength));
        for (SchemaElement element : metadata.getSchema()) {
            element.unsetLogicalType();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(parquet, 0, footerStart);
        ByteArrayOutputStream footer = new ByteArrayOutputStream();
        Util.writeFileMetaData(metadata, footer);
        footer.writeTo(out);
        out.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(footer.size()).array());
        out.write("PAR1".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }
}
