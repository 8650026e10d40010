package dev.stowage.copy;

import dev.stowage.error.ErrorCode;
import dev.stowage.error.StowageException;
import dev.stowage.fileio.FileIO;
import dev.stowage.fileio.StorageException;
import dev.stowage.format.FileFormat;
import dev.stowage.scan.Column;
import dev.stowage.scan.ColumnType;
import dev.stowage.scan.StopCondition;
import dev.stowage.write.FileBatch;
import dev.stowage.write.FormatWriters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.TimeZone;
import java.util.UUID;
import org.apache.calcite.avatica.util.ByteString;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * {@code COPY INTO <location> FROM { table | (query) }}: runs the query and writes its rows as files under the
 * location, named as Databend names them ({@code data_<query id>_0000_<n>.<ext>}). Every file is written locally
 * before any is uploaded, so a query that fails leaves nothing behind.
 */
public final class LocationUnload {

    /** Opens the storage of the target. */
    @FunctionalInterface
    public interface Target {
        /** Returns a client of the target's storage; the caller closes it. */
        FileIO open() throws StorageException;
    }

    private final Connection connection;
    private final String query;
    private final Target target;
    private final String path;
    private final FileFormat format;
    private final UnloadOptions options;

    /**
     * Creates the unload.
     *
     * @param connection runs the query
     * @param path the path under the target's root: a directory, a file-name prefix ending in {@code data_}, or with
     *     USE_RAW_PATH the file itself
     */
    public LocationUnload(Connection connection, String query, Target target, String path, FileFormat format,
                          UnloadOptions options) {
        this.connection = connection;
        this.query = query;
        this.target = target;
        this.path = path;
        this.format = format;
        this.options = options;
    }

    /**
     * Runs the unload and returns its output: one row ({@code rows_unloaded, input_bytes, output_bytes}), or with
     * DETAILED_OUTPUT one row per file ({@code file_name, file_size, row_count}).
     *
     * @param stop the statement's cancel flag and deadline, checked while the query's rows are written; a stopped
     *     unload uploads nothing
     */
    public List<Object[]> run(StopCondition stop) {
        try (FileIO io = target.open()) {
            // before the query runs: a refused unload costs nothing
            if (options.useRawPath() && !options.overwrite() && exists(io, path)) {
                throw new StowageException(ErrorCode.BAD_ARGUMENTS,
                        "File %s already exists; use OVERWRITE = TRUE to replace it.", path);
            }
            return unload(io, stop);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Object[]> unload(FileIO io, StopCondition stop) throws IOException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(query);
             FileBatch batch = new FileBatch(format, columns(rows.getMetaData()),
                     options.single() || options.useRawPath() ? Long.MAX_VALUE : options.maxFileSize())) {
            long count = batch.write(stop.guard(new ResultRows(rows))).rows();
            stop.check();
            String queryId = UUID.randomUUID().toString().replace("-", "");
            String extension = FormatWriters.extension(format);
            List<FileBatch.Uploaded> files = batch.upload(io, index -> name(queryId, index, extension));
            if (options.detailedOutput()) {
                return files.stream().map(file -> new Object[] {file.name(), file.size(), file.rows()}).toList();
            }
            long bytes = files.stream().mapToLong(FileBatch.Uploaded::size).sum();
            List<Object[]> output = new ArrayList<>();
            output.add(new Object[] {count, bytes, bytes});
            return output;
        } catch (SQLException e) {
            throw new StowageException(ErrorCode.SEMANTIC, e, "The query of COPY INTO failed: %s", e.getMessage());
        }
    }

    /** Databend's names: the path is a directory (or a prefix ending in data_) holding data_[<id>_]0000_<n>.<ext>. */
    private String name(String queryId, int index, String extension) {
        if (options.useRawPath()) {
            return path;
        }
        String prefix = path.isEmpty() || path.endsWith("/") || path.endsWith("data_") ? path : path + "/";
        String stem = prefix.endsWith("data_") ? prefix : prefix + "data_";
        return stem + (options.includeQueryId() ? queryId + "_" : "") + String.format("0000_%08d", index) + extension;
    }

    private static boolean exists(FileIO io, String path) throws IOException {
        try {
            io.stat(path);
            return true;
        } catch (StorageException e) {
            if (e.kind() == StorageException.Kind.NOT_FOUND) {
                return false;
            }
            throw e;
        }
    }

    private static List<Column> columns(ResultSetMetaData metaData) throws SQLException {
        List<Column> columns = new ArrayList<>();
        for (int i = 1; i <= metaData.getColumnCount(); i++) {
            SqlTypeName typeName = SqlTypeName.getNameForJdbcType(metaData.getColumnType(i));
            ColumnType type = switch (typeName == null ? SqlTypeName.VARCHAR : typeName) {
                case DECIMAL -> ColumnType.decimal(metaData.getPrecision(i), metaData.getScale(i));
                case CHAR -> ColumnType.VARCHAR;
                case BINARY -> ColumnType.VARBINARY;
                case FLOAT -> ColumnType.DOUBLE;
                default -> ColumnType.of(typeName);
            };
            columns.add(new Column(metaData.getColumnLabel(i), type,
                    metaData.isNullable(i) != ResultSetMetaData.columnNoNulls));
        }
        return columns;
    }

    /** The query's rows, in the internal representation the writers take. */
    private static final class ResultRows implements Iterator<Object[]> {
        // a Calendar is not thread-safe: one per unload
        private final Calendar utc = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
        private final ResultSet rows;
        private final int[] types;
        private Boolean hasNext;

        ResultRows(ResultSet rows) throws SQLException {
            this.rows = rows;
            ResultSetMetaData metaData = rows.getMetaData();
            this.types = new int[metaData.getColumnCount()];
            for (int i = 0; i < types.length; i++) {
                types[i] = metaData.getColumnType(i + 1);
            }
        }

        @Override
        public boolean hasNext() {
            if (hasNext == null) {
                try {
                    hasNext = rows.next();
                } catch (SQLException e) {
                    throw new StowageException(ErrorCode.SEMANTIC, e, "The query of COPY INTO failed: %s",
                            e.getMessage());
                }
            }
            return hasNext;
        }

        @Override
        public Object[] next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            hasNext = null;
            try {
                Object[] row = new Object[types.length];
                for (int i = 0; i < row.length; i++) {
                    row[i] = value(i + 1, types[i]);
                }
                return row;
            } catch (SQLException e) {
                throw new StowageException(ErrorCode.SEMANTIC, e, "The query of COPY INTO failed: %s",
                        e.getMessage());
            }
        }

        /** Dates and times are read in UTC, which gives back Calcite's internal values. */
        private Object value(int column, int type) throws SQLException {
            Object value = switch (type) {
                case java.sql.Types.DATE -> {
                    java.sql.Date date = rows.getDate(column, utc);
                    yield date == null ? null : (int) Math.floorDiv(date.getTime(), 86_400_000L);
                }
                case java.sql.Types.TIME -> {
                    java.sql.Time time = rows.getTime(column, utc);
                    yield time == null ? null : (int) time.getTime();
                }
                case java.sql.Types.TIMESTAMP, java.sql.Types.TIMESTAMP_WITH_TIMEZONE -> {
                    java.sql.Timestamp timestamp = rows.getTimestamp(column, utc);
                    yield timestamp == null ? null : timestamp.getTime();
                }
                case java.sql.Types.BINARY, java.sql.Types.VARBINARY -> {
                    byte[] bytes = rows.getBytes(column);
                    yield bytes == null ? null : new ByteString(bytes);
                }
                case java.sql.Types.DECIMAL, java.sql.Types.NUMERIC -> rows.getBigDecimal(column);
                default -> rows.getObject(column);
            };
            return rows.wasNull() ? null : value;
        }
    }
}
