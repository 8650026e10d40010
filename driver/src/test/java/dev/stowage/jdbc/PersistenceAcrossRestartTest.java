package dev.stowage.jdbc;

import static dev.stowage.testing.Sql.execute;
import static dev.stowage.testing.Sql.rows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.testing.ChildJvm;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A catalog written by one JVM through the driver is read back by the next one. */
class PersistenceAcrossRestartTest {
    @TempDir
    Path temp;

    /** Runs its arguments as statements on {@code jdbc:stowage:<args[0]>}, as a process that then exits. */
    public static final class WriterMain {
        public static void main(String[] args) throws SQLException {
            try (Connection connection = DriverManager.getConnection("jdbc:stowage:" + args[0])) {
                for (int i = 1; i < args.length; i++) {
                    execute(connection, args[i]);
                }
            }
        }
    }

    @Test
    void connectionsSurviveTheProcessThatCreatedThem() throws Exception {
        Path home = temp.resolve("home");
        ChildJvm.awaitSuccess(ChildJvm.start(WriterMain.class, Map.of(), home.toString(),
                "CREATE CONNECTION toronto STORAGE_TYPE = 's3' ACCESS_KEY_ID = 'AKIAIOSFODNN7EXAMPLE'"
                        + " SECRET_ACCESS_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'",
                "CREATE CONNECTION gone STORAGE_TYPE = 'gcs'",
                "DROP CONNECTION gone"), 120);
        try (Connection connection = DriverManager.getConnection("jdbc:stowage:" + home)) {
            assertThat(rows(connection, "SHOW CONNECTIONS")).containsExactly(
                    List.of("toronto", "s3", "access_key_id=AK***LE secret_access_key=wJ***EY"));
        }
    }

    @Test
    void homePropertyChoosesTheCatalogDirectory() throws Exception {
        Path home = temp.resolve("by-property");
        java.util.Properties properties = new java.util.Properties();
        properties.setProperty("home", home.toString());
        try (Connection connection = DriverManager.getConnection("jdbc:stowage:", properties)) {
            execute(connection, "CREATE CONNECTION c STORAGE_TYPE = 'gcs'");
        }
        assertThat(home.resolve("catalog.json")).exists();
        try (Connection connection = DriverManager.getConnection("jdbc:stowage:;home=" + home)) {
            assertThat(rows(connection, "SHOW CONNECTIONS")).extracting(row -> row.get(0)).containsExactly("c");
        }
    }

    @Test
    void masterKeyFromTheEnvironment() throws Exception {
        Path home = temp.resolve("env-home");
        String key = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
        ChildJvm.awaitSuccess(ChildJvm.start(WriterMain.class, Map.of("STOWAGE_MASTER_KEY", key), home.toString(),
                "CREATE CONNECTION c STORAGE_TYPE = 's3' SECRET_ACCESS_KEY = 'secret-from-env-keyed-store'"), 120);
        assertThat(home.resolve("master.key")).doesNotExist();
        ChildJvm.awaitSuccess(ChildJvm.start(WriterMain.class, Map.of("STOWAGE_MASTER_KEY", key), home.toString(),
                "DESC CONNECTION c"), 120);
    }
}
