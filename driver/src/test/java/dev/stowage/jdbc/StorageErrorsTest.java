package dev.stowage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.fileio.StorageException;
import dev.stowage.fileio.StorageException.Kind;
import dev.stowage.fileio.StorageSettings;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Storage failures as a JDBC user sees them. */
class StorageErrorsTest {
    @Test
    void everyKindHasAStateOutsideConnectionClass08() {
        for (Kind kind : Kind.values()) {
            SQLException e = SqlExceptions.translate(
                    new UncheckedIOException(new StorageException(kind, "Storage object s3://b/k " + kind)), null);
            assertThat(e.getSQLState()).as(kind.name()).hasSize(5).doesNotStartWith("08").isNotEqualTo("0A000");
            assertThat(e.getMessage()).isEqualTo("Storage object s3://b/k " + kind);
        }
        assertThat(SqlExceptions.translate(new StorageException(Kind.PERMISSION_DENIED, "denied"), null).getSQLState())
                .isEqualTo("42501");
        assertThat(SqlExceptions.translate(new StorageException(Kind.INVALID_CONFIGURATION, "bad"), null).getSQLState())
                .isEqualTo("22023");
        assertThat(SqlExceptions.translate(new StorageException(Kind.TIMEOUT, "slow"), null).getSQLState())
                .isEqualTo("58030");
    }

    @Test
    void storageSettingsComeFromConnectionProperties() {
        assertThat(DriverProperty.storageSettings(new Properties())).isEqualTo(StorageSettings.DEFAULT);
        Properties properties = new Properties();
        properties.setProperty("storageTimeout", "5");
        properties.setProperty("storageRetries", "0");
        assertThat(DriverProperty.storageSettings(properties)).isEqualTo(new StorageSettings(Duration.ofSeconds(5), 0));
        properties.setProperty("storageTimeout", "0");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DriverProperty.storageSettings(properties))
                .hasMessageContaining("storageTimeout must be a whole number of at least 1, got '0'");
    }
}
