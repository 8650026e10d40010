package dev.stowage.format.text;

import static dev.stowage.format.text.TextFiles.format;
import static dev.stowage.format.text.TextFiles.positional;
import static dev.stowage.format.text.TextFiles.read;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.scan.OutputColumn;
import dev.stowage.scan.SourceFile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random CSV files full of quotes, delimiters and line breaks inside fields read the same whatever the block size:
 * blocks are cut only where a record ends, and record numbers carry over from block to block.
 */
class CsvBlockCuttingTest {
    private static final String[] PIECES =
            {"a", "bc", ",", "\"", "\n", "\r", "\r\n", " ", "é", "😀", "\\", ";", "x"};
    private static final int FIELDS = 4;

    @RegisterExtension
    final TextFiles files = new TextFiles();

    /** A generated file and the rows it must read as. */
    private record Sample(String text, List<List<Object>> rows) {
    }

    private static Sample sample(long seed, boolean backslashEscape) {
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder();
        List<List<Object>> rows = new ArrayList<>();
        for (int record = 0; record < 300; record++) {
            if (random.nextInt(10) == 0) {
                text.append(random.nextBoolean() ? "\n" : "\r\n");
            }
            int count = 1 + random.nextInt(FIELDS);
            Object[] row = new Object[FIELDS + 1];
            for (int field = 0; field < count; field++) {
                StringBuilder value = new StringBuilder();
                int pieces = random.nextInt(5);
                for (int i = 0; i < pieces; i++) {
                    value.append(PIECES[random.nextInt(PIECES.length)]);
                }
                if (field > 0) {
                    text.append(',');
                }
                String plain = value.toString();
                boolean special = plain.isEmpty() || plain.chars().anyMatch(c -> ",\"\r\n\\".indexOf(c) >= 0);
                if (special || random.nextInt(5) == 0) {
                    String escaped = backslashEscape
                            ? plain.replace("\\", "\\\\").replace("\"", random.nextBoolean() ? "\\\"" : "\"\"")
                            : plain.replace("\"", "\"\"");
                    text.append('"').append(escaped).append('"');
                } else {
                    text.append(plain);
                }
                row[field] = plain;
            }
            row[FIELDS] = (long) record;
            rows.add(Arrays.asList(row));
            boolean last = record == 299;
            if (!last || random.nextBoolean()) {
                text.append(random.nextBoolean() ? "\n" : "\r\n");
            }
        }
        return new Sample(text.toString(), rows);
    }

    private static List<OutputColumn> outputs() {
        List<OutputColumn> outputs = new ArrayList<>(TextFiles.text(FIELDS));
        outputs.add(new OutputColumn.FileRowNumber());
        return outputs;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void fastCsvReadsEveryBlockSizeAlike(long seed) throws Exception {
        Sample sample = sample(seed, false);
        SourceFile file = files.write("f" + seed + ".csv", sample.text());
        for (int blockSize : new int[] {1, 7, 64, 333, 4096, 1 << 20}) {
            assertThat(read(new CsvFormatReader(format("CSV"), blockSize), file, positional(outputs())))
                    .as("seed %d, block size %d", seed, blockSize).isEqualTo(sample.rows());
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {6, 7, 8, 9, 10})
    void backslashEscapesReadEveryBlockSizeAlike(long seed) throws Exception {
        Sample sample = sample(seed, true);
        SourceFile file = files.write("e" + seed + ".csv", sample.text());
        for (int blockSize : new int[] {1, 7, 64, 333, 4096, 1 << 20}) {
            assertThat(read(new CsvFormatReader(format("CSV", "escape", "\\"), blockSize), file,
                    positional(outputs())))
                    .as("seed %d, block size %d", seed, blockSize).isEqualTo(sample.rows());
        }
    }
}
