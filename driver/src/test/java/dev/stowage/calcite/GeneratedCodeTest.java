package dev.stowage.calcite;

import static dev.stowage.testing.Sql.execute;
import static dev.stowage.testing.Sql.rows;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plans whose generated code is the same share one compiled class, each with its own values. */
class GeneratedCodeTest {
    @TempDir
    Path scratch;

    @Test
    void plansOfTheSameShapeEachReadTheirOwnFiles() throws Exception {
        Files.createDirectories(scratch.resolve("one"));
        Files.createDirectories(scratch.resolve("two"));
        Files.writeString(scratch.resolve("one/f.csv"), "1\n2\n");
        Files.writeString(scratch.resolve("two/f.csv"), "10\n20\n30\n");
        try (Connection connection = DriverManager.getConnection("jdbc:stowage:mem:" + UUID.randomUUID());
                Connection other = DriverManager.getConnection("jdbc:stowage:mem:" + UUID.randomUUID())) {
            execute(connection, "CREATE STAGE s1 URL = 'fs://" + scratch.resolve("one") + "/'");
            execute(connection, "CREATE STAGE s2 URL = 'fs://" + scratch.resolve("two") + "/'");
            execute(other, "CREATE STAGE s1 URL = 'fs://" + scratch.resolve("two") + "/'");
            // the sum is planned as CASE WHEN count = 0 ..., whose constant Calcite's code keeps in a static field
            String shape = "SELECT count(*), sum($1::INT) FROM @%s/f.csv (FILE_FORMAT => 'CSV') WHERE $1::INT > 1";
            for (int round = 0; round < 2; round++) {
                assertThat(rows(connection, shape.formatted("s1"))).containsExactly(List.of("1", "2"));
                assertThat(rows(connection, shape.formatted("s2"))).containsExactly(List.of("3", "60"));
                assertThat(rows(other, shape.formatted("s1"))).containsExactly(List.of("3", "60"));
            }
        }
    }

    @Test
    void parametersOfPreparedStatementsReachTheSharedCode() throws Exception {
        Files.writeString(scratch.resolve("p.csv"), "1\n2\n3\n");
        try (Connection connection = DriverManager.getConnection("jdbc:stowage:mem:" + UUID.randomUUID())) {
            execute(connection, "CREATE STAGE p URL = 'fs://" + scratch + "/'");
            String sql = "SELECT count(*) FROM @p/p.csv (FILE_FORMAT => 'CSV') WHERE $1::INT >= ?";
            try (PreparedStatement first = connection.prepareStatement(sql);
                    PreparedStatement second = connection.prepareStatement(sql)) {
                first.setInt(1, 2);
                second.setInt(1, 3);
                assertThat(count(first)).isEqualTo(2);
                assertThat(count(second)).isEqualTo(1);
                first.setInt(1, 1);
                assertThat(count(first)).isEqualTo(3);
            }
        }
    }

    private static long count(PreparedStatement statement) throws Exception {
        try (ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
