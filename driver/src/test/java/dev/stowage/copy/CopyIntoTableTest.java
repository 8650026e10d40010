package dev.stowage.copy;

import static dev.stowage.testing.Sql.execute;
import static dev.stowage.testing.Sql.failure;
import static dev.stowage.testing.Sql.rows;
import static org.assertj.core.api.Assertions.assertThat;

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
}
