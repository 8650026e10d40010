package dev.stowage.jdbc;

import static dev.stowage.testing.Sql.columns;
import static dev.stowage.testing.Sql.execute;
import static dev.stowage.testing.Sql.failure;
import static dev.stowage.testing.Sql.rows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.testing.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** CREATE/DROP/DESC/SHOW CONNECTION through JDBC, with Databend's rules and errors. */
class ConnectionStatementsTest {
    private static final String SHOW = "SHOW CONNECTIONS";

    private Connection connection;

    @BeforeEach
    void open() throws SQLException {
        connection = Sql.newMemoryConnection();
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    @Test
    void seedExampleCreatesShowsAndDescribes() throws SQLException {
        execute(connection, "CREATE CONNECTION toronto STORAGE_TYPE = 's3' ACCESS_KEY_ID = 'AKIAIOSFODNN7EXAMPLE'"
                + " SECRET_ACCESS_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'");
        List<String> row = List.of("toronto", "s3", "access_key_id=AK***LE secret_access_key=wJ***EY");
        assertThat(columns(connection, SHOW)).containsExactly("name", "storage_type", "storage_params");
        assertThat(rows(connection, SHOW)).containsExactly(row);
        assertThat(columns(connection, "DESC CONNECTION toronto")).containsExactly("name", "storage_type", "storage_params");
        assertThat(rows(connection, "DESC CONNECTION toronto")).containsExactly(row);
        assertThat(rows(connection, "DESCRIBE CONNECTION toronto")).containsExactly(row);
    }

    @Test
    void everyValueIsMaskedNotOnlySecrets() throws SQLException {
        execute(connection, "CREATE CONNECTION c2 STORAGE_TYPE = 's3' ENDPOINT_URL = 'http://127.0.0.1:9900/'"
                + " ACCESS_KEY_ID = 'minioadmin' SECRET_ACCESS_KEY = 'minioadmin' REGION = 'auto'");
        assertThat(rows(connection, SHOW)).containsExactly(List.of("c2", "s3",
                "access_key_id=mi***in endpoint_url=ht***0/ region=*** secret_access_key=mi***in"));
    }

    @Test
    void showListsByNameAndIsEmptyWithoutConnections() throws SQLException {
        assertThat(rows(connection, SHOW)).isEmpty();
        execute(connection, "CREATE CONNECTION zeta STORAGE_TYPE = 'gcs'");
        execute(connection, "CREATE CONNECTION alpha STORAGE_TYPE = 'fs'");
        execute(connection, "CREATE CONNECTION \"Mixed\" STORAGE_TYPE = 'gcs'");
        assertThat(rows(connection, SHOW)).extracting(r -> r.get(0)).containsExactly("Mixed", "alpha", "zeta");
    }

    @Test
    void keysAreLowerCasedValuesVerbatimAliasesKept() throws SQLException {
        execute(connection, "create connection c storage_type = 'S3' AWS_KEY_ID = 'KeyId-MixedCase' "
                + "Aws_Secret_Key = 'Secret Value With Spaces' SECURITY_TOKEN = 'tok-12345'");
        assertThat(rows(connection, SHOW)).containsExactly(List.of("c", "s3",
                "aws_key_id=Ke***se aws_secret_key=Se***es security_token=to***45"));
    }

    @Test
    void namesAreStoredAsWrittenAndCaseSensitive() throws SQLException {
        execute(connection, "CREATE CONNECTION MyConn STORAGE_TYPE = 's3'");
        execute(connection, "CREATE CONNECTION myconn STORAGE_TYPE = 'gcs'");
        assertThat(rows(connection, SHOW)).extracting(r -> r.get(0)).containsExactly("MyConn", "myconn");
        assertThat(rows(connection, "DESC CONNECTION MyConn")).extracting(r -> r.get(1)).containsExactly("s3");
        failure(connection, "DESC CONNECTION MYCONN", "42704", 2510);
    }

    @Test
    void allStorageTypesWithTheirParameters() throws SQLException {
        execute(connection, "CREATE CONNECTION a STORAGE_TYPE = 'azblob' ACCOUNT_NAME = 'acct' ACCOUNT_KEY = 'key12345'"
                + " ENDPOINT_URL = 'https://acct.blob.core.windows.net'");
        execute(connection, "CREATE CONNECTION g STORAGE_TYPE = 'gcs' CREDENTIAL = 'eyJ0eXBlIjoic2VydmljZV9hY2NvdW50In0='");
        execute(connection, "CREATE CONNECTION o STORAGE_TYPE = 'oss' ACCESS_KEY_ID = 'ak' ACCESS_KEY_SECRET = 'sk12345'"
                + " ENDPOINT_URL = 'https://oss-cn-hangzhou.aliyuncs.com'");
        execute(connection, "CREATE CONNECTION t STORAGE_TYPE = 'cos' SECRET_ID = 'id' SECRET_KEY = 'key12345'"
                + " ENDPOINT_URL = 'https://cos.ap-guangzhou.myqcloud.com'");
        execute(connection, "CREATE CONNECTION h STORAGE_TYPE = 'hf' REPO_TYPE = 'dataset' REVISION = 'main' TOKEN = 'hf_abcdef'");
        execute(connection, "CREATE CONNECTION h2 STORAGE_TYPE = 'huggingface' REPO_TYPE = 'model'");
        execute(connection, "CREATE CONNECTION f STORAGE_TYPE = 'fs' ANYTHING = 'goes'");
        execute(connection, "CREATE CONNECTION r STORAGE_TYPE = 's3' ROLE_ARN = 'arn:aws:iam::987654321987:role/x'"
                + " EXTERNAL_ID = 'ext-12345' ENABLE_VIRTUAL_HOST_STYLE = TRUE");
        assertThat(rows(connection, SHOW)).extracting(r -> r.get(0) + ":" + r.get(1))
                .containsExactly("a:azblob", "f:fs", "g:gcs", "h:hf", "h2:huggingface", "o:oss", "r:s3", "t:cos");
        assertThat(rows(connection, "DESC CONNECTION r").get(0).get(2))
                .isEqualTo("enable_virtual_host_style=*** external_id=ex***45 role_arn=ar***/x");
    }

    @Test
    void existingNameFailsUnlessIfNotExistsOrOrReplace() throws SQLException {
        execute(connection, "CREATE CONNECTION c STORAGE_TYPE = 's3' REGION = 'first-region'");
        assertThat(failure(connection, "CREATE CONNECTION c STORAGE_TYPE = 's3' REGION = 'second'", "42710", 2512))
                .hasMessage("Connection 'c' already exists.");
        execute(connection, "CREATE CONNECTION IF NOT EXISTS c STORAGE_TYPE = 'gcs'");
        assertThat(rows(connection, "DESC CONNECTION c").get(0).get(1)).isEqualTo("s3");
        execute(connection, "CREATE OR REPLACE CONNECTION c STORAGE_TYPE = 'gcs'");
        assertThat(rows(connection, "DESC CONNECTION c")).containsExactly(List.of("c", "gcs", ""));
    }

    @Test
    void dropAndDropIfExists() throws SQLException {
        execute(connection, "CREATE CONNECTION c STORAGE_TYPE = 's3'");
        execute(connection, "DROP CONNECTION c");
        assertThat(rows(connection, SHOW)).isEmpty();
        assertThat(failure(connection, "DROP CONNECTION c", "42704", 2510)).hasMessage("Connection 'c' does not exist.");
        execute(connection, "DROP CONNECTION IF EXISTS c");
        assertThat(failure(connection, "DESC CONNECTION c", "42704", 2510)).hasMessage("Connection 'c' does not exist.");
    }

    @Test
    void invalidParametersAreRejectedWithDatabendMessages() throws SQLException {
        assertThat(failure(connection, "CREATE CONNECTION c STORAGE_TYPE = 's4'", "22023", 4000))
                .hasMessageContaining("Cannot create connection 'c': invalid input parameter (protocol s4 is not supported yet.");
        assertThat(failure(connection, "CREATE CONNECTION c STORAGE_TYPE = 'ftp'", "22023", 4000))
                .hasMessageContaining("URI protocol ftp is not supported yet.");
        assertThat(failure(connection,
                "CREATE CONNECTION c STORAGE_TYPE = 'azblob' ENDPOINT_URL = 'http://s3.amazonaws.com' ARG = 'arg'",
                "22023", 4000))
                .hasMessage("Cannot create connection 'c': invalid input parameter (connection params invalid: expected"
                        + " [endpoint_url, account_name, account_key], got [arg])");
        for (String type : List.of("azblob", "oss", "cos")) {
            assertThat(failure(connection, "CREATE CONNECTION c STORAGE_TYPE = '" + type + "'", "22023", 4000))
                    .hasMessageContaining("endpoint_url is required for storage " + type);
        }
        assertThat(failure(connection, "CREATE CONNECTION c STORAGE_TYPE = 's3' CONNECTION_NAME = 'other'", "22023", 4000))
                .hasMessageContaining("can not use connection_name when create connection");
        assertThat(failure(connection, "CREATE CONNECTION c STORAGE_TYPE = 's3' ENABLE_VIRTUAL_HOST_STYLE = 'TRUE'",
                "22023", 4000)).hasMessageContaining("value for enable_virtual_host_style is invalid");
        assertThat(failure(connection,
                "CREATE CONNECTION c STORAGE_TYPE = 's3' ACCESS_KEY_ID = 'a' AWS_KEY_ID = 'b'", "22023", 4000))
                .hasMessageContaining("got [aws_key_id]");
        assertThat(failure(connection, "CREATE CONNECTION c STORAGE_TYPE = 's3' ROOT = '/x'", "22023", 4000))
                .hasMessageContaining("got [root]");
        assertThat(rows(connection, SHOW)).isEmpty();
    }

    @Test
    void syntaxErrorsHaveSyntaxState() throws SQLException {
        assertThat(failure(connection,
                "CREATE CONNECTION c STORAGE_TYPE = 's3' ACCESS_KEY_ID = 'a', SECRET_ACCESS_KEY = 'b'", "42601", 1005))
                .hasMessageStartingWith("SQL syntax error: ");
        assertThat(failure(connection, "CREATE OR REPLACE CONNECTION IF NOT EXISTS c STORAGE_TYPE = 's3'", "42601", 1005))
                .hasMessageContaining("option IF NOT EXISTS and OR REPLACE are incompatible.");
        failure(connection, "CREATE CONNECTION c", "42601", 1005);
        failure(connection, "CREATE CONNECTION c TYPE = 's3'", "42601", 1005);
        failure(connection, "CREATE CONNECTION c STORAGE_TYPE = s3", "42601", 1005);
        failure(connection, "CREATE CONNECTION c STORAGE_TYPE = 's3' REGION = 42", "42601", 1005);
        failure(connection, "CREATE CONNECTION c STORAGE_TYPE = 's3' REGION = TRUE", "42601", 1005);
        failure(connection, "SHOW CONNECTION", "42601", 1005);
        assertThat(rows(connection, SHOW)).isEmpty();
    }

    @Test
    void failedStatementsLeaveTheCatalogUnchanged() throws SQLException {
        execute(connection, "CREATE CONNECTION keep STORAGE_TYPE = 's3' REGION = 'eu-west-1'");
        List<List<String>> before = rows(connection, SHOW);
        failure(connection, "CREATE CONNECTION keep STORAGE_TYPE = 'gcs'", "42710", 2512);
        failure(connection, "CREATE OR REPLACE CONNECTION keep STORAGE_TYPE = 'azblob'", "22023", 4000);
        failure(connection, "CREATE OR REPLACE CONNECTION keep STORAGE_TYPE = 's3' BAD = 'x'", "22023", 4000);
        failure(connection, "DROP CONNECTION other", "42704", 2510);
        assertThat(rows(connection, SHOW)).isEqualTo(before);
    }

    @Test
    void systemTableJoinsAndFiltersLikeAnyTable() throws SQLException {
        execute(connection, "CREATE CONNECTION a STORAGE_TYPE = 's3'");
        execute(connection, "CREATE CONNECTION b STORAGE_TYPE = 'gcs'");
        execute(connection, "CREATE CONNECTION c STORAGE_TYPE = 's3'");
        assertThat(rows(connection, "SELECT name FROM system.connections WHERE storage_type = 's3' ORDER BY name DESC"))
                .containsExactly(List.of("c"), List.of("a"));
        assertThat(rows(connection, "SELECT storage_type, count(*) FROM SYSTEM.CONNECTIONS GROUP BY storage_type"
                + " ORDER BY storage_type")).containsExactly(List.of("gcs", "1"), List.of("s3", "2"));
        assertThat(rows(connection, "SELECT x.name, y.name FROM system.connections x JOIN system.connections y"
                + " ON x.storage_type = y.storage_type AND x.name < y.name")).containsExactly(List.of("a", "c"));
    }

    @Test
    void sumOfIntegersIsBigintAndDoesNotOverflow() throws SQLException {
        assertThat(rows(connection, "SELECT sum(x) FROM (VALUES (2000000000), (2000000000), (2000000000)) AS t(x)"))
                .containsExactly(List.of("6000000000"));
        try (var statement = connection.createStatement();
             var resultSet = statement.executeQuery("SELECT sum(x) FROM (VALUES (1), (2)) AS t(x)")) {
            assertThat(resultSet.getMetaData().getColumnType(1)).isEqualTo(java.sql.Types.BIGINT);
        }
    }

    @Test
    void standardSqlStillWorks() throws SQLException {
        assertThat(rows(connection, "WITH t(a, b) AS (VALUES (1, 'x'), (2, 'y')) SELECT b, a * 10 FROM t WHERE a > 1"))
                .containsExactly(List.of("y", "20"));
        try (var prepared = connection.prepareStatement("SELECT name FROM system.connections WHERE name = ?")) {
            execute(connection, "CREATE CONNECTION p STORAGE_TYPE = 's3'");
            prepared.setString(1, "p");
            try (var resultSet = prepared.executeQuery()) {
                assertThat(resultSet.next()).isTrue();
                assertThat(resultSet.getString("NAME")).isEqualTo("p");
            }
        }
    }

    @Test
    void preparedDdlRunsWhenExecutedAndEachTime() throws SQLException {
        try (var create = connection.prepareStatement("CREATE CONNECTION p STORAGE_TYPE = 's3'");
             var drop = connection.prepareStatement("DROP CONNECTION p")) {
            assertThat(rows(connection, SHOW)).isEmpty();
            assertThat(create.execute()).isFalse();
            assertThat(rows(connection, SHOW)).hasSize(1);
            java.sql.SQLException again = org.assertj.core.api.Assertions.catchThrowableOfType(
                    java.sql.SQLException.class, create::executeUpdate);
            assertThat(again.getSQLState()).isEqualTo("42710");
            assertThat(drop.executeUpdate()).isZero();
            assertThat(rows(connection, SHOW)).isEmpty();
            assertThat(create.getConnection()).isSameAs(connection);
            java.sql.SQLException query = org.assertj.core.api.Assertions.catchThrowableOfType(
                    java.sql.SQLException.class, create::executeQuery);
            assertThat(query.getSQLState()).isEqualTo("02000");
        }
    }

    @Test
    void aTerminatingSemicolonIsAccepted() throws SQLException {
        execute(connection, "CREATE CONNECTION semi STORAGE_TYPE = 's3';");
        assertThat(rows(connection, "SHOW CONNECTIONS ;  -- all of them")).extracting(r -> r.get(0)).containsExactly("semi");
        try (var prepared = connection.prepareStatement("SELECT name FROM system.connections WHERE name = ?;")) {
            prepared.setString(1, "semi");
            try (var resultSet = prepared.executeQuery()) {
                assertThat(resultSet.next()).isTrue();
            }
        }
        failure(connection, "SHOW CONNECTIONS; SHOW CONNECTIONS;", "42601", 1005);
    }
}
