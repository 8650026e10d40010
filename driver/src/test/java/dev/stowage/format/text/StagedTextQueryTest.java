package dev.stowage.format.text;

import static dev.stowage.testing.Sql.execute;
import static dev.stowage.testing.Sql.failure;
import static dev.stowage.testing.Sql.rows;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Queries of staged CSV, TSV and NDJSON files, through the driver as a user runs them. */
class StagedTextQueryTest {
    @TempDir
    Path home;

    @TempDir
    Path data;

    @BeforeEach
    void writeFiles() throws Exception {
        Files.writeString(data.resolve("people.csv"), "id,name,score\n1,\"Ann, A.\",2.5\n2,Bob,\\N\n3,\"Ç\",4\n");
        Files.writeString(data.resolve("bad.csv"), "1\n2\nthree\n");
        Files.writeString(data.resolve("people.tsv"), "1\tAnn\\tA\n2\t\\N\n");
        Files.writeString(data.resolve("events.ndjson"), "{\"id\": 1, \"kind\": \"open\", \"tags\": [\"a\"]}\n\n"
                + "{\"id\": 2, \"kind\": \"close\", \"tags\": []}\n");
    }

    private Connection connect() throws Exception {
        Connection connection = DriverManager.getConnection("jdbc:stowage:" + home);
        execute(connection, "CREATE STAGE files URL = 'fs://" + data + "/'");
        return connection;
    }

    @Test
    void csvFieldsArePositionalAndCastsConvert() throws Exception {
        try (Connection connection = connect()) {
            assertThat(rows(connection, "SELECT $1, $2, $3, $4 FROM @files/people.csv (FILE_FORMAT => 'csv')"))
                    .containsExactly(Arrays.asList("id", "name", "score", null),
                            Arrays.asList("1", "Ann, A.", "2.5", null), Arrays.asList("2", "Bob", null, null),
                            Arrays.asList("3", "Ç", "4", null));
            execute(connection, "CREATE FILE FORMAT csv_header TYPE = CSV SKIP_HEADER = 1");
            assertThat(rows(connection, "SELECT $2, CAST($1 AS INTEGER) + 1, CAST($3 AS DOUBLE),"
                    + " METADATA$FILE_ROW_NUMBER FROM @files/people.csv (FILE_FORMAT => 'csv_header') ORDER BY 2"))
                    .containsExactly(List.of("Ann, A.", "2", "2.5", "0"), Arrays.asList("Bob", "3", null,
                            "1"), List.of("Ç", "4", "4.0", "2"));
        }
    }

    @Test
    @Timeout(120)
    void aFileOfManyBlocksIsReadInParallelAndInOrder() throws Exception {
        StringBuilder content = new StringBuilder();
        long sum = 0;
        for (int i = 0; i < 300_000; i++) {
            content.append(i).append(",\"text ").append(i).append("\",").append(i % 100).append(".5\n");
            sum += i;
        }
        Files.writeString(data.resolve("big.csv"), content.toString());
        try (Connection connection = connect()) {
            assertThat(rows(connection, "SELECT count(*), sum(CAST($1 AS BIGINT)), max(CAST($3 AS DOUBLE))"
                    + " FROM @files/big.csv (FILE_FORMAT => 'csv')"))
                    .containsExactly(List.of("300000", String.valueOf(sum), "99.5"));
            assertThat(rows(connection, "SELECT $2, METADATA$FILE_ROW_NUMBER FROM @files/big.csv"
                    + " (FILE_FORMAT => 'csv') LIMIT 3"))
                    .containsExactly(List.of("text 0", "0"), List.of("text 1", "1"), List.of("text 2", "2"));
        }
    }

    @Test
    void aFieldThatDoesNotCastFailsWith22018() throws Exception {
        try (Connection connection = connect()) {
            Throwable e = failure(connection, "SELECT sum(CAST($1 AS INTEGER)) FROM @files/bad.csv"
                    + " (FILE_FORMAT => 'csv')", "22018", 1046);
            assertThat(e).hasMessageContaining("Cannot cast 'three' of $1 to INTEGER at line 3 of file bad.csv");
        }
    }

    @Test
    void tsvFilesAreRead() throws Exception {
        try (Connection connection = connect()) {
            assertThat(rows(connection, "SELECT $1, $2 FROM @files/people.tsv (FILE_FORMAT => 'tsv')"))
                    .containsExactly(List.of("1", "Ann\tA"), Arrays.asList("2", null));
        }
    }

    @Test
    void ndjsonIsReadWholeOrByName() throws Exception {
        try (Connection connection = connect()) {
            assertThat(rows(connection, "SELECT $1 FROM @files/events.ndjson (FILE_FORMAT => 'ndjson')"))
                    .containsExactly(List.of("{\"id\":1,\"kind\":\"open\",\"tags\":[\"a\"]}"),
                            List.of("{\"id\":2,\"kind\":\"close\",\"tags\":[]}"));
            assertThat(rows(connection, "SELECT kind, id * 10, tags FROM @files/events.ndjson"
                    + " (FILE_FORMAT => 'ndjson') ORDER BY id DESC"))
                    .containsExactly(List.of("close", "20", "[]"), List.of("open", "10", "[\"a\"]"));
        }
    }

    @Test
    void inferSchemaDescribesCsvAndNdjson() throws Exception {
        try (Connection connection = connect()) {
            execute(connection, "CREATE FILE FORMAT csv_header TYPE = CSV SKIP_HEADER = 1");
            assertThat(rows(connection, "SELECT column_name, type, nullable FROM INFER_SCHEMA("
                    + "LOCATION => '@files/people.csv', FILE_FORMAT => 'csv_header')")).containsExactly(
                    List.of("id", "BIGINT", "true"), List.of("name", "VARCHAR", "true"),
                    List.of("score", "DOUBLE", "true"));
            assertThat(rows(connection, "SELECT column_name, type, nullable FROM INFER_SCHEMA("
                    + "LOCATION => '@files/events.ndjson', FILE_FORMAT => 'ndjson')")).containsExactly(
                    List.of("id", "BIGINT", "false"), List.of("kind", "VARCHAR", "false"),
                    List.of("tags", "VARCHAR", "false"));
        }
    }
}
