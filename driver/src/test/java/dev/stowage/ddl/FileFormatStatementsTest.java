package dev.stowage.ddl;

import static dev.stowage.testing.Sql.columns;
import static dev.stowage.testing.Sql.execute;
import static dev.stowage.testing.Sql.failure;
import static dev.stowage.testing.Sql.rows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.testing.Sql;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CREATE/DROP FILE FORMAT, SHOW FILE FORMATS and FORMAT_NAME in CREATE STAGE through JDBC, on a persistent catalog. */
class FileFormatStatementsTest {
    /** Databend's SHOW FILE FORMATS text for {@code TYPE=CSV FIELD_DELIMITER='\t' ESCAPE='\\'} (its 05_0030 test). */
    private static final String TAB_CSV = "TYPE = CSV COMPRESSION = None FIELD_DELIMITER = '\\t'"
            + " RECORD_DELIMITER = '\\n' QUOTE = '\\\"' ESCAPE = '\\\\' SKIP_HEADER= 0 OUTPUT_HEADER= false"
            + " NULL_DISPLAY = '\\\\N' NAN_DISPLAY = 'NaN' EMPTY_FIELD_AS = NULL BINARY_FORMAT = hex"
            + " ERROR_ON_COLUMN_COUNT_MISMATCH = true";
    private static final String DEFAULT_CSV = "TYPE = CSV COMPRESSION = None FIELD_DELIMITER = ',' RECORD_DELIMITER ="
            + " '\\n' QUOTE = '\\\"' ESCAPE = '' SKIP_HEADER= 0 OUTPUT_HEADER= false NULL_DISPLAY = '\\\\N'"
            + " NAN_DISPLAY = 'NaN' EMPTY_FIELD_AS = NULL BINARY_FORMAT = hex ERROR_ON_COLUMN_COUNT_MISMATCH = true";

    @TempDir
    Path home;

    private Connection connection;

    @BeforeEach
    void open() throws SQLException {
        connection = DriverManager.getConnection("jdbc:stowage:" + home + ";user=alice");
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    private List<List<String>> show() throws SQLException {
        return rows(connection, "SHOW FILE FORMATS");
    }

    private String stageFormat(String stage) throws SQLException {
        List<List<String>> rows = rows(connection, "DESC STAGE " + stage);
        assertThat(rows).hasSize(1);
        return rows.get(0).get(8);
    }

    @Test
    void databendDdlTestSequence() throws SQLException {
        // 05_0030_ddl_file_format.test, statement by statement
        execute(connection, "DROP FILE FORMAT IF EXISTS test_format");
        assertThat(failure(connection, "DROP FILE FORMAT test_format", "42704", 2507))
                .hasMessage("Unknown file format 'test_format'.");
        execute(connection, "CREATE FILE FORMAT test_format TYPE=CSV  FIELD_DELIMITER='\\t' ESCAPE='\\\\'");
        execute(connection, "CREATE FILE FORMAT if not exists test_format TYPE=CSV");
        assertThat(failure(connection, "CREATE FILE FORMAT test_format TYPE=CSV", "42710", 2509))
                .hasMessage("File format 'test_format' already exists.");
        assertThat(columns(connection, "SHOW FILE FORMATS")).containsExactly("name", "format_options");
        assertThat(show()).containsExactly(List.of("test_format", TAB_CSV));
        execute(connection, "DROP FILE FORMAT test_format");
        assertThat(failure(connection, "DROP FILE FORMAT test_format", "42704", 2507))
                .hasMessage("Unknown file format 'test_format'.");
        assertThat(show()).isEmpty();
        assertThat(failure(connection, "CREATE FILE FORMAT csv TYPE=CSV", "42601", 1005))
                .hasMessage("File format 'csv' is reserved and cannot be used");
        execute(connection, "CREATE FILE FORMAT replace_file_format TYPE=CSV");
        failure(connection, "CREATE OR REPLACE FILE FORMAT IF NOT EXISTS replace_file_format TYPE=CSV"
                + "  FIELD_DELIMITER='\\t' ESCAPE='\\\\'", "42601", 1005);
        assertThat(show()).containsExactly(List.of("replace_file_format", DEFAULT_CSV));
        execute(connection, "CREATE OR REPLACE FILE FORMAT replace_file_format TYPE=CSV  FIELD_DELIMITER='\\t'"
                + " ESCAPE='\\\\'");
        assertThat(show()).containsExactly(List.of("replace_file_format", TAB_CSV));
    }

    @Test
    void showListsEveryTypeByNameInDatabendText() throws SQLException {
        execute(connection, "CREATE FILE FORMAT t_tsv TYPE = TSV COMPRESSION = GZIP");
        execute(connection, "CREATE FILE FORMAT b_ndjson TYPE = NDJSON, MISSING_FIELD_AS = 'field_default'");
        execute(connection, "CREATE FILE FORMAT a_parquet TYPE = 'parquet'");
        execute(connection, "CREATE FILE FORMAT Z_orc TYPE = ORC MISSING_FIELD_AS = FIELD_DEFAULT");
        execute(connection, "CREATE FILE FORMAT c_avro TYPE = AVRO");
        execute(connection, "CREATE FILE FORMAT d_json TYPE = JSON COMPRESSION = 'raw_deflate'");
        execute(connection, "CREATE FILE FORMAT e_csv TYPE = CSV, RECORD_DELIMITER = '\\r\\n', QUOTE = '''',"
                + " NULL_DISPLAY = 'nil', NAN_DISPLAY = 'null', SKIP_HEADER = 3, OUTPUT_HEADER = TRUE,"
                + " EMPTY_FIELD_AS = STRING, BINARY_FORMAT = BASE64, ERROR_ON_COLUMN_COUNT_MISMATCH = FALSE,"
                + " COMPRESSION = AUTO, FIELD_DELIMITER = '\\x01'");
        assertThat(show()).containsExactly(
                List.of("Z_orc", "TYPE = ORC MISSING_FIELD_AS = FIELD_DEFAULT"),
                List.of("a_parquet", "TYPE = PARQUET MISSING_FIELD_AS = ERROR"),
                List.of("b_ndjson", "TYPE = NDJSON, COMPRESSION = None MISSING_FIELD_AS = FIELD_DEFAULT"
                        + " NULL_FIELDS_AS = NULL"),
                List.of("c_avro", "TYPE = AVRO, NULL_FIELDS_AS = None"),
                List.of("d_json", "TYPE = JSON COMPRESSION = RawDeflate"),
                List.of("e_csv", "TYPE = CSV COMPRESSION = Auto FIELD_DELIMITER = '\\x01' RECORD_DELIMITER = '\\r\\n'"
                        + " QUOTE = '\\'' ESCAPE = '' SKIP_HEADER= 3 OUTPUT_HEADER= true NULL_DISPLAY = 'nil'"
                        + " NAN_DISPLAY = 'null' EMPTY_FIELD_AS = STRING BINARY_FORMAT = base64"
                        + " ERROR_ON_COLUMN_COUNT_MISMATCH = false"),
                List.of("t_tsv", "TYPE = TSV COMPRESSION = Gzip FIELD_DELIMITER = '\\t' RECORD_DELIMITER = '\\n'"
                        + " ESCAPE = '\\\\' QUOTE = '\\'' SKIP_HEADER = 0 NAN_DISPLAY = 'nan'"));
        assertThat(rows(connection, "SELECT name FROM system.file_formats WHERE format_options LIKE 'TYPE = CSV%'"))
                .containsExactly(List.of("e_csv"));
    }

    @Test
    void invalidFormatsAreRejectedWithDatabendCodesAndChangeNothing() throws SQLException {
        execute(connection, "CREATE FILE FORMAT keep TYPE = CSV");
        assertThat(failure(connection, "CREATE FILE FORMAT f", "22023", 2508))
                .hasMessageContaining("FILE_FORMAT must include at least one of the TYPE or NAME option");
        assertThat(failure(connection, "CREATE FILE FORMAT f SKIP_HEADER = 1", "22023", 2508))
                .hasMessageContaining("FILE_FORMAT must include at least one of the TYPE or NAME option");
        assertThat(failure(connection, "CREATE FILE FORMAT f TYPE = 'foo'", "22023", 2508))
                .hasMessageContaining("Unknown file format type 'foo'");
        assertThat(failure(connection, "CREATE FILE FORMAT f TYPE = LANCE", "22023", 2505))
                .hasMessageContaining("LANCE file format is only supported in COPY INTO <location>");
        assertThat(failure(connection, "CREATE FILE FORMAT f TYPE = PARQUET SKIP_HEADER = 1", "22023", 2508))
                .hasMessage("Unsupported options for Parquet:  {skip_header: 1}");
        assertThat(failure(connection, "CREATE FILE FORMAT f TYPE = CSV FIELD_DELIMITER = 'ab'", "22023", 1006))
                .hasMessageContaining("Invalid CSV option value: FIELD_DELIMITER is currently set to 'ab'.");
        assertThat(failure(connection, "CREATE FILE FORMAT f TYPE = CSV FORMAT_NAME = 'keep'", "22023", 2508))
                .hasMessage("Unsupported options for CSV:  {format_name: 'keep'}");
        assertThat(failure(connection, "CREATE FILE FORMAT f FORMAT_NAME = 'keep'", "22023", 2508))
                .hasMessageContaining("FILE_FORMAT must include at least one of the TYPE or NAME option");
        for (String reserved : List.of("CSV", "tsv", "TabSeparated", "ndjson", "JSONEachRow", "parquet", "xml", "json",
                "orc", "avro")) {
            assertThat(failure(connection, "CREATE OR REPLACE FILE FORMAT \"" + reserved + "\" TYPE = CSV", "42601",
                    1005)).hasMessage("File format '" + reserved + "' is reserved and cannot be used");
        }
        failure(connection, "CREATE FILE FORMAT f (TYPE = CSV)", "42601", 1005);
        failure(connection, "CREATE FILE FORMAT f TYPE = CSV SKIP_HEADER = -1", "42601", 1005);
        failure(connection, "DROP FILE FORMAT", "42601", 1005);
        assertThat(failure(connection, "CREATE FILE FORMAT keep TYPE = TSV", "42710", 2509))
                .hasMessage("File format 'keep' already exists.");
        assertThat(show()).containsExactly(List.of("keep", DEFAULT_CSV));
    }

    @Test
    void namesAreCaseSensitiveAndKeptAsWritten() throws SQLException {
        execute(connection, "CREATE FILE FORMAT My_Csv TYPE = CSV");
        execute(connection, "CREATE FILE FORMAT \"my csv\" TYPE = CSV FIELD_DELIMITER = '|'");
        execute(connection, "CREATE FILE FORMAT my_csv TYPE = TSV");
        assertThat(show()).extracting(r -> r.get(0)).containsExactly("My_Csv", "my csv", "my_csv");
        execute(connection, "DROP FILE FORMAT My_Csv");
        failure(connection, "DROP FILE FORMAT MY_CSV", "42704", 2507);
        assertThat(show()).extracting(r -> r.get(0)).containsExactly("my csv", "my_csv");
    }

    @Test
    void stageCopiesANamedFormat() throws SQLException {
        execute(connection, "CREATE FILE FORMAT my_csv type = CSV field_delimiter = '|'");
        execute(connection, "CREATE STAGE stage$named_format FILE_FORMAT = (FORMAT_NAME = 'my_csv')");
        String copied = stageFormat("stage$named_format");
        assertThat(copied).contains("\"type\":\"CSV\"", "\"field_delimiter\":\"|\"");

        // replacing or dropping the named format does not reach the stage: it holds a copy
        execute(connection, "CREATE OR REPLACE FILE FORMAT my_csv TYPE = TSV");
        assertThat(stageFormat("stage$named_format")).isEqualTo(copied);
        execute(connection, "DROP FILE FORMAT my_csv");
        assertThat(stageFormat("stage$named_format")).isEqualTo(copied);
        connection.close();
        connection = DriverManager.getConnection("jdbc:stowage:" + home);
        assertThat(stageFormat("stage$named_format")).isEqualTo(copied);
    }

    @Test
    void formatNameInCreateStage() throws SQLException {
        assertThat(failure(connection, "CREATE STAGE s FILE_FORMAT = (FORMAT_NAME = 'nope')", "42704", 2507))
                .hasMessage("Unknown file format 'nope'.");
        execute(connection, "CREATE FILE FORMAT Pipes TYPE = CSV FIELD_DELIMITER = '|'");
        assertThat(failure(connection, "CREATE STAGE s FILE_FORMAT = (FORMAT_NAME = 'pipes')", "42704", 2507))
                .hasMessage("Unknown file format 'pipes'.");
        assertThat(failure(connection, "CREATE STAGE s FILE_FORMAT = (FORMAT_NAME = 'Pipes' SKIP_HEADER = 1)",
                "22023", 2508)).hasMessageContaining("FORMAT_NAME cannot be combined with other options");
        // a type name stands for that type with its defaults, as in Databend
        execute(connection, "CREATE STAGE by_type FILE_FORMAT = (FORMAT_NAME = 'csv')");
        assertThat(stageFormat("by_type")).contains("\"type\":\"CSV\"", "\"field_delimiter\":\",\"");
        execute(connection, "CREATE STAGE s URL = 'fs://" + home + "/ext/' FILE_FORMAT = (FORMAT_NAME = 'Pipes')"
                + " COMMENT = 'external'");
        assertThat(stageFormat("s")).contains("\"field_delimiter\":\"|\"");
        assertThat(rows(connection, "SHOW STAGES")).extracting(r -> r.get(0)).containsExactly("by_type", "s");
    }

    @Test
    void formatsSurviveAReconnect() throws SQLException {
        execute(connection, "CREATE FILE FORMAT test_format TYPE=CSV FIELD_DELIMITER='\\t' ESCAPE='\\\\'");
        execute(connection, "CREATE FILE FORMAT other TYPE = PARQUET");
        execute(connection, "CREATE FILE FORMAT gone TYPE = ORC");
        execute(connection, "DROP FILE FORMAT gone");
        List<List<String>> before = show();
        connection.close();
        connection = DriverManager.getConnection("jdbc:stowage:" + home);
        assertThat(show()).isEqualTo(before).containsExactly(
                List.of("other", "TYPE = PARQUET MISSING_FIELD_AS = ERROR"), List.of("test_format", TAB_CSV));
        execute(connection, "CREATE STAGE later FILE_FORMAT = (FORMAT_NAME = 'test_format')");
        assertThat(stageFormat("later")).contains("\"field_delimiter\":\"\\t\"", "\"escape\":\"\\\\\"");
        failure(connection, "CREATE FILE FORMAT test_format TYPE = TSV", "42710", 2509);
    }

    @Test
    void memoryCatalogsKeepTheirOwnFormats() throws SQLException {
        try (Connection memory = Sql.newMemoryConnection(); Connection other = Sql.newMemoryConnection()) {
            assertThat(rows(memory, "SHOW FILE FORMATS")).isEmpty();
            execute(memory, "CREATE FILE FORMAT f TYPE = JSON");
            assertThat(rows(memory, "SHOW FILE FORMATS"))
                    .containsExactly(List.of("f", "TYPE = JSON COMPRESSION = None"));
            assertThat(rows(other, "SHOW FILE FORMATS")).isEmpty();
            assertThat(show()).isEmpty();
        }
    }
}
