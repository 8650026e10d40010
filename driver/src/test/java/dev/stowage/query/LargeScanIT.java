package dev.stowage.query;

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

/**
 * Scans stream: a Parquet file several times the size of the heap is aggregated, and read row by row through a
 * ResultSet, in a JVM with a 96 MB heap.
 */
class LargeScanIT {
    private static final long ROWS = 3_000_000;
    private static final int HEAP_MEGABYTES = 96;

    @TempDir
    Path directory;

    /** Runs the queries over {@code big.parquet} in {@code args[0]} and prints what they returned. */
    public static final class ScanMain {
        public static void main(String[] args) throws Exception {
            try (Connection connection = DriverManager.getConnection("jdbc:stowage:mem:large");
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE STAGE big URL = 'fs://" + args[0] + "/'");
                try (ResultSet rs = statement.executeQuery(
                        "SELECT count(*), sum(char_length(s)), max(id) FROM @big/big.parquet")) {
                    rs.next();
                    System.out.println("aggregate=" + rs.getLong(1) + "," + rs.getLong(2) + "," + rs.getLong(3));
                }
                long rows = 0;
                long characters = 0;
                statement.setFetchSize(100);
                try (ResultSet rs = statement.executeQuery("SELECT id, s FROM @big/big.parquet")) {
                    while (rs.next()) {
                        rows++;
                        characters += rs.getString(2).length();
                    }
                }
                System.out.println("streamed=" + rows + "," + characters);
            }
        }
    }

    @Test
    void aFileManyTimesTheHeapScansInBoundedMemory() throws Exception {
        Path file = directory.resolve("big.parquet");
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = duck.createStatement()) {
            // 128 characters per row, stored uncompressed: the file is several times the child's heap
            statement.execute("COPY (SELECT range AS id, md5(range::VARCHAR) || md5((range + 1)::VARCHAR)"
                    + " || md5((range + 2)::VARCHAR) || md5((range + 3)::VARCHAR) AS s FROM range(" + ROWS + "))"
                    + " TO '" + file + "' (FORMAT parquet, COMPRESSION uncompressed)");
        }
        assertThat(Files.size(file)).isGreaterThan(4L * HEAP_MEGABYTES * 1024 * 1024);
        String output = ChildJvm.awaitSuccess(
                ChildJvm.start(ScanMain.class, HEAP_MEGABYTES, Map.of(), directory.toString()), 600);
        assertThat(output).contains("aggregate=" + ROWS + "," + ROWS * 128 + "," + (ROWS - 1))
                .contains("streamed=" + ROWS + "," + ROWS * 128);
    }
}
