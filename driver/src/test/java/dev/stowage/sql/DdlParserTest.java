package dev.stowage.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.stowage.format.OptionValue;
import dev.stowage.sql.ddl.SqlCreateConnection;
import dev.stowage.sql.ddl.SqlCreateFileFormat;
import dev.stowage.sql.ddl.SqlDropObject;
import dev.stowage.ddl.StowageDdlExecutor;
import dev.stowage.sql.parser.impl.StowageParserImpl;
import java.util.List;
import java.util.Map;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParserFixture;
import org.apache.calcite.sql.parser.SqlParserTest;
import org.apache.calcite.sql.parser.StringAndPos;
import org.junit.jupiter.api.Test;

/**
 * Tests Stowage's SQL parser. Extending {@link SqlParserTest} runs every one of Calcite's own parser tests against
 * {@link StowageParserImpl}, which proves the extended grammar still parses all of Calcite's SQL; the tests below add
 * Stowage's statements.
 */
class DdlParserTest extends SqlParserTest {
    @Override
    public SqlParserFixture fixture() {
        return super.fixture()
            .withConfig(c -> c.withParserFactory(StowageDdlExecutor.PARSER_FACTORY))
            .withTester(new StowageTester());
    }

    /** Unparses with {@link UnparsingTesterImpl}, which also re-parses the output and checks that it is stable. */
    private SqlParserFixture roundTrip(String sql) {
        return sql(sql).withTester(new UnparsingTesterImpl());
    }

    // ----- inherited tests whose expectation changes with the extended grammar -----
    //
    // Calcite declares its tests package-private, so a subclass in another package cannot @Override them (a same-named
    // method would not override it, so the inherited test would still run and fail). Corrected expectations are
    // therefore applied by the fixture's tester, below; each correction names the inherited tests it affects.

    /**
     * Stowage adds the {@code <STAGE_REF>} token (FROM @stage/path) and quoted locations (FROM 's3://...') as table references, so they join every "Was
     * expecting one of" list where Calcite expects a table reference. Affects testFromValuesWithoutParens.
     */
    private static String withStageRefExpected(String expectedMsgPattern) {
        return expectedMsgPattern.replace(CALCITE_TABLE_REF_EXPECTED, STOWAGE_TABLE_REF_EXPECTED);
    }

    private static final String CALCITE_TABLE_REF_EXPECTED = "Was expecting one of:\n"
        + "    \"LATERAL\" \\.\\.\\.\n"
        + "    \"TABLE\" \\.\\.\\.\n";
    private static final String STOWAGE_TABLE_REF_EXPECTED = "Was expecting one of:\n"
        + "    <STAGE_REF> \\.\\.\\.\n"
        + "    \"LATERAL\" \\.\\.\\.\n"
        + "    \"TABLE\" \\.\\.\\.\n"
        + "    <QUOTED_STRING> \\.\\.\\.\n"
        + "    <BIG_QUERY_DOUBLE_QUOTED_STRING> \\.\\.\\.\n"
        + "    <BIG_QUERY_QUOTED_STRING> \\.\\.\\.\n";

    /** Calcite's default tester, with the corrected error expectations above. */
    private static final class StowageTester extends TesterImpl {
        @Override
        protected void checkEx(String expectedMsgPattern, StringAndPos sap, Throwable thrown) {
            super.checkEx(expectedMsgPattern == null ? null : withStageRefExpected(expectedMsgPattern), sap, thrown);
        }
    }

    @Test
    void correctedExpectationStillChecksStageRef() {
        // the stock expectation, corrected, must match Stowage's message; the uncorrected one must not
        String stock = "(?s)Encountered \"values\" at line 1, column 15\\.\n"
            + "Was expecting one of:\n"
            + "    \"LATERAL\" \\.\\.\\.\n"
            + "    \"TABLE\" \\.\\.\\.\n"
            + ".*";
        sql("select 1 from ^values^('x')").fails(stock);
        assertThrows(AssertionError.class,
            () -> sql("select 1 from ^values^('x')").withTester(new TesterImpl() { }).fails(stock));
    }

    // ----- CREATE CONNECTION -----

    @Test
    void createConnection() {
        sql("CREATE CONNECTION my_s3 STORAGE_TYPE = 's3' ENDPOINT_URL = 'https://s3.amazonaws.com'"
                + " REGION = 'us-east-1'")
            .ok("CREATE CONNECTION `MY_S3` `STORAGE_TYPE` = 's3' `ENDPOINT_URL` = 'https://s3.amazonaws.com'"
                + " `REGION` = 'us-east-1'")
            .node(isDdl());
    }

    @Test
    void createConnectionNode() {
        SqlNode node = sql("create connection c storage_type = 'S3' Access_Key_Id = 'AKIA' REGION = 'x' region = 'y'")
            .node();
        assertThat(node).isInstanceOf(SqlCreateConnection.class);
        SqlCreateConnection create = (SqlCreateConnection) node;
        assertThat(create.name()).isEqualTo("C");
        assertThat(create.storageType()).isEqualTo("S3");
        assertThat(create.getReplace()).isFalse();
        assertThat(create.ifNotExists).isFalse();
        // keys lower-cased, values verbatim, a repeated key keeps its last value
        assertThat(create.parameters()).containsExactly(Map.entry("access_key_id", "AKIA"), Map.entry("region", "y"));
    }

    @Test
    void createOrReplaceConnection() {
        sql("CREATE OR REPLACE CONNECTION c STORAGE_TYPE = 's3'")
            .ok("CREATE OR REPLACE CONNECTION `C` `STORAGE_TYPE` = 's3'");
        SqlCreateConnection create = (SqlCreateConnection) sql("CREATE OR REPLACE CONNECTION c STORAGE_TYPE = 's3'")
            .node();
        assertThat(create.getReplace()).isTrue();
        assertThat(create.ifNotExists).isFalse();
    }

    @Test
    void createConnectionIfNotExists() {
        sql("CREATE CONNECTION IF NOT EXISTS c STORAGE_TYPE = 's3'")
            .ok("CREATE CONNECTION IF NOT EXISTS `C` `STORAGE_TYPE` = 's3'");
        SqlCreateConnection create = (SqlCreateConnection) sql("CREATE CONNECTION IF NOT EXISTS c STORAGE_TYPE = 's3'")
            .node();
        assertThat(create.ifNotExists).isTrue();
        assertThat(create.getReplace()).isFalse();
    }

    @Test
    void createConnectionQuotedName() {
        sql("CREATE CONNECTION \"My S3\" STORAGE_TYPE = 's3'")
            .ok("CREATE CONNECTION `My S3` `STORAGE_TYPE` = 's3'");
        assertThat(((SqlCreateConnection) sql("CREATE CONNECTION \"my_s3\" STORAGE_TYPE = 's3'").node()).name())
            .isEqualTo("my_s3");
    }

    @Test
    void createConnectionLowerCaseKeywords() {
        sql("create or replace connection if_s3 storage_type = 's3' endpoint_url = 'http://minio:9000'")
            .ok("CREATE OR REPLACE CONNECTION `IF_S3` `STORAGE_TYPE` = 's3' `ENDPOINT_URL` = 'http://minio:9000'");
        sql("create connection if not exists c storage_type = 'gcs' credential = 'abc'")
            .ok("CREATE CONNECTION IF NOT EXISTS `C` `STORAGE_TYPE` = 'gcs' `CREDENTIAL` = '***'");
    }

    @Test
    void createConnectionAliasKeys() {
        // aliases are kept as written; StorageType resolves them, the parser does not
        sql("CREATE CONNECTION c STORAGE_TYPE = 's3' AWS_KEY_ID = 'AKIA' AWS_ROLE_ARN = 'arn:aws:iam::1:role/r'")
            .ok("CREATE CONNECTION `C` `STORAGE_TYPE` = 's3' `AWS_KEY_ID` = 'AKIA'"
                + " `AWS_ROLE_ARN` = 'arn:aws:iam::1:role/r'");
        SqlCreateConnection create = (SqlCreateConnection) sql("CREATE CONNECTION c STORAGE_TYPE = 's3'"
                + " AWS_KEY_ID = 'AKIA' AWS_SECRET_KEY = 'shh'").node();
        assertThat(create.parameters()).containsExactly(Map.entry("aws_key_id", "AKIA"),
            Map.entry("aws_secret_key", "shh"));
    }

    @Test
    void createConnectionBareBoolean() {
        sql("CREATE CONNECTION c STORAGE_TYPE = 's3' ENABLE_VIRTUAL_HOST_STYLE = TRUE")
            .ok("CREATE CONNECTION `C` `STORAGE_TYPE` = 's3' `ENABLE_VIRTUAL_HOST_STYLE` = TRUE");
        sql("create connection c storage_type = 's3' enable_virtual_host_style = false")
            .ok("CREATE CONNECTION `C` `STORAGE_TYPE` = 's3' `ENABLE_VIRTUAL_HOST_STYLE` = FALSE");
        sql("CREATE CONNECTION c STORAGE_TYPE = 's3' ENABLE_VIRTUAL_HOST_STYLE = 'true'")
            .ok("CREATE CONNECTION `C` `STORAGE_TYPE` = 's3' `ENABLE_VIRTUAL_HOST_STYLE` = 'true'");
        SqlCreateConnection create = (SqlCreateConnection) sql("CREATE CONNECTION c STORAGE_TYPE = 's3'"
                + " ENABLE_VIRTUAL_HOST_STYLE = TRUE").node();
        assertThat(create.parameters()).containsExactly(Map.entry("enable_virtual_host_style", "true"));
    }

    @Test
    void createConnectionMasksSecrets() {
        sql("CREATE CONNECTION c STORAGE_TYPE = 's3' ACCESS_KEY_ID = 'AKIAEXAMPLE'"
                + " SECRET_ACCESS_KEY = 'wJalrXUtnFEMI/K7MDENG' Session_Token = 'tok'")
            .ok("CREATE CONNECTION `C` `STORAGE_TYPE` = 's3' `ACCESS_KEY_ID` = 'AKIAEXAMPLE'"
                + " `SECRET_ACCESS_KEY` = '***' `SESSION_TOKEN` = '***'");
        // an alias of a secret key is masked too
        sql("CREATE CONNECTION c STORAGE_TYPE = 's3' AWS_SECRET_KEY = 'wJalrXUtnFEMI'")
            .ok("CREATE CONNECTION `C` `STORAGE_TYPE` = 's3' `AWS_SECRET_KEY` = '***'");
        // the node keeps the real value for the executor; only its SQL text is masked
        SqlCreateConnection create = (SqlCreateConnection) sql("CREATE CONNECTION c STORAGE_TYPE = 's3'"
                + " SECRET_ACCESS_KEY = 'wJalrXUtnFEMI'").node();
        assertThat(create.parameters()).containsEntry("secret_access_key", "wJalrXUtnFEMI");
        assertThat(create.toString()).doesNotContain("wJalrXUtnFEMI");
    }

    @Test
    void createConnectionUnparseIsStable() {
        roundTrip("create or replace connection \"c 1\" storage_type = 's3' region = 'r'"
                + " enable_virtual_host_style = true secret_access_key = 'abcdef'")
            .ok("CREATE OR REPLACE CONNECTION `c 1` `STORAGE_TYPE` = 's3' `REGION` = 'r'"
                + " `ENABLE_VIRTUAL_HOST_STYLE` = TRUE `SECRET_ACCESS_KEY` = '***'");
    }

    @Test
    void createConnectionCommaBetweenOptionsFails() {
        sql("CREATE CONNECTION c STORAGE_TYPE = 's3'^,^ REGION = 'us-east-1'")
            .fails("(?s)Encountered \",\" at line 1, column 40\\..*");
    }

    @Test
    void createConnectionOrReplaceIfNotExistsFails() {
        sql("^CREATE OR REPLACE CONNECTION IF NOT EXISTS^ c STORAGE_TYPE = 's3'")
            .fails("option IF NOT EXISTS and OR REPLACE are incompatible\\.");
    }

    @Test
    void createConnectionWithoutStorageTypeFails() {
        sql("CREATE CONNECTION c ^REGION = 'us-east-1'^ STORAGE_TYPE = 's3'")
            .fails("CREATE CONNECTION C must be followed by STORAGE_TYPE = '<type>'\\.");
        sql("CREATE CONNECTION c ^,^ STORAGE_TYPE = 's3'")
            .fails("(?s)Encountered \",\" at line 1, column 21\\..*");
        sql("CREATE CONNECTION c STORAGE_TYPE ^'s3'^")
            .fails("(?s)Encountered \"\\\\'s3\\\\'\" at line 1, column 34\\..*Was expecting:\n    \"=\" \\.\\.\\..*");
    }

    @Test
    void createConnectionUnquotedNumberFails() {
        sql("CREATE CONNECTION c STORAGE_TYPE = 's3' PORT = ^9000^")
            .fails("(?s)Encountered \"9000\" at line 1, column 48\\..*");
        sql("CREATE CONNECTION c STORAGE_TYPE = 's3' REGION = ^us_east_1^")
            .fails("(?s)Encountered \"us_east_1\" at line 1, column 50\\..*");
    }

    @Test
    void createConnectionNonCharacterLiteralsFail() {
        sql("CREATE CONNECTION c STORAGE_TYPE = 's3' REGION = ^X'AB'^")
            .fails("(?s)Encountered \"X\\\\'AB\\\\'\" at line 1, column 50\\..*");
    }

    @Test
    void createConnectionBareBooleanOnOtherKeyFails() {
        sql("CREATE CONNECTION c STORAGE_TYPE = 's3' REGION = ^TRUE^")
            .fails("Option REGION takes a quoted string value; only ENABLE_VIRTUAL_HOST_STYLE accepts a bare TRUE or"
                + " FALSE\\.");
        sql("CREATE CONNECTION c STORAGE_TYPE = ^FALSE^")
            .fails("Option STORAGE_TYPE takes a quoted string value; .*");
    }

    @Test
    void wordIfCanNameAConnection() {
        sql("CREATE CONNECTION if STORAGE_TYPE = 's3'").ok("CREATE CONNECTION `IF` `STORAGE_TYPE` = 's3'");
        sql("DROP CONNECTION if").ok("DROP CONNECTION `IF`");
    }

    // ----- DROP CONNECTION -----

    @Test
    void dropConnection() {
        sql("DROP CONNECTION c").ok("DROP CONNECTION `C`").node(isDdl());
        sql("drop connection if exists \"My S3\"").ok("DROP CONNECTION IF EXISTS `My S3`");
        SqlDropObject drop = (SqlDropObject) sql("drop connection if exists \"My S3\"").node();
        assertThat(drop.name()).isEqualTo("My S3");
        assertThat(drop.ifExists()).isTrue();
        assertThat(((SqlDropObject) sql("DROP CONNECTION c").node()).ifExists()).isFalse();
        roundTrip("drop connection if exists c").ok("DROP CONNECTION IF EXISTS `C`");
    }

    @Test
    void dropConnectionBadNameFails() {
        sql("DROP CONNECTION c^,^ d").fails("(?s)Encountered \",\" at line 1, column 18\\..*");
        sql("DROP CONNECTION ^'c'^").fails("(?s)Encountered \"\\\\'c\\\\'\" at line 1, column 17\\..*");
    }

    // ----- SHOW CONNECTIONS, DESC CONNECTION -----

    @Test
    void showConnections() {
        final String expected = "SELECT `name`, `storage_type`, `storage_params`\n"
            + "FROM `system`.`connections`\n"
            + "ORDER BY `name`";
        sql("SHOW CONNECTIONS").ok(expected);
        sql("show connections").ok(expected);
        roundTrip("Show Connections").ok(expected);
    }

    @Test
    void showConnectionsTrailingTokensFail() {
        sql("SHOW CONNECTIONS ^LIKE^ 'x%'").fails("(?s)Encountered \"LIKE\" at line 1, column 18\\..*");
    }

    @Test
    void describeConnection() {
        sql("DESC CONNECTION my_s3")
            .ok("SELECT `name`, `storage_type`, `storage_params`\n"
                + "FROM TABLE(`system`.`describe_connection`('MY_S3'))");
        sql("describe connection \"My S3\"")
            .ok("SELECT `name`, `storage_type`, `storage_params`\n"
                + "FROM TABLE(`system`.`describe_connection`('My S3'))");
        roundTrip("Describe Connection c")
            .ok("SELECT `name`, `storage_type`, `storage_params`\n"
                + "FROM TABLE(`system`.`describe_connection`('C'))");
    }

    @Test
    void descTableIsAQuery() {
        sql("desc table events")
            .ok("SELECT `Field`, `Type`, `Null`, `Default`, `Extra`\n"
                + "FROM TABLE(`system`.`describe_table`('EVENTS'))");
        sql("DESC \"default\".\"Events\"")
            .ok("SELECT `Field`, `Type`, `Null`, `Default`, `Extra`\n"
                + "FROM TABLE(`system`.`describe_table`('default.Events'))");
    }

    @Test
    void describeTableStillWorks() {
        sql("describe emp").ok("DESCRIBE TABLE `EMP`");
        sql("describe table connections").ok("DESCRIBE TABLE `CONNECTIONS`");
    }

    // ----- stage references in FROM -----

    @Test
    void stageReference() {
        sql("SELECT * FROM @s/path/file.parquet")
            .ok("SELECT *\n"
                + "FROM TABLE(`stage_files`(`LOCATION` => '@s/path/file.parquet', `$POSITIONS` => 0, `$METADATA` => ''))");
        sql("select a from @my_stage/year=2024/*.csv as t (a, b)")
            .ok("SELECT `A`\n"
                + "FROM TABLE(`stage_files`(`LOCATION` => '@my_stage/year=2024/*.csv', `$POSITIONS` => 0,"
                + " `$METADATA` => '')) AS `T` (`A`, `B`)");
        roundTrip("select * from @s/dir/ (file_format => 'csv')")
            .ok("SELECT *\n"
                + "FROM TABLE(`stage_files`(`LOCATION` => '@s/dir/', `FILE_FORMAT` => 'csv', `$POSITIONS` => 0,"
                + " `$METADATA` => ''))");
    }

    @Test
    void stageReferenceTellsTheTableWhichColumnsTheStatementUses() {
        // the largest $n anywhere in the statement, and the METADATA$ columns it names
        sql("select $1, t.$12, metadata$filename from @s/a.csv t where $3 > 'x'")
            .ok("SELECT `$1`, `T`.`$12`, `METADATA$FILENAME`\n"
                + "FROM TABLE(`stage_files`(`LOCATION` => '@s/a.csv', `$POSITIONS` => 12,"
                + " `$METADATA` => 'FILENAME')) AS `T`\n"
                + "WHERE (`$3` > 'x')");
    }

    @Test
    void quotedLocationsAndDatabendArguments() {
        // a quoted stage path or URI, arguments separated by optional commas, CONNECTION options and a FILES list
        sql("select * from 's3://b/data/' (connection => (connection_name = 'c') pattern => '.*[.]csv'"
                + " files => ('a.csv', 'b.csv'), case_sensitive => true)")
            .ok("SELECT *\n"
                + "FROM TABLE(`stage_files`(`LOCATION` => 's3://b/data/',"
                + " `CONNECTION` => '{\"connection_name\":{\"kind\":\"STRING\",\"values\":[\"c\"]}}',"
                + " `PATTERN` => '.*[.]csv', `FILES` => '[\"a.csv\",\"b.csv\"]', `CASE_SENSITIVE` => TRUE,"
                + " `$POSITIONS` => 0, `$METADATA` => ''))");
        sql("select $1 from '@s/p q/x.csv' as t")
            .ok("SELECT `$1`\n"
                + "FROM TABLE(`stage_files`(`LOCATION` => '@s/p q/x.csv', `$POSITIONS` => 1, `$METADATA` => '')) AS `T`");
    }

    @Test
    void stageReferenceInJoinAndSubQuery() {
        sql("select * from @s/a.csv t join @s/b.csv u on t.x = u.x")
            .ok("SELECT *\n"
                + "FROM TABLE(`stage_files`(`LOCATION` => '@s/a.csv', `$POSITIONS` => 0, `$METADATA` => '')) AS `T`\n"
                + "INNER JOIN TABLE(`stage_files`(`LOCATION` => '@s/b.csv', `$POSITIONS` => 0, `$METADATA` => ''))"
                + " AS `U` ON (`T`.`X` = `U`.`X`)");
        sql("insert into t select * from @s/a.csv")
            .ok("INSERT INTO `T`\n"
                + "SELECT *\n"
                + "FROM TABLE(`stage_files`(`LOCATION` => '@s/a.csv', `$POSITIONS` => 0, `$METADATA` => ''))");
    }

    @Test
    void stageReferenceOnlyInFrom() {
        sql("select a^@b^ from t").fails("(?s)Encountered \"@b\" at line 1, column 9\\..*");
        // '@' inside literals and quoted identifiers is untouched
        sql("select 'x@y', \"a@b\" from t")
            .ok("SELECT 'x@y', `a@b`\n"
                + "FROM `T`");
    }

    // ----- CREATE / DROP FILE FORMAT, SHOW FILE FORMATS -----

    @Test
    void createFileFormat() {
        sql("CREATE FILE FORMAT my_csv TYPE = CSV FIELD_DELIMITER = '|'")
            .ok("CREATE FILE FORMAT `MY_CSV` `TYPE` = CSV `FIELD_DELIMITER` = '|'")
            .node(isDdl());
        sql("create or replace file format f type = 'csv'")
            .ok("CREATE OR REPLACE FILE FORMAT `F` `TYPE` = 'csv'");
        sql("create file format if not exists \"My Format\" type = tsv")
            .ok("CREATE FILE FORMAT IF NOT EXISTS `My Format` `TYPE` = TSV");
        // no option at all parses; the executor reports the missing TYPE
        sql("CREATE FILE FORMAT f").ok("CREATE FILE FORMAT `F`");
    }

    @Test
    void createFileFormatNode() {
        SqlCreateFileFormat create = (SqlCreateFileFormat) sql("create file format f Type = CSV, skip_header = 1"
                + " field_delimiter = ',', FIELD_DELIMITER = '|'").node();
        assertThat(create.name()).isEqualTo("F");
        assertThat(create.getReplace()).isFalse();
        assertThat(create.ifNotExists).isFalse();
        // keys lower-cased, values as written, a repeated key keeps its last value
        assertThat(create.options()).containsExactly(
            Map.entry("type", OptionValue.of(OptionValue.Kind.WORD, "CSV")),
            Map.entry("skip_header", OptionValue.of(OptionValue.Kind.NUMBER, "1")),
            Map.entry("field_delimiter", OptionValue.of(OptionValue.Kind.STRING, "|")));
        assertThat(create.optionList()).hasSize(4);
        SqlCreateFileFormat replace = (SqlCreateFileFormat) sql("CREATE OR REPLACE FILE FORMAT f TYPE = CSV").node();
        assertThat(replace.getReplace()).isTrue();
        assertThat(replace.ifNotExists).isFalse();
        SqlCreateFileFormat keep = (SqlCreateFileFormat) sql("CREATE FILE FORMAT IF NOT EXISTS f TYPE = CSV").node();
        assertThat(keep.ifNotExists).isTrue();
        assertThat(keep.getReplace()).isFalse();
    }

    @Test
    void createFileFormatTakesEveryOptionValue() {
        SqlCreateFileFormat create = (SqlCreateFileFormat) sql("CREATE FILE FORMAT f TYPE = CSV ESCAPE = '\\'"
                + " SKIP_HEADER = 2 OUTPUT_HEADER = TRUE ERROR_ON_COLUMN_COUNT_MISMATCH = FALSE EMPTY_FIELD_AS = NULL"
                + " QUOTE = NONE COMPRESSION = gzip NULL_IF = ('', 'null')").node();
        assertThat(create.options()).containsExactly(
            Map.entry("type", OptionValue.of(OptionValue.Kind.WORD, "CSV")),
            Map.entry("escape", OptionValue.of(OptionValue.Kind.STRING, "\\")),
            Map.entry("skip_header", OptionValue.of(OptionValue.Kind.NUMBER, "2")),
            Map.entry("output_header", OptionValue.of(OptionValue.Kind.BOOLEAN, "true")),
            Map.entry("error_on_column_count_mismatch", OptionValue.of(OptionValue.Kind.BOOLEAN, "false")),
            Map.entry("empty_field_as", OptionValue.of(OptionValue.Kind.NULL, "NULL")),
            Map.entry("quote", OptionValue.of(OptionValue.Kind.WORD, "NONE")),
            // a bare word is an identifier, so the parser's casing applies to it
            Map.entry("compression", OptionValue.of(OptionValue.Kind.WORD, "GZIP")),
            Map.entry("null_if", new OptionValue(OptionValue.Kind.LIST, List.of("", "null"))));
    }

    @Test
    void createFileFormatUnparseIsStable() {
        roundTrip("create or replace file format \"f 1\" type = csv, escape = '\\', skip_header = 2"
                + " output_header = true empty_field_as = null quote = none compression = 'GZIP'"
                + " null_if = ('', 'it''s')")
            .ok("CREATE OR REPLACE FILE FORMAT `f 1` `TYPE` = CSV `ESCAPE` = '\\' `SKIP_HEADER` = 2"
                + " `OUTPUT_HEADER` = true `EMPTY_FIELD_AS` = NULL `QUOTE` = NONE `COMPRESSION` = 'GZIP'"
                + " `NULL_IF` = ('', 'it''s')");
        roundTrip("create file format if not exists f").ok("CREATE FILE FORMAT IF NOT EXISTS `F`");
    }

    @Test
    void createFileFormatOrReplaceIfNotExistsFails() {
        sql("^CREATE OR REPLACE FILE FORMAT IF NOT EXISTS^ f TYPE = CSV")
            .fails("option IF NOT EXISTS and OR REPLACE are incompatible\\.");
    }

    @Test
    void createFileFormatBadSyntaxFails() {
        sql("CREATE FILE FORMAT f ^(^TYPE = CSV)")
            .fails("(?s)Encountered \"\\(\" at line 1, column 22\\..*");
        sql("CREATE FILE FORMAT f TYPE ^CSV^")
            .fails("(?s)Encountered \"CSV\" at line 1, column 27\\..*Was expecting:\n    \"=\" \\.\\.\\..*");
        sql("CREATE FILE FORMAT f TYPE = ^=^ CSV")
            .fails("(?s)Encountered \"=\" at line 1, column 29\\..*");
        sql("CREATE FILE FORMAT f ^,^ TYPE = CSV")
            .fails("(?s)Encountered \",\" at line 1, column 22\\..*");
        sql("CREATE ^FILE^ f TYPE = CSV")
            .fails("(?s)Encountered \"FILE f\" at line 1, column 8\\..*\"FILE\" \"FORMAT\" \\.\\.\\..*");
        sql("CREATE FILE FORMAT ^'f'^ TYPE = CSV")
            .fails("(?s)Encountered \"\\\\'f\\\\'\" at line 1, column 20\\..*");
    }

    @Test
    void dropFileFormat() {
        sql("DROP FILE FORMAT f").ok("DROP FILE FORMAT `F`").node(isDdl());
        sql("drop file format if exists \"My Format\"").ok("DROP FILE FORMAT IF EXISTS `My Format`");
        SqlDropObject drop = (SqlDropObject) sql("drop file format if exists \"My Format\"").node();
        assertThat(drop.name()).isEqualTo("My Format");
        assertThat(drop.ifExists()).isTrue();
        assertThat(((SqlDropObject) sql("DROP FILE FORMAT f").node()).ifExists()).isFalse();
        roundTrip("drop file format if exists f").ok("DROP FILE FORMAT IF EXISTS `F`");
    }

    @Test
    void dropFileFormatBadSyntaxFails() {
        sql("DROP FILE FORMAT f^,^ g").fails("(?s)Encountered \",\" at line 1, column 19\\..*");
        sql("DROP FILE FORMAT f ^TYPE^ = CSV").fails("(?s)Encountered \"TYPE\" at line 1, column 20\\..*");
        sql("DROP FILE ^f^").fails("(?s)Encountered \"f\" at line 1, column 11\\..*");
    }

    @Test
    void showFileFormats() {
        final String expected = "SELECT `name`, `format_options`\n"
            + "FROM `system`.`file_formats`\n"
            + "ORDER BY `name`";
        sql("SHOW FILE FORMATS").ok(expected);
        sql("show file formats").ok(expected);
        roundTrip("Show File Formats").ok(expected);
    }

    @Test
    void showFileFormatsBadSyntaxFails() {
        sql("SHOW FILE FORMATS ^LIKE^ 'x%'").fails("(?s)Encountered \"LIKE\" at line 1, column 19\\..*");
        sql("SHOW FILE ^FORMAT^").fails("(?s)Encountered \"FORMAT\" at line 1, column 11\\..*");
    }

    @Test
    void stageFileFormatOptionsStillParse() {
        // FILE_FORMAT = (...) shares the option loop with CREATE FILE FORMAT
        sql("CREATE STAGE s FILE_FORMAT = (FORMAT_NAME = 'my_csv')")
            .ok("CREATE STAGE `S` FILE_FORMAT = (`FORMAT_NAME` = 'my_csv')");
        sql("CREATE STAGE s FILE_FORMAT = (TYPE = CSV, ESCAPE = '\\' NULL_IF = ('a', 'b'),)")
            .ok("CREATE STAGE `S` FILE_FORMAT = (`TYPE` = CSV, `ESCAPE` = '\\', `NULL_IF` = ('a', 'b'))");
        sql("CREATE STAGE s FILE_FORMAT = ()").ok("CREATE STAGE `S` FILE_FORMAT = ()");
    }

    // ----- new keywords stay usable as identifiers -----

    @Test
    void newKeywordsAreNotReserved() {
        sql("select connections, if, system, connection from system.t")
            .ok("SELECT `CONNECTIONS`, `IF`, `SYSTEM`, `CONNECTION`\n"
                + "FROM `SYSTEM`.`T`");
        sql("select * from system.connections as if")
            .ok("SELECT *\n"
                + "FROM `SYSTEM`.`CONNECTIONS` AS `IF`");
        sql("select if(a, b, c) from t")
            .ok("SELECT `IF`(`A`, `B`, `C`)\n"
                + "FROM `T`");
        sql("create connection connections storage_type = 's3'")
            .ok("CREATE CONNECTION `CONNECTIONS` `STORAGE_TYPE` = 's3'");
        sql("drop connection system").ok("DROP CONNECTION `SYSTEM`");
        sql("select file, formats, format from file.formats as file")
            .ok("SELECT `FILE`, `FORMATS`, `FORMAT`\n"
                + "FROM `FILE`.`FORMATS` AS `FILE`");
        sql("create file format file type = csv").ok("CREATE FILE FORMAT `FILE` `TYPE` = CSV");
        sql("create file format formats type = csv").ok("CREATE FILE FORMAT `FORMATS` `TYPE` = CSV");
        sql("create file format if type = csv").ok("CREATE FILE FORMAT `IF` `TYPE` = CSV");
        sql("drop file format format").ok("DROP FILE FORMAT `FORMAT`");
        sql("create connection file storage_type = 's3'").ok("CREATE CONNECTION `FILE` `STORAGE_TYPE` = 's3'");
        sql("desc connection connections")
            .ok("SELECT `name`, `storage_type`, `storage_params`\n"
                + "FROM TABLE(`system`.`describe_connection`('CONNECTIONS'))");
    }

    @Test
    void systemStillWorksInCalciteSyntax() {
        sql("alter system set x = 1").ok("ALTER SYSTEM SET `X` = 1");
        sql("select * from t for system_time as of current_timestamp")
            .ok("SELECT *\n"
                + "FROM `T` FOR SYSTEM_TIME AS OF CURRENT_TIMESTAMP");
    }

    @Test
    void keywordMetadata() {
        var metadata = fixture().parser().getMetadata();
        assertThat(metadata.isReservedWord("CONNECTIONS")).isFalse();
        assertThat(metadata.isReservedWord("IF")).isFalse();
        assertThat(metadata.isReservedWord("SYSTEM")).isFalse();
        assertThat(metadata.isReservedWord("CONNECTION")).isFalse();
        assertThat(metadata.isNonReservedKeyword("CONNECTIONS")).isTrue();
        assertThat(metadata.isNonReservedKeyword("IF")).isTrue();
        assertThat(metadata.isNonReservedKeyword("SYSTEM")).isTrue();
        assertThat(metadata.isReservedWord("FILE")).isFalse();
        assertThat(metadata.isReservedWord("FORMATS")).isFalse();
        assertThat(metadata.isNonReservedKeyword("FILE")).isTrue();
        assertThat(metadata.isNonReservedKeyword("FORMATS")).isTrue();
    }
}
