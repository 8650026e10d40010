package dev.stowage.format.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.scan.Column;
import dev.stowage.scan.ColumnPredicate;
import dev.stowage.scan.ColumnPredicate.Op;
import dev.stowage.scan.ColumnType;
import dev.stowage.scan.OutputColumn;
import dev.stowage.scan.ScanSpec;
import dev.stowage.scan.ScanUnit;
import dev.stowage.scan.SourceFile;
import java.io.InterruptedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.MessageType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Row groups as scan units: row numbers, pruning, projections, early stops and cancellation. */
class ParquetScanTest {
    private static final int ROWS = 10_000;
    private static final int GROUP_ROWS = 1_000;
    private static final MessageType SCHEMA = ParquetFixtures.schema("""
            message m {
              required int32 a;
              optional int64 ts (TIMESTAMP(MICROS,false));
              optional binary s (STRING);
              optional binary u (STRING);
              optional int32 d (DECIMAL(9,2));
              optional double x;
            }""");

    @RegisterExtension
    final ParquetFixtures fixtures = new ParquetFixtures();
    private final ParquetFormatReader reader = ParquetFixtures.reader(false);

    @ParameterizedTest
    @EnumSource(WriterSettings.class)
    void everyRowOfEveryRowGroupAndPageIsRead(WriterSettings settings) throws Exception {
        SourceFile file = writeRows(settings);
        List<Column> schema = reader.schema(file, 0);

        List<List<Object>> rows = ParquetFixtures.rows(reader, file, ParquetFixtures.allColumns(schema, List.of()));

        assertThat(ParquetFixtures.units(reader, file, ParquetFixtures.allColumns(schema, List.of()))).hasSize(10);
        assertThat(rows).hasSize(ROWS);
        for (int i = 0; i < ROWS; i++) {
            assertThat(rows.get(i)).as("row %d", i).isEqualTo(expectedRow(i));
        }
    }

    @Test
    void dictionaryAndPlainPagesOfOneColumnChunkAreBothRead() throws Exception {
        SourceFile file = writeRows(WriterSettings.V1_DICTIONARY);

        try (ParquetFileReader footer = ParquetFileReader.open(new LocalInputFile(fixtures.path(file.name())))) {
            ColumnChunkMetaData uniques = footer.getFooter().getBlocks().get(0).getColumns().get(3);
            ColumnChunkMetaData repeated = footer.getFooter().getBlocks().get(0).getColumns().get(2);
            assertThat(uniques.getEncodings()).contains(Encoding.PLAIN_DICTIONARY, Encoding.PLAIN);
            assertThat(repeated.getEncodings()).contains(Encoding.PLAIN_DICTIONARY).doesNotContain(Encoding.PLAIN);
        }
        List<Column> schema = reader.schema(file, 0);
        ScanSpec spec = new ScanSpec(schema, List.of(new OutputColumn.Field(3, ColumnType.VARCHAR),
                new OutputColumn.Field(2, ColumnType.VARCHAR)), List.of());

        List<List<Object>> rows = ParquetFixtures.rows(reader, file, spec);

        for (int i = 0; i < ROWS; i++) {
            assertThat(rows.get(i)).as("row %d", i).isEqualTo(Arrays.asList(expectedRow(i).get(3),
                    expectedRow(i).get(2)));
        }
    }

    @Test
    void fileRowNumbersContinueAcrossRowGroups() throws Exception {
        SourceFile file = writeRows(WriterSettings.V1_DICTIONARY);
        ScanSpec spec = new ScanSpec(reader.schema(file, 0), List.of(new OutputColumn.FileRowNumber(),
                new OutputColumn.Field(0, ColumnType.INTEGER), new OutputColumn.FileName()), List.of());

        List<List<Object>> rows = ParquetFixtures.rows(reader, file, spec);

        assertThat(rows).hasSize(ROWS);
        for (int i = 0; i < ROWS; i++) {
            assertThat(rows.get(i)).isEqualTo(List.of((long) i, i, "rows.parquet"));
        }
    }

    static Stream<Arguments> predicates() {
        return Stream.of(
                Arguments.of("a < 10", List.of(new ColumnPredicate(0, Op.LT, 10)), List.of(0)),
                Arguments.of("a <= 999", List.of(new ColumnPredicate(0, Op.LE, 999)), List.of(0)),
                Arguments.of("a >= 9500", List.of(new ColumnPredicate(0, Op.GE, 9500)), List.of(9)),
                Arguments.of("a > 1999", List.of(new ColumnPredicate(0, Op.GT, 1999)),
                        List.of(2, 3, 4, 5, 6, 7, 8, 9)),
                Arguments.of("a = 4321", List.of(new ColumnPredicate(0, Op.EQ, 4321)), List.of(4)),
                Arguments.of("a > 99999", List.of(new ColumnPredicate(0, Op.GT, 99999)), List.of()),
                Arguments.of("a <> 5", List.of(new ColumnPredicate(0, Op.NE, 5)), allGroups()),
                Arguments.of("a >= 2000 and a < 4000",
                        List.of(new ColumnPredicate(0, Op.GE, 2000), new ColumnPredicate(0, Op.LT, 4000)),
                        List.of(2, 3)),
                Arguments.of("a is null", List.of(new ColumnPredicate(0, Op.IS_NULL, null)), List.of()),
                Arguments.of("a is not null", List.of(new ColumnPredicate(0, Op.IS_NOT_NULL, null)), allGroups()),
                Arguments.of("ts < 1500 s", List.of(new ColumnPredicate(1, Op.LT, 1_500_000L)), List.of(0, 1)),
                Arguments.of("ts <= 999.999 s", List.of(new ColumnPredicate(1, Op.LE, 999_999L)), List.of(0)),
                Arguments.of("ts = 1000.5 s", List.of(new ColumnPredicate(1, Op.EQ, 1_000_500L)), List.of(1)),
                Arguments.of("s = 'k3'", List.of(new ColumnPredicate(2, Op.EQ, "k3")), allGroups()),
                Arguments.of("s > 'zzz'", List.of(new ColumnPredicate(2, Op.GT, "zzz")), List.of()),
                Arguments.of("s = 'k\u00e9'", List.of(new ColumnPredicate(2, Op.EQ, "k\u00e9")), List.of()),
                Arguments.of("d >= 95.00", List.of(new ColumnPredicate(4, Op.GE, new BigDecimal("95.00"))),
                        List.of(9)),
                Arguments.of("x <= 999.5", List.of(new ColumnPredicate(5, Op.LE, 999.5)), List.of(0)),
                Arguments.of("x < 0", List.of(new ColumnPredicate(5, Op.LT, 0.0)), allGroups()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("predicates")
    void predicatesSkipRowGroupsThatCannotMatch(String description, List<ColumnPredicate> predicates,
            List<Integer> groups) throws Exception {
        SourceFile file = writeRows(WriterSettings.V1_DICTIONARY);
        ScanSpec spec = new ScanSpec(reader.schema(file, 0), List.of(new OutputColumn.FileRowNumber(),
                new OutputColumn.Field(0, ColumnType.INTEGER)), predicates);

        List<ScanUnit> units = ParquetFixtures.units(reader, file, spec);
        List<List<Object>> rows = ParquetFixtures.rows(reader, file, spec);

        assertThat(units).hasSize(groups.size());
        List<List<Object>> expected = new ArrayList<>();
        for (int group : groups) {
            for (int i = group * GROUP_ROWS; i < (group + 1) * GROUP_ROWS; i++) {
                expected.add(List.of((long) i, i));
            }
        }
        assertThat(rows).isEqualTo(expected);
    }

    @Test
    void predicatesOnAWiderPlannedTypeStillPrune() throws Exception {
        SourceFile file = writeRows(WriterSettings.V1_DICTIONARY);
        List<Column> planned = List.of(new Column("A", ColumnType.BIGINT, false));
        ScanSpec spec = new ScanSpec(planned, List.of(new OutputColumn.Field(0, ColumnType.BIGINT)),
                List.of(new ColumnPredicate(0, Op.LT, 10L)));

        assertThat(ParquetFixtures.units(reader, file, spec)).hasSize(1);
        assertThat(ParquetFixtures.rows(reader, file, spec)).first().isEqualTo(List.of(0L));
    }

    @Test
    void notANumberAndSignedZerosNeverHideMatchingRows() throws Exception {
        MessageType schema = ParquetFixtures.schema("message m { required double x; required float f; }");
        SimpleGroupFactory factory = ParquetFixtures.groups(schema);
        double[][] groups = {{Double.NaN, 1.0}, {-0.0, 0.0}, {Double.NaN, Double.NaN}, {7.0, 8.0}};
        List<Group> rows = new ArrayList<>();
        for (double[] group : groups) {
            for (double x : group) {
                rows.add(factory.newGroup().append("x", x).append("f", (float) x));
            }
        }
        SourceFile file = fixtures.write("nan.parquet", schema, rows, builder -> builder.withRowGroupRowCountLimit(2));
        List<Column> columns = reader.schema(file, 0);

        for (int column = 0; column < 2; column++) {
            Comparable<?> five = column == 0 ? (Comparable<?>) 5.0 : (Comparable<?>) 5.0f;
            Comparable<?> zero = column == 0 ? (Comparable<?>) 0.0 : (Comparable<?>) 0.0f;
            ScanSpec below = new ScanSpec(columns, List.of(new OutputColumn.FileRowNumber()),
                    List.of(new ColumnPredicate(column, Op.LT, five)));
            ScanSpec zeros = new ScanSpec(columns, List.of(new OutputColumn.FileRowNumber()),
                    List.of(new ColumnPredicate(column, Op.EQ, zero)));
            assertThat(ParquetFixtures.rows(reader, file, below)).as("column %d < 5", column)
                    .contains(List.of(1L), List.of(2L), List.of(3L));
            assertThat(ParquetFixtures.rows(reader, file, zeros)).as("column %d = 0", column)
                    .contains(List.of(2L), List.of(3L));
        }
    }

    @Test
    void valuesConvertToTheTypeTheQueryReadsThemAs() throws Exception {
        SourceFile file = writeRows(WriterSettings.V1_DICTIONARY);
        List<Column> schema = reader.schema(file, 0);
        ScanSpec spec = new ScanSpec(schema, List.of(
                new OutputColumn.Field(0, ColumnType.BIGINT),
                new OutputColumn.Field(0, ColumnType.INTEGER),
                new OutputColumn.Field(0, ColumnType.decimal(12, 1)),
                new OutputColumn.Field(0, ColumnType.DOUBLE),
                new OutputColumn.Field(4, ColumnType.decimal(12, 4)),
                new OutputColumn.Field(1, AllTypes.TIMESTAMP_LTZ)), List.of());

        List<List<Object>> rows = ParquetFixtures.rows(reader, file, spec);

        assertThat(rows.get(1234)).isEqualTo(List.of(1234L, 1234, new BigDecimal("1234.0"), 1234.0,
                new BigDecimal("12.3400"), 1_234_000L));
        assertThat(rows.get(0)).isEqualTo(Arrays.asList(0L, 0, new BigDecimal("0.0"), 0.0, null, 0L));
    }

    @Test
    void countsAndMetadataColumnsReadNoColumnData() throws Exception {
        ObservedFileIO storage = new ObservedFileIO(fixtures.io());
        SourceFile file = storage.wrap(writeRows(WriterSettings.V1_DICTIONARY));
        List<Column> schema = reader.schema(file, 0);
        ScanSpec count = new ScanSpec(schema, List.of(), List.of());
        ScanSpec metadata = new ScanSpec(schema, List.of(new OutputColumn.FileName(),
                new OutputColumn.FileRowNumber()), List.of());

        List<ScanUnit> countUnits = ParquetFixtures.units(reader, file, count);
        List<ScanUnit> metadataUnits = ParquetFixtures.units(reader, file, metadata);
        int readsForFooters = storage.reads();
        List<Object[]> counted = new ArrayList<>();
        for (ScanUnit unit : countUnits) {
            unit.read(counted::add);
        }
        List<List<Object>> named = new ArrayList<>();
        for (ScanUnit unit : metadataUnits) {
            unit.read(row -> named.add(List.of(row)));
        }

        assertThat(storage.reads()).isEqualTo(readsForFooters);
        assertThat(counted).hasSize(ROWS).allSatisfy(row -> assertThat(row).isEmpty());
        assertThat(named).hasSize(ROWS);
        assertThat(named.get(9999)).isEqualTo(List.of("rows.parquet", 9999L));
    }

    @Test
    void onlyTheProjectedColumnChunksAreFetched() throws Exception {
        ObservedFileIO storage = new ObservedFileIO(fixtures.io());
        SourceFile file = storage.wrap(writeRows(WriterSettings.V1_DICTIONARY));
        ScanSpec spec = new ScanSpec(reader.schema(file, 0), List.of(new OutputColumn.Field(0, ColumnType.INTEGER)),
                List.of());
        List<ScanUnit> units = ParquetFixtures.units(reader, file, spec);
        long before = storage.bytes();

        units.get(0).read(row -> true);

        assertThat(file.entry().size()).isGreaterThan(2L * StorageInputStream.WINDOW);
        long chunk;
        try (ParquetFileReader footer = ParquetFileReader.open(new LocalInputFile(fixtures.path(file.name())))) {
            BlockMetaData block = footer.getFooter().getBlocks().get(0);
            chunk = block.getColumns().get(0).getTotalSize();
        }
        assertThat(storage.bytes() - before).isEqualTo(chunk);
        assertThat(units.get(0).memoryEstimate()).isEqualTo(chunk);
    }

    @Test
    void aSinkThatDeclinesARowStopsTheUnit() throws Exception {
        SourceFile file = writeRows(WriterSettings.V1_DICTIONARY);
        List<Column> schema = reader.schema(file, 0);
        for (ScanSpec spec : List.of(ParquetFixtures.allColumns(schema, List.of()),
                new ScanSpec(schema, List.of(new OutputColumn.FileRowNumber()), List.of()))) {
            List<Object[]> accepted = new ArrayList<>();
            ParquetFixtures.units(reader, file, spec).get(1).read(row -> {
                accepted.add(row);
                return accepted.size() < 3;
            });
            assertThat(accepted).hasSize(3);
        }
    }

    @Test
    void anInterruptedReadFailsWithInterruptedIoException() throws Exception {
        SourceFile file = writeRows(WriterSettings.V1_DICTIONARY);
        List<Column> schema = reader.schema(file, 0);
        for (ScanSpec spec : List.of(ParquetFixtures.allColumns(schema, List.of()),
                new ScanSpec(schema, List.of(new OutputColumn.FileRowNumber()), List.of()))) {
            ScanUnit unit = ParquetFixtures.units(reader, file, spec).get(0);
            Thread.currentThread().interrupt();
            try {
                assertThatThrownBy(() -> unit.read(row -> true)).isInstanceOf(InterruptedIOException.class);
            } finally {
                Thread.interrupted();
            }
        }
    }

    @Test
    void aReadInterruptedBetweenBatchesStops() throws Exception {
        MessageType schema = ParquetFixtures.schema("message m { required int64 n; }");
        SimpleGroupFactory factory = ParquetFixtures.groups(schema);
        List<Group> many = new ArrayList<>();
        for (long i = 0; i < 20 * RowGroupUnit.BATCH; i++) {
            many.add(factory.newGroup().append("n", i));
        }
        SourceFile file = fixtures.write("one-group.parquet", schema, many);
        ScanUnit unit = ParquetFixtures.units(reader, file,
                ParquetFixtures.allColumns(reader.schema(file, 0), List.of())).get(0);
        List<Object[]> accepted = new ArrayList<>();
        try {
            assertThatThrownBy(() -> unit.read(row -> {
                accepted.add(row);
                Thread.currentThread().interrupt();
                return true;
            })).isInstanceOf(InterruptedIOException.class);
        } finally {
            Thread.interrupted();
        }
        assertThat(accepted).hasSizeLessThan(many.size());
    }

    @Test
    void unitsOfOneFileMayBeReadConcurrently() throws Exception {
        SourceFile file = writeRows(WriterSettings.V2_DICTIONARY);
        ScanSpec spec = new ScanSpec(reader.schema(file, 0), List.of(new OutputColumn.FileRowNumber(),
                new OutputColumn.Field(3, ColumnType.VARCHAR), new OutputColumn.WholeRow()), List.of());
        List<ScanUnit> units = ParquetFixtures.units(reader, file, spec);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<List<Object>>>> results = new ArrayList<>();
            for (ScanUnit unit : units) {
                results.add(pool.submit(() -> {
                    List<List<Object>> rows = new ArrayList<>();
                    unit.read(row -> rows.add(List.of(row)));
                    return rows;
                }));
            }
            List<List<Object>> rows = new ArrayList<>();
            for (Future<List<List<Object>>> result : results) {
                rows.addAll(result.get());
            }
            assertThat(rows).isEqualTo(ParquetFixtures.rows(reader, file, spec));
            assertThat(rows.get(7777)).isEqualTo(List.of(7777L, "unique-7777", "{\"a\":7777,\"ts\":\"1970-01-01"
                    + " 02:09:37.000\",\"s\":\"k7\",\"u\":\"unique-7777\",\"d\":77.77,\"x\":7777.5}"));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFileWithoutRowGroupsHasASchemaAndNoUnits() throws Exception {
        SourceFile file = fixtures.write("empty.parquet", SCHEMA, List.of());

        List<Column> schema = reader.schema(file, 0);

        assertThat(schema).extracting(Column::name).containsExactly("a", "ts", "s", "u", "d", "x");
        assertThat(ParquetFixtures.units(reader, file, ParquetFixtures.allColumns(schema, List.of()))).isEmpty();
    }

    @Test
    void columnsMatchByExactNameFirstThenCaseInsensitively() throws Exception {
        MessageType schema = ParquetFixtures.schema("message m { required int32 Id; required int32 id; "
                + "required int32 Other; }");
        SourceFile file = fixtures.write("names.parquet", schema,
                List.of(ParquetFixtures.groups(schema).newGroup().append("Id", 1).append("id", 2).append("Other", 3)));
        List<Column> planned = List.of(new Column("Id", ColumnType.INTEGER, false),
                new Column("id", ColumnType.INTEGER, false), new Column("OTHER", ColumnType.INTEGER, false));

        assertThat(ParquetFixtures.rows(reader, file, ParquetFixtures.allColumns(planned, List.of())))
                .containsExactly(List.of(1, 2, 3));
    }

    private static List<Integer> allGroups() {
        return List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    /** Writes {@value #ROWS} rows in row groups of {@value #GROUP_ROWS}, pages of at most 128 rows. */
    private SourceFile writeRows(WriterSettings settings) throws Exception {
        SimpleGroupFactory factory = ParquetFixtures.groups(SCHEMA);
        List<Group> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            Group row = factory.newGroup().append("a", i).append("ts", i * 1_000_000L);
            if (i % 13 != 0) {
                row.append("s", "k" + i % 10);
            }
            row.append("u", uniqueOrRepeated(i));
            if (i % 1000 != 0) {
                row.append("d", i);
            }
            row.append("x", i + 0.5);
            rows.add(row);
        }
        return fixtures.write("rows.parquet", SCHEMA, rows, builder -> settings.apply().apply(builder)
                .withRowGroupRowCountLimit(GROUP_ROWS)
                .withPageRowCountLimit(128)
                .withDictionaryPageSize(1024));
    }

    /** Values that suit a dictionary for the first half of each row group, then overflow it. */
    private static String uniqueOrRepeated(int i) {
        return i % GROUP_ROWS < GROUP_ROWS / 2 ? "r" + i % 5 : "unique-" + i;
    }

    private static List<Object> expectedRow(int i) {
        return Arrays.asList(i, i * 1000L, i % 13 == 0 ? null : "k" + i % 10, uniqueOrRepeated(i),
                i % 1000 == 0 ? null : BigDecimal.valueOf(i, 2), i + 0.5);
    }
}
