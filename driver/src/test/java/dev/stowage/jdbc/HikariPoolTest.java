package dev.stowage.jdbc;

import static dev.stowage.testing.Sql.execute;
import static dev.stowage.testing.Sql.rows;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.stowage.testing.LogCapture;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The driver behind a HikariCP pool, as application code uses it. */
class HikariPoolTest {
    @TempDir
    Path home;

    @Test
    void eightThreadsOnFourPooledConnectionsLoseNoUpdate() throws Exception {
        int threads = 8;
        int perThread = 30;
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:stowage:" + home.resolve("catalog"));
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(4);
        config.setPoolName("stowage-test");
        config.setConnectionTimeout(30_000);
        config.setValidationTimeout(1_000);
        try (LogCapture logs = LogCapture.start(); HikariDataSource pool = new HikariDataSource(config)) {
            ExecutorService workers = Executors.newFixedThreadPool(threads);
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int thread = t;
                    futures.add(workers.submit(() -> {
                        for (int i = 0; i < perThread; i++) {
                            String name = "t" + thread + "_" + i;
                            try (Connection connection = pool.getConnection()) {
                                execute(connection, "CREATE CONNECTION " + name + " STORAGE_TYPE = 's3' REGION = 'r1'");
                                execute(connection, "CREATE OR REPLACE CONNECTION " + name
                                        + " STORAGE_TYPE = 's3' REGION = 'replaced-" + i + "'");
                                if (i % 3 == 0) {
                                    execute(connection, "DROP CONNECTION " + name);
                                }
                                connection.setAutoCommit(false);
                                connection.setReadOnly(true);
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> future : futures) {
                    future.get(120, TimeUnit.SECONDS);
                }
            } finally {
                workers.shutdownNow();
            }
            try (Connection connection = pool.getConnection()) {
                List<List<String>> all = rows(connection, "SELECT name, storage_params FROM system.connections");
                assertThat(all).hasSize(threads * (perThread - perThread / 3));
                assertThat(all).allSatisfy(row -> assertThat(row.get(1)).startsWith("region=re***"));
            }
            assertThat(pool.getHikariPoolMXBean().getTotalConnections()).isEqualTo(4);
            assertThat(logs.atLeast(Level.WARNING, "com.zaxxer.hikari")).isEmpty();
            assertThat(logs.formatted()).noneMatch(line -> line.contains("isValid") || line.contains("network timeout")
                    || line.contains("Network timeout"));
        }
    }
}
