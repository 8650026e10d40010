package dev.stowage.format.parquet;

import dev.stowage.fileio.FileIO;
import dev.stowage.fileio.FileIOs;
import dev.stowage.fileio.Location;
import dev.stowage.fileio.StorageSettings;
import dev.stowage.format.FileFormatParser;
import dev.stowage.format.FileFormatType;
import dev.stowage.scan.Column;
import dev.stowage.scan.OutputColumn;
import dev.stowage.scan.ParallelScan;
import dev.stowage.scan.ScanSpec;
import dev.stowage.scan.ScanUnit;
import dev.stowage.scan.SourceFile;
import dev.stowage.scan.StopCondition;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;

/**
 * Measures how fast a Parquet file's columns are read into rows. Not a unit test; run its {@code main} with the file's
 * path, optionally the number of threads (default 2) and the column names (default {@code a b}). Prints each run's
 * rows per second twice: through {@link ParallelScan}, as queries read, and with the units alone on a thread pool,
 * together with the CPU time the units took.
 */
public final class ParquetScanBench {
    private static final int RUNS = 10;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ParquetScanBench() {
    }

    public static void main(String[] args) throws Exception {
        Path path = Path.of(args[0]).toAbsolutePath();
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        List<String> names = args.length > 2 ? List.of(args).subList(2, args.length) : List.of("a", "b");
        ParquetFormatReader reader = new ParquetFormatReader(FileFormatParser.defaults(FileFormatType.PARQUET));
        try (FileIO io = FileIOs.open(Location.parse("fs://" + path.getParent() + "/"), Map.of(),
                StorageSettings.DEFAULT)) {
            String name = path.getFileName().toString();
            SourceFile file = new SourceFile(io, io.stat(name), name);
            List<Column> schema = reader.schema(file, 0);
            List<OutputColumn> outputs = new ArrayList<>();
            for (String column : names) {
                int index = indexOf(schema, column);
                outputs.add(new OutputColumn.Field(index, schema.get(index).type()));
            }
            ScanSpec spec = new ScanSpec(schema, outputs, List.of());
            for (int run = 0; run < RUNS; run++) {
                parallelScan(reader, file, spec, threads, run);
            }
            for (int run = 0; run < RUNS; run++) {
                unitsOnly(reader, file, spec, threads, run);
            }
        }
    }

    private static void parallelScan(ParquetFormatReader reader, SourceFile file, ScanSpec spec, int threads, int run) {
        long start = System.nanoTime();
        long rows = 0;
        double sum = 0;
        try (ParallelScan scan = new ParallelScan(reader, spec, List.of(file).iterator(), threads,
                StopCondition.of(null, null), () -> { })) {
            while (scan.moveNext()) {
                rows++;
                if (scan.current()[0] instanceof Number number) {
                    sum += number.doubleValue();
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "scan  run %d: %,d rows in %4.0f ms, %5.1f M rows/s (sum %.0f)%n", run, rows,
                seconds * 1000, rows / seconds / 1e6, sum);
    }

    private static void unitsOnly(ParquetFormatReader reader, SourceFile file, ScanSpec spec, int threads, int run)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            LongAdder rows = new LongAdder();
            LongAdder cpu = new LongAdder();
            List<Future<?>> futures = new ArrayList<>();
            for (ScanUnit unit : ParquetFixtures.units(reader, file, spec)) {
                futures.add(pool.submit(() -> {
                    long cpuStart = THREADS.getCurrentThreadCpuTime();
                    unit.read(row -> {
                        rows.increment();
                        return true;
                    });
                    cpu.add(THREADS.getCurrentThreadCpuTime() - cpuStart);
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "units run %d: %,d rows in %4.0f ms, %5.1f M rows/s, %4.0f ms CPU%n", run,
                    rows.sum(), seconds * 1000, rows.sum() / seconds / 1e6, cpu.sum() / 1e6);
        } finally {
            pool.shutdown();
        }
    }

    private static int indexOf(List<Column> schema, String name) {
        for (int i = 0; i < schema.size(); i++) {
            if (schema.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no column " + name + " in " + schema);
    }
}
