package dev.stowage.ddl;

import static dev.stowage.testing.Sql.execute;
import static dev.stowage.testing.Sql.rows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.fileio.AzuriteServer;
import dev.stowage.fileio.FileIO;
import dev.stowage.fileio.FileIOs;
import dev.stowage.fileio.Location;
import dev.stowage.fileio.StorageSettings;
import dev.stowage.testing.Sql;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** LIST through a stage whose connection reaches Azurite, which checks SharedKey signatures. */
class StageListingOnAzureTest {
    private static AzuriteServer azurite;

    @BeforeAll
    static void startAzurite() throws Exception {
        azurite = AzuriteServer.start();
        azurite.createContainer("landing");
        try (FileIO io = FileIOs.open(Location.parse("azblob://landing/2024/"), azurite.parameters(),
                StorageSettings.DEFAULT)) {
            for (String file : List.of("jan/a.csv", "jan/b.json", "feb/c.csv")) {
                io.write(file, file.getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    @AfterAll
    static void stopAzurite() {
        azurite.close();
    }

    @Test
    void listsThroughAConnectionAndMasksTheKey() throws Exception {
        try (Connection connection = Sql.newMemoryConnection()) {
            execute(connection, "CREATE CONNECTION az STORAGE_TYPE = 'azblob' ENDPOINT_URL = '" + azurite.endpoint()
                    + "' ACCOUNT_NAME = '" + AzuriteServer.ACCOUNT + "' ACCOUNT_KEY = '" + AzuriteServer.ACCOUNT_KEY + "'");
            execute(connection, "CREATE STAGE landing URL = 'azblob://landing/2024/' CONNECTION = (CONNECTION_NAME = 'az')");
            assertThat(rows(connection, "LIST @landing").stream().map(row -> row.get(0)))
                    .containsExactly("feb/c.csv", "jan/a.csv", "jan/b.json");
            assertThat(rows(connection, "LIST @landing/jan/ PATTERN = '.*[.]csv'").stream().map(row -> row.get(0)))
                    .containsExactly("jan/a.csv");
            assertThat(rows(connection, "LIST @landing/jan/a.csv").get(0).get(1)).isEqualTo("9");
            String shown = rows(connection, "SHOW STAGES").toString() + rows(connection, "SHOW CONNECTIONS");
            assertThat(shown).doesNotContain(AzuriteServer.ACCOUNT_KEY).contains("azblob://landing/2024/");
        }
    }
}
