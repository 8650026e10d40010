package dev.stowage.format.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stowage.error.ErrorCode;
import dev.stowage.error.StowageException;
import dev.stowage.format.FileFormatParser;
import dev.stowage.format.FileFormatType;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class Utf8ReaderTest {
    private static final Supplier<RecordScanner> SCANNERS =
            DelimitedOptions.of(FileFormatParser.defaults(FileFormatType.CSV))::newScanner;

    private static TextBlock block(byte[] bytes, long firstLine) {
        return new TextBlock(bytes, bytes.length, 0, firstLine);
    }

    @Test
    void readsAnyNumberOfCharactersAtATimeEvenHalfASurrogatePair() {
        String text = "a😀é日\n😀";
        for (int step : new int[] {1, 2, 3, 100}) {
            Utf8Reader reader = new Utf8Reader(block(text.getBytes(StandardCharsets.UTF_8), 1), "f", SCANNERS);
            StringBuilder read = new StringBuilder();
            char[] buffer = new char[step];
            int count;
            while ((count = reader.read(buffer, 0, step)) >= 0) {
                read.append(buffer, 0, count);
            }
            assertThat(read.toString()).as("step %d", step).isEqualTo(text);
        }
    }

    @Test
    void malformedBytesNameTheFileAndTheLineOfTheFile() {
        byte[] bytes = {'"', 'a', '\n', 'b', '"', '\n', 'c', (byte) 0xFF, '\n'};
        Utf8Reader reader = new Utf8Reader(block(bytes, 10), "dir/f.csv", SCANNERS);
        assertThatThrownBy(() -> reader.read(new char[16], 0, 16))
                .isInstanceOfSatisfying(StowageException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.BAD_DATA))
                .hasMessage("Invalid UTF-8 at line 12 of file dir/f.csv");
        Utf8Text text = new Utf8Text(SCANNERS);
        assertThatThrownBy(() -> text.decode(block(bytes, 10), "dir/f.csv"))
                .hasMessage("Invalid UTF-8 at line 12 of file dir/f.csv");
    }
}
