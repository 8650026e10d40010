package dev.stowage.query;

import static dev.stowage.testing.Sql.rows;
import static dev.stowage.testing.Sql.systemSchema;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Queries over {@code fs://} stages. */
class LocalStageQueryTest extends StageQueryContractTest {
    private Path directory(String stage) {
        return scratch.resolve("stages").resolve(stage);
    }

    @Override
    String createStage(String name) throws Exception {
        Files.createDirectories(directory(name));
        return "CREATE STAGE " + name + " URL = 'fs://" + directory(name) + "/'";
    }

    @Override
    void put(String stage, String path, Path file) throws Exception {
        Path target = directory(stage).resolve(path);
        Files.createDirectories(target.getParent());
        Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
    }

    private long planReuses() throws Exception {
        return systemSchema(connection).planCache().reuses();
    }

    private void putWithTime(String path, Path file, Instant modified) throws Exception {
        put("s", path, file);
        Files.setLastModifiedTime(directory("s").resolve(path), FileTime.from(modified));
    }

    @Test
    void anOldFileRewrittenWithTheSameSizeIsReadAsItIsNow() throws Exception {
        stage("s");
        List<Path> versions = twoVersionsOfTheSameSize();
        Instant now = Instant.now();
        putWithTime("w.parquet", versions.get(0), now.minus(Duration.ofHours(1)));
        assertThat(rows(connection, COUNT_OF_ID_2)).containsExactly(List.of("0"));
        assertThat(rows(connection, COUNT_OF_ID_2)).containsExactly(List.of("0"));
        assertThat(planReuses()).isEqualTo(1);
        putWithTime("w.parquet", versions.get(1), now.minus(Duration.ofMinutes(30)));
        assertThat(rows(connection, COUNT_OF_ID_2)).containsExactly(List.of("1"));
    }

    @Test
    void aFileRewrittenWithinTheTimestampGranularityIsReadAsItIsNow() throws Exception {
        stage("s");
        List<Path> versions = twoVersionsOfTheSameSize();
        // a file system with coarse timestamps gives the rewrite the same time and size
        Instant written = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        putWithTime("w.parquet", versions.get(0), written);
        assertThat(rows(connection, COUNT_OF_ID_2)).containsExactly(List.of("0"));
        putWithTime("w.parquet", versions.get(1), written);
        assertThat(rows(connection, COUNT_OF_ID_2)).containsExactly(List.of("1"));
        assertThat(planReuses()).isZero();
    }
}
