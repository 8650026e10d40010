package dev.stowage.format.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.error.ErrorCode;
import dev.stowage.error.StowageException;
import dev.stowage.fileio.FileEntry;
import dev.stowage.fileio.StorageException;
import dev.stowage.scan.Column;
import dev.stowage.scan.ColumnType;
import dev.stowage.scan.OutputColumn;
import dev.stowage.scan.ScanSpec;
import dev.stowage.scan.ScanUnit;
import dev.stowage.scan.SourceFile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.MessageType;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Files that do not fit the query, are not Parquet, are damaged, or whose storage fails. */
class ParquetErrorsTest {
    private static final MessageType SCHEMA = ParquetFixtures.schema("""
            message m {
              required int32 id;
              optional binary name (STRING);
              optional group tags (LIST) { repeated group list { optional binary element (STRING); } }
            }""");

    @RegisterExtension
    final ParquetFixtures fixtures = new ParquetFixtures();
    private final ParquetFormatReader reader = ParquetFixtures.reader(false);

    @Test
    void aMissingColumnIsASchemaMismatchNamingFileAndColumn() throws Exception {
        SourceFile file = write("data.parquet", CompressionCodecName.SNAPPY);
        ScanSpec spec = new ScanSpec(List.of(new Column("id", ColumnType.INTEGER, false),
                new Column("price", ColumnType.DOUBLE, true)),
                List.of(new OutputColumn.Field(0, ColumnType.INTEGER), new OutputColumn.Field(1, ColumnType.DOUBLE)),
                List.of());

        assertThatThrownBy(() -> reader.units(file, spec))
                .isInstanceOfSatisfying(StowageException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.SCHEMA_MISMATCH))
                .hasMessageContaining("data.parquet")
                .hasMessageContaining("price");
    }

    @Test
    void aMissingColumnReadsAsNullWithMissingFieldAsFieldDefault() throws Exception {
        SourceFile file = write("data.parquet", CompressionCodecName.SNAPPY);
        ScanSpec spec = new ScanSpec(List.of(new Column("id", ColumnType.INTEGER, false),
                new Column("price", ColumnType.DOUBLE, true), new Column("extra", ColumnType.VARCHAR, true)),
                List.of(new OutputColumn.Field(1, ColumnType.DOUBLE), new OutputColumn.Field(0, ColumnType.INTEGER),
                        new OutputColumn.Field(2, ColumnType.VARCHAR)),
                List.of(new dev.stowage.scan.ColumnPredicate(1, dev.stowage.scan.ColumnPredicate.Op.GT, 1.0)));

        List<List<Object>> rows = ParquetFixtures.rows(ParquetFixtures.reader(true), file, spec);

        assertThat(rows).hasSize(100);
        assertThat(rows.get(42)).isEqualTo(Arrays.asList(null, 42, null));
    }

    @Test
    void aColumnOfAnIncompatibleTypeIsASchemaMismatch() throws Exception {
        SourceFile file = write("data.parquet", CompressionCodecName.SNAPPY);
        List<Column> planned = List.of(new Column("id", ColumnType.SMALLINT, false),
                new Column("name", ColumnType.INTEGER, true), new Column("tags", ColumnType.BIGINT, true));

        for (int i = 0; i < planned.size(); i++) {
            ScanSpec spec = new ScanSpec(planned, List.of(new OutputColumn.Field(i, planned.get(i).type())),
                    List.of());
            String column = planned.get(i).name();
            assertThatThrownBy(() -> reader.units(file, spec))
                    .isInstanceOfSatisfying(StowageException.class,
                            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.SCHEMA_MISMATCH))
                    .hasMessageContaining("data.parquet")
                    .hasMessageContaining(column)
                    .hasMessageContaining(planned.get(i).type().sqlName());
        }
    }

    @Test
    void aFileThatIsNotParquetIsBadData() throws Exception {
        SourceFile text = fixtures.write("data.csv", "id,name\n1,a\n2,b\n".getBytes(StandardCharsets.UTF_8));
        SourceFile empty = fixtures.write("empty.parquet", new byte[0]);
        SourceFile magicOnly = fixtures.write("magic.parquet", "PAR1PAR1".getBytes(StandardCharsets.US_ASCII));

        for (SourceFile file : List.of(text, empty, magicOnly)) {
            assertBadData(() -> reader.schema(file, 0), file.name());
            assertBadData(() -> reader.units(file, spec()), file.name());
        }
    }

    @Test
    void aTruncatedFileIsBadData() throws Exception {
        write("whole.parquet", CompressionCodecName.SNAPPY);
        byte[] bytes = fixtures.bytes("whole.parquet");
        SourceFile cut = fixtures.write("cut.parquet", Arrays.copyOf(bytes, bytes.length - 20));
        SourceFile halved = fixtures.write("halved.parquet", Arrays.copyOf(bytes, bytes.length / 2));

        for (SourceFile file : List.of(cut, halved)) {
            assertBadData(() -> reader.schema(file, 0), file.name());
            assertBadData(() -> reader.units(file, spec()), file.name());
        }
    }

    @Test
    void aFileShorterThanItsListedSizeIsBadData() throws Exception {
        SourceFile file = write("data.parquet", CompressionCodecName.SNAPPY);
        FileEntry entry = file.entry();
        SourceFile listedLonger = new SourceFile(file.io(),
                new FileEntry(entry.path(), entry.size() + 100, entry.lastModified(), entry.etag()), file.name());

        assertBadData(() -> reader.schema(listedLonger, 0), "data.parquet");
    }

    @Test
    void aCorruptedPageIsBadDataNamingTheFile() throws Exception {
        SourceFile file = write("good.parquet", CompressionCodecName.SNAPPY);
        long[] chunk = chunkOf(file, 1);
        byte[] bytes = fixtures.bytes("good.parquet");
        // the page header stays intact; its compressed body does not
        for (int i = (int) chunk[0] + 30; i < chunk[0] + chunk[1]; i++) {
            bytes[i] = (byte) 0xff;
        }
        SourceFile corrupt = fixtures.write("corrupt.parquet", bytes);

        List<ScanUnit> units = ParquetFixtures.units(reader, corrupt, spec());

        assertBadData(() -> units.get(0).read(row -> true), "corrupt.parquet");
    }

    @Test
    void aCorruptedPageHeaderIsBadDataNamingTheFile() throws Exception {
        SourceFile file = write("good.parquet", CompressionCodecName.UNCOMPRESSED);
        long[] chunk = chunkOf(file, 0);
        byte[] bytes = fixtures.bytes("good.parquet");
        Arrays.fill(bytes, (int) chunk[0], (int) chunk[0] + 12, (byte) 0x7f);
        SourceFile corrupt = fixtures.write("corrupt.parquet", bytes);

        List<ScanUnit> units = ParquetFixtures.units(reader, corrupt, spec());

        assertBadData(() -> units.get(0).read(row -> true), "corrupt.parquet");
    }

    @Test
    void damageAnywhereInTheDataIsBadDataOrWrongValuesButNothingElse() throws Exception {
        Random random = new Random(7);
        for (CompressionCodecName codec : List.of(CompressionCodecName.UNCOMPRESSED, CompressionCodecName.SNAPPY,
                CompressionCodecName.ZSTD)) {
            SourceFile good = write("good.parquet", codec);
            byte[] original = fixtures.bytes("good.parquet");
            long[] first = chunkOf(good, 0);
            long dataEnd = chunkOf(good, 2)[0] + chunkOf(good, 2)[1];
            int badData = 0;
            for (int trial = 0; trial < 300; trial++) {
                byte[] bytes = original.clone();
                int at = (int) (first[0] + random.nextInt((int) (dataEnd - first[0])));
                int length = 1 + random.nextInt(8);
                for (int i = at; i < Math.min(at + length, dataEnd); i++) {
                    bytes[i] = (byte) random.nextInt(256);
                }
                SourceFile damaged = fixtures.write("damaged.parquet", bytes);
                try {
                    for (ScanUnit unit : ParquetFixtures.units(reader, damaged, wholeRowSpec())) {
                        unit.read(row -> true);
                    }
                } catch (StowageException e) {
                    assertThat(e.errorCode()).as("trial %d at %d, %s", trial, at, codec).isEqualTo(ErrorCode.BAD_DATA);
                    assertThat(e).hasMessageContaining("damaged.parquet");
                    badData++;
                } catch (Exception | Error e) {
                    throw new AssertionError("trial " + trial + " at " + at + ", " + codec + ": " + e, e);
                }
            }
            assertThat(badData).as("damaged files reported as such, %s", codec).isGreaterThan(30);
        }
    }

    @Test
    void damageInTheFooterIsBadDataOrADifferentSchemaButNothingElse() throws Exception {
        Random random = new Random(11);
        write("good.parquet", CompressionCodecName.SNAPPY);
        byte[] original = fixtures.bytes("good.parquet");
        int footerLength = java.nio.ByteBuffer.wrap(original, original.length - 8, 4)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
        int footerStart = original.length - 8 - footerLength;
        int badData = 0;
        for (int trial = 0; trial < 500; trial++) {
            byte[] bytes = original.clone();
            int at = footerStart + random.nextInt(footerLength + 4);
            bytes[at] = (byte) random.nextInt(256);
            if (random.nextBoolean()) {
                bytes[Math.min(at + 1, bytes.length - 5)] = (byte) random.nextInt(256);
            }
            SourceFile damaged = fixtures.write("damaged.parquet", bytes);
            try {
                reader.schema(damaged, 0);
                for (ScanUnit unit : ParquetFixtures.units(reader, damaged, wholeRowSpec())) {
                    unit.read(row -> true);
                }
            } catch (StowageException e) {
                assertThat(e.errorCode()).as("trial %d at %d: %s", trial, at, e.getMessage())
                        .isIn(ErrorCode.BAD_DATA, ErrorCode.SCHEMA_MISMATCH);
                assertThat(e).hasMessageContaining("damaged.parquet");
                badData++;
            } catch (Exception | Error e) {
                throw new AssertionError("trial " + trial + " at " + at + ": " + e, e);
            }
        }
        assertThat(badData).isGreaterThan(50);
    }

    @Test
    void aStorageFailureIsReportedAsTheStorageFailureNotAsBadData() throws Exception {
        ObservedFileIO storage = new ObservedFileIO(fixtures.io());
        SourceFile file = storage.wrap(write("data.parquet", CompressionCodecName.SNAPPY));
        // a footer read once may be kept, so the footer read that fails is of a file not read before
        SourceFile unread = storage.wrap(write("unread.parquet", CompressionCodecName.SNAPPY));
        List<ScanUnit> units = ParquetFixtures.units(reader, file, spec());
        storage.failReads();

        assertThatThrownBy(() -> units.get(0).read(row -> true))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("timed out");
        assertThatThrownBy(() -> reader.schema(unread, 0))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("timed out");
    }

    private static void assertBadData(ThrowingCallable call, String fileName) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(StowageException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.BAD_DATA))
                .hasMessageContaining(fileName);
    }

    private static ScanSpec spec() {
        List<Column> planned = List.of(new Column("id", ColumnType.INTEGER, false),
                new Column("name", ColumnType.VARCHAR, true));
        return ParquetFixtures.allColumns(planned, List.of());
    }

    private static ScanSpec wholeRowSpec() {
        List<Column> planned = List.of(new Column("id", ColumnType.INTEGER, false),
                new Column("name", ColumnType.VARCHAR, true), new Column("tags", ColumnType.VARCHAR, true));
        List<OutputColumn> outputs = new ArrayList<>(ParquetFixtures.allColumns(planned, List.of()).outputs());
        outputs.add(new OutputColumn.WholeRow());
        return new ScanSpec(planned, outputs, List.of());
    }

    /** Returns the start and length of column {@code column}'s chunk in the first row group. */
    private long[] chunkOf(SourceFile file, int column) throws Exception {
        try (ParquetFileReader footer = ParquetFileReader.open(new LocalInputFile(fixtures.path(file.name())))) {
            ColumnChunkMetaData chunk = footer.getFooter().getBlocks().get(0).getColumns().get(column);
            return new long[] {chunk.getStartingPos(), chunk.getTotalSize()};
        }
    }

    private SourceFile write(String name, CompressionCodecName codec) throws Exception {
        SimpleGroupFactory factory = ParquetFixtures.groups(SCHEMA);
        List<Group> rows = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Group row = factory.newGroup().append("id", i).append("name", "name-" + i % 7);
            Group tags = row.addGroup("tags");
            for (int j = 0; j < i % 3; j++) {
                tags.addGroup("list").append("element", "t" + j);
            }
            rows.add(row);
        }
        return fixtures.write(name, SCHEMA, rows, builder -> builder.withCompressionCodec(codec));
    }
}
