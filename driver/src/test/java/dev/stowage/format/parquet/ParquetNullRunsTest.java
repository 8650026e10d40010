package dev.stowage.format.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.scan.ScanSpec;
import dev.stowage.scan.ScanUnit;
import dev.stowage.scan.SourceFile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.parquet.column.ParquetProperties.WriterVersion;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.schema.MessageType;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Column batches of a nullable column whose definition levels are long runs without NULL, which are skipped rather
 * than decoded: a batch may join the end of one page, skipped, with the start of the next, holding a NULL.
 */
class ParquetNullRunsTest {
    private static final MessageType SCHEMA =
            ParquetFixtures.schema("message m { optional int64 x; optional double y; }");
    private static final int PAGE = 1000;
    /** NULL in the first batch, at an index the next batch reaches through pages it skips the levels of. */
    private static final int FIRST_NULL = 5;
    /** NULL in the second batch, in a page after the one it starts in. */
    private static final int SECOND_NULL = (RowGroupUnit.BATCH / PAGE + 2) * PAGE + 10;
    private static final int ROWS = 2 * RowGroupUnit.BATCH + PAGE;

    @RegisterExtension
    final ParquetFixtures fixtures = new ParquetFixtures();
    private final ParquetFormatReader reader = ParquetFixtures.reader(false);

    @ParameterizedTest
    @EnumSource(names = {"PARQUET_1_0", "PARQUET_2_0"})
    void everyValueAndEveryNullIsWhereItWasWritten(WriterVersion version) throws Exception {
        assertThat(SECOND_NULL).as("in the second batch").isBetween(RowGroupUnit.BATCH, 2 * RowGroupUnit.BATCH - 1);
        SimpleGroupFactory factory = ParquetFixtures.groups(SCHEMA);
        List<Group> groups = new ArrayList<>();
        List<List<Object>> expected = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            Group row = factory.newGroup();
            boolean isNull = i == FIRST_NULL || i == SECOND_NULL;
            if (!isNull) {
                row.append("x", (long) i).append("y", i / 4.0);
            }
            groups.add(row);
            expected.add(isNull ? Arrays.asList(null, null) : List.of((long) i, i / 4.0));
        }
        SourceFile file = fixtures.write("runs.parquet", SCHEMA, groups,
                builder -> builder.withWriterVersion(version).withDictionaryEncoding(false)
                        .withPageRowCountLimit(PAGE).withRowGroupRowCountLimit(ROWS));
        ScanSpec spec = ParquetFixtures.allColumns(reader.schema(file, 0), List.of());

        List<List<Object>> read = new ArrayList<>();
        for (ScanUnit unit : ParquetFixtures.units(reader, file, spec)) {
            unit.readBatches(batch -> {
                for (int i = 0; i < batch.size(); i++) {
                    read.add(Arrays.asList(batch.row(i)));
                }
                return true;
            });
        }
        assertThat(read).isEqualTo(expected);
    }
}
