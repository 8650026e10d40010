package dev.stowage.copy;

import static dev.stowage.testing.Sql.execute;
import static dev.stowage.testing.Sql.failure;
import static dev.stowage.testing.Sql.rows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.testing.ScanThreads;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** COPY INTO &lt;table&gt;: per-file output, ON_ERROR, load-once tracking, FORCE and PURGE. */
class CopyIntoTableTest {
    @TempDir
    Path home;

    @TempDir
    Path staged;

    private Connection connection;

    @BeforeEach
    void open() throws Exception {
        connection = DriverManager.getConnection("jdbc:stowage:" + home);
        execute(connection, "CREATE STAGE s URL = 'fs://" + staged + "/' FILE_FORMAT = (TYPE = CSV)");
        execute(connection, "CREATE TABLE t (id INT NOT NULL, name VARCHAR)");
        Files.writeString(staged.resolve("a.csv"), "1,ann\n2,bob\n");
        Files.writeString(staged.resolve("b.csv"), "3,cy\n");
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    private List<List<String>> copy(String options) throws SQLException {
        return rows(connection, "COPY INTO t FROM @s " + options);
    }

    private List<String> count() throws SQLException {
        return rows(connection, "SELECT count(*) FROM t").get(0);
    }

    @Test
    void loadsEachFileOnceUnlessForced() throws SQLException {
        assertThat(copy("PATTERN = '.*[.]csv'")).containsExactly(
                Arrays.asList("a.csv", "2", "0", null, null), Arrays.asList("b.csv", "1", "0", null, null));
        assertThat(rows(connection, "SELECT id, name FROM t ORDER BY id"))
                .containsExactly(List.of("1", "ann"), List.of("2", "bob"), List.of("3", "cy"));
        assertThat(copy("")).isEmpty();
        assertThat(count()).containsExactly("3");
        assertThat(copy("FILES = ('b.csv') FORCE = TRUE")).containsExactly(Arrays.asList("b.csv", "1", "0", null, null));
        assertThat(count()).containsExactly("4");
    }

    @Test
    void truncateForgetsWhatWasLoaded() throws Exception {
        copy("");
        execute(connection, "TRUNCATE TABLE t");
        assertThat(count()).containsExactly("0");
        assertThat(copy("")).hasSize(2);
        assertThat(count()).containsExactly("3");
    }

    @Test
    void aChangedFileIsLoadedAgain() throws Exception {
        copy("");
        Files.writeString(staged.resolve("b.csv"), "3,cy\n4,dee\n");
        assertThat(copy("")).containsExactly(Arrays.asList("b.csv", "2", "0", null, null));
        assertThat(count()).containsExactly("5");
    }

    @Test
    void abortIsTheDefaultAndLoadsNothing() throws Exception {
        Files.writeString(staged.resolve("c.csv"), "5,eve\nsix,fay\n");
        assertThat(failure(connection, "COPY INTO t FROM @s", "22018", 1046))
                .hasMessageContaining("'six'").hasMessageContaining("line 2").hasMessageContaining("c.csv");
        assertThat(count()).containsExactly("0");
        assertThat(copy("FILES = ('a.csv')")).hasSize(1);
    }

    @Test
    void continueSkipsBadRowsAndReportsTheFirst() throws Exception {
        Files.writeString(staged.resolve("c.csv"), "5,eve\nsix,fay\n,gus\n8,hal\n");
        List<List<String>> output = copy("ON_ERROR = CONTINUE");
        assertThat(output).hasSize(3);
        List<String> c = output.get(2);
        assertThat(c.subList(0, 3)).containsExactly("c.csv", "2", "2");
        assertThat(c.get(3)).contains("'six'", "id", "INTEGER");
        assertThat(c.get(4)).isEqualTo("2");
        assertThat(rows(connection, "SELECT id FROM t WHERE id > 3 ORDER BY id"))
                .containsExactly(List.of("5"), List.of("8"));
    }

    @Test
    void skipFileDropsTheWholeFile() throws Exception {
        Files.writeString(staged.resolve("c.csv"), "5,eve\nsix,fay\n");
        List<List<String>> output = copy("ON_ERROR = skip_file");
        assertThat(output.get(2).subList(0, 3)).containsExactly("c.csv", "0", "1");
        assertThat(count()).containsExactly("3");
        // a skipped file is not recorded as loaded: fixed, it loads next time
        Files.writeString(staged.resolve("c.csv"), "5,eve\n6,fay\n");
        assertThat(copy("")).containsExactly(Arrays.asList("c.csv", "2", "0", null, null));
    }

    @Test
    void abortAfterSeveralErrorsSkipsTheFirstOnes() throws Exception {
        Files.writeString(staged.resolve("c.csv"), "5,eve\nsix,fay\n");
        assertThat(copy("ON_ERROR = ABORT_2").get(2).subList(0, 3)).containsExactly("c.csv", "1", "1");
        Files.writeString(staged.resolve("d.csv"), "x,1\ny,2\n");
        failure(connection, "COPY INTO t FROM @s FILES = ('d.csv') ON_ERROR = ABORT_2", "22018", 1046);
    }

    @Test
    void purgeDeletesLoadedFiles() throws SQLException {
        copy("FILES = ('a.csv') PURGE = TRUE");
        assertThat(staged.resolve("a.csv")).doesNotExist();
        assertThat(staged.resolve("b.csv")).exists();
        assertThat(count()).containsExactly("2");
    }

    @Test
    void parquetFilesLoadByColumnName() throws Exception {
        Path parquet = staged.resolve("parquet");
        execute(connection, "CREATE TABLE src (name VARCHAR, id INT) 'fs://" + parquet + "/'");
        execute(connection, "INSERT INTO src VALUES ('zed', 26), ('amy', 1)");
        assertThat(rows(connection, "COPY INTO t FROM 'fs://" + parquet + "/' FILE_FORMAT = (TYPE = PARQUET)"))
                .singleElement().satisfies(row -> assertThat(row.subList(1, 3)).containsExactly("2", "0"));
        assertThat(rows(connection, "SELECT id, name FROM t ORDER BY id"))
                .containsExactly(List.of("1", "amy"), List.of("26", "zed"));
    }

    @Test
    void badOptionsAreRejected() {
        failure(connection, "COPY INTO t FROM @s ON_ERROR = sometimes", "22023", 1006);
        failure(connection, "COPY INTO t FROM @s SINGLE = TRUE", "22023", 1006);
        failure(connection, "COPY INTO missing FROM @s", "42P01", 1025);
        failure(connection, "COPY INTO t FROM @nope", "42704", 2501);
    }

    /** Writes {@code files} CSV files of {@code rows} rows each under {@code dir}, ids counting on from {@code first}. */
    private void writeFiles(String dir, int files, int rows, int first) throws Exception {
        Files.createDirectories(staged.resolve(dir));
        int id = first;
        for (int f = 0; f < files; f++) {
            StringBuilder text = new StringBuilder();
            for (int r = 0; r < rows; r++, id++) {
                text.append(id).append(",n").append(id).append('\n');
            }
            Files.writeString(staged.resolve(dir).resolve(String.format("f%03d.csv", f)), text);
        }
    }

    @Test
    void manyFilesLoadInOrderWhileTheNextOnesAreReadAhead() throws Exception {
        // files larger than the rows a reading holds ahead, and small ones
        writeFiles("many", 3, 10_000, 0);
        writeFiles("many/small", 30, 7, 30_000);
        List<List<String>> loaded = rows(connection, "COPY INTO t FROM @s/many/");
        assertThat(loaded).hasSize(33);
        assertThat(loaded.stream().map(row -> row.get(0)).toList()).isSorted();
        assertThat(loaded).allSatisfy(row -> assertThat(row.get(2)).isEqualTo("0"));
        assertThat(rows(connection, "SELECT count(*), sum(id), min(id), max(id) FROM t"))
                .containsExactly(List.of("30210", "456306945", "0", "30209"));
        assertThat(ScanThreads.running()).as("reading threads").isEmpty();
    }

    @Test
    void aBadFileAmongManyStopsTheReadingsAhead() throws Exception {
        writeFiles("bad", 6, 10_000, 0);
        // a bad value early in a file larger than what is read ahead of it
        Path bad = staged.resolve("bad/f001.csv");
        Files.writeString(bad, Files.readString(bad).replaceFirst("\n10001,", "\nnot a number,"));
        assertThat(failure(connection, "COPY INTO t FROM @s/bad/", "22018", 1046)).hasMessageContaining("f001.csv");
        assertThat(count()).containsExactly("0");
        assertThat(ScanThreads.running()).as("reading threads").isEmpty();

        // skipping the file goes on with the files read ahead of it
        assertThat(rows(connection, "COPY INTO t FROM @s/bad/ ON_ERROR = SKIP_FILE").stream()
                .map(row -> row.get(0) + " " + row.get(1)).toList())
                .containsExactly("bad/f000.csv 10000", "bad/f001.csv 0", "bad/f002.csv 10000", "bad/f003.csv 10000",
                        "bad/f004.csv 10000", "bad/f005.csv 10000");
        assertThat(count()).containsExactly("50000");
        assertThat(ScanThreads.running()).as("reading threads").isEmpty();
    }
}
