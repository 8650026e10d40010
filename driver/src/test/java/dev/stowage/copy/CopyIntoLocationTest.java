package dev.stowage.copy;

import static dev.stowage.testing.Sql.execute;
import static dev.stowage.testing.Sql.failure;
import static dev.stowage.testing.Sql.rows;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** COPY INTO &lt;location&gt;: files named as Databend names them, readable back, nothing left by a failed query. */
class CopyIntoLocationTest {
    @TempDir
    Path home;

    @TempDir
    Path staged;

    private Connection connection;

    @BeforeEach
    void open() throws Exception {
        connection = DriverManager.getConnection("jdbc:stowage:" + home);
        execute(connection, "CREATE STAGE s URL = 'fs://" + staged + "/'");
        execute(connection, "CREATE TABLE t (id INT, name VARCHAR)");
        execute(connection, "INSERT INTO t VALUES (1, 'ann'), (2, 'bob'), (3, 'cy')");
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    private List<String> files(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).map(file -> directory.relativize(file).toString()).sorted()
                    .toList();
        }
    }

    @Test
    void unloadsATableAsCsvThatReadsBack() throws Exception {
        List<List<String>> output = rows(connection, "COPY INTO @s/out FROM t FILE_FORMAT = (TYPE = CSV)");
        assertThat(output).containsExactly(List.of("3", "23", "23"));
        List<String> written = files(staged.resolve("out"));
        assertThat(written).singleElement().asString().matches("data_[0-9a-f]{32}_0000_00000000\\.csv");
        assertThat(Files.readString(staged.resolve("out").resolve(written.get(0))))
                .isEqualTo("1,\"ann\"\n2,\"bob\"\n3,\"cy\"\n");
        assertThat(rows(connection, "SELECT $1, $2 FROM @s/out/ (FILE_FORMAT => 'CSV') ORDER BY $1"))
                .containsExactly(List.of("1", "ann"), List.of("2", "bob"), List.of("3", "cy"));
    }

    @Test
    void unloadsAQueryAsParquetReadByName() throws Exception {
        execute(connection, "COPY INTO @s/parquet/ FROM (SELECT id * 2 AS twice, upper(name) AS loud FROM t"
                + " WHERE id > 1) INCLUDE_QUERY_ID = FALSE");
        assertThat(files(staged.resolve("parquet"))).containsExactly("data_0000_00000000.parquet");
        assertThat(rows(connection, "SELECT twice, loud FROM @s/parquet/ ORDER BY twice"))
                .containsExactly(List.of("4", "BOB"), List.of("6", "CY"));
    }

    @Test
    void databendsQuotedLocationExample() throws Exception {
        assertThat(rows(connection, "copy into '@s/a''b' from (select 1) file_format=(type=csv)"))
                .containsExactly(List.of("1", "2", "2"));
        assertThat(files(staged.resolve("a'b"))).singleElement().asString().endsWith(".csv");
    }

    @Test
    void rawPathsAreOverwrittenOnlyWhenAsked() throws Exception {
        String copy = "COPY INTO @s/exact.csv FROM t FILE_FORMAT = (TYPE = CSV) SINGLE = TRUE USE_RAW_PATH = TRUE"
                + " INCLUDE_QUERY_ID = FALSE";
        execute(connection, copy);
        assertThat(files(staged)).containsExactly("exact.csv");
        assertThat(failure(connection, copy, "22023", 1006)).hasMessageContaining("exact.csv already exists");
        execute(connection, copy + " OVERWRITE = TRUE");
        assertThat(Files.readString(staged.resolve("exact.csv"))).startsWith("1,\"ann\"");
        assertThat(failure(connection, "COPY INTO @s/x FROM t OVERWRITE = TRUE", "22023", 1006))
                .hasMessageContaining("USE_RAW_PATH");
    }

    @Test
    void largeUnloadsRollFilesAndDetailTheirRows() throws Exception {
        execute(connection, "CREATE TABLE many (n INT, pad VARCHAR)");
        execute(connection, "INSERT INTO many SELECT n, 'padding-padding-padding-' || CAST(n AS VARCHAR)"
                + " FROM (SELECT ROW_NUMBER() OVER () AS n FROM (VALUES (1), (2), (3), (4), (5), (6), (7), (8)) a,"
                + " (VALUES (1), (2), (3), (4), (5), (6), (7), (8)) b, (VALUES (1), (2), (3), (4), (5), (6), (7), (8)) c,"
                + " (VALUES (1), (2), (3), (4), (5), (6), (7), (8)) d)");
        List<List<String>> output = rows(connection, "COPY INTO @s/rolled/ FROM many FILE_FORMAT = (TYPE = CSV)"
                + " MAX_FILE_SIZE = 1000 DETAILED_OUTPUT = TRUE");
        // files are completed once they pass the size, give or take the writer's 64 KiB text buffer
        assertThat(output.size()).isGreaterThan(1);
        assertThat(output.stream().mapToLong(row -> Long.parseLong(row.get(2))).sum()).isEqualTo(4096);
        assertThat(output.get(0).get(0)).matches("rolled/data_[0-9a-f]{32}_0000_00000000\\.csv");
        assertThat(rows(connection, "SELECT count(*), count(DISTINCT $1) FROM @s/rolled/ (FILE_FORMAT => 'CSV')"))
                .containsExactly(List.of("4096", "4096"));
    }

    @Test
    void aFailingQueryLeavesNoFiles() throws Exception {
        assertThat(failure(connection, "COPY INTO @s/bad/ FROM (SELECT CAST(name AS INT) FROM t)", "22000", 0))
                .hasMessageContaining("ann");
        assertThat(files(staged.resolve("bad"))).isEmpty();
        failure(connection, "COPY INTO @s/bad/ FROM missing", "42000", 1065);
    }
}
