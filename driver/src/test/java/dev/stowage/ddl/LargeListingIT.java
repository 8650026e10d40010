package dev.stowage.ddl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stowage.testing.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** LIST over 100,000 files streams: it completes in a JVM whose heap could not hold them all at once as rows. */
class LargeListingIT {
    private static final int DIRECTORIES = 100;
    private static final int FILES_PER_DIRECTORY = 1_000;

    @TempDir
    Path home;

    /** Lists {@code @big} on the catalog in {@code args[0]}, reading every row, and prints the row count. */
    public static final class ListMain {
        public static void main(String[] args) throws Exception {
            long rows = 0;
            try (Connection connection = DriverManager.getConnection("jdbc:stowage:" + args[0]);
                 Statement statement = connection.createStatement();
                 ResultSet resultSet = statement.executeQuery("LIST @big")) {
                while (resultSet.next()) {
                    resultSet.getString(1);
                    resultSet.getLong(2);
                    rows++;
                }
            }
            System.out.println("rows=" + rows);
        }
    }

    @Test
    void listingAHundredThousandFilesRunsInASmallHeap() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:stowage:" + home);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE STAGE big");
        }
        Path stage = home.resolve("data/stages/big");
        for (int d = 0; d < DIRECTORIES; d++) {
            Path directory = Files.createDirectories(stage.resolve(String.format("part=%03d", d)));
            for (int f = 0; f < FILES_PER_DIRECTORY; f++) {
                Files.createFile(directory.resolve(String.format("file-%04d.csv", f)));
            }
        }
        String output = ChildJvm.awaitSuccess(ChildJvm.start(ListMain.class, 48, Map.of(), home.toString()), 300);
        assertThat(output).contains("rows=" + DIRECTORIES * FILES_PER_DIRECTORY);
    }
}
