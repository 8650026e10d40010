package dev.stowage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The driver is found through {@code META-INF/services/java.sql.Driver} and claims only its own URLs. */
class DriverRegistrationTest {
    @Test
    void driverManagerFindsTheDriverWithoutClassForName() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:stowage:mem:registration-" + UUID.randomUUID());
                Statement statement = connection.createStatement();
                ResultSet resultSet = statement.executeQuery("SHOW CONNECTIONS")) {
            assertThat(connection.isValid(5)).isTrue();
            assertThat(resultSet.next()).isFalse();
        }
        assertThat(DriverManager.getDriver("jdbc:stowage:mem:")).isInstanceOf(StowageDriver.class);
    }

    @Test
    void foreignUrlsAreNotClaimed() throws SQLException {
        StowageDriver driver = new StowageDriver();
        assertThat(driver.acceptsURL("jdbc:postgresql://x")).isFalse();
        assertThat(driver.connect("jdbc:postgresql://x", new Properties())).isNull();
        assertThat(driver.acceptsURL("jdbc:stowage:mem:")).isTrue();
    }

    @Test
    void propertyInfoDescribesEveryDriverProperty() throws SQLException {
        DriverPropertyInfo[] infos = new StowageDriver().getPropertyInfo("jdbc:stowage:mem:", new Properties());
        Map<String, DriverPropertyInfo> byName = Arrays.stream(infos)
                .collect(Collectors.toMap(info -> info.name, Function.identity()));
        for (DriverProperty property : DriverProperty.values()) {
            assertThat(byName).containsKey(property.camelName());
            assertThat(byName.get(property.camelName()).description).as(property.camelName()).isNotBlank();
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "jdbc:stowage:relative/path | relative/path",
        "jdbc:stowage:mem:x;novalue | 'novalue' has no value"
    })
    void malformedUrlsAreRejected(String url, String problem) {
        assertThatThrownBy(() -> DriverManager.getConnection(url))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("Invalid Stowage URL")
                .hasMessageContaining(problem)
                .extracting(e -> ((SQLException) e).getSQLState())
                .isEqualTo("08004");
        assertThatThrownBy(() -> new StowageDriver().connect(url, new Properties()))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining(problem)
                .extracting(e -> ((SQLException) e).getSQLState())
                .isEqualTo("08004");
    }
}
