package dev.stowage.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Captures every log record of the JVM at every level while open. SLF4J is bound to java.util.logging in tests, so
 * this sees what Stowage, Calcite, Avatica and HikariCP log.
 */
public final class LogCapture extends Handler implements AutoCloseable {
    private final Logger root = Logger.getLogger("");
    private final Level previousLevel;
    private final Formatter formatter = new SimpleFormatter();
    private final List<LogRecord> records = new ArrayList<>();

    private LogCapture() {
        previousLevel = root.getLevel();
        setLevel(Level.ALL);
        root.setLevel(Level.ALL);
        root.addHandler(this);
    }

    /** Starts capturing. */
    public static LogCapture start() {
        return new LogCapture();
    }

    @Override
    public synchronized void publish(LogRecord record) {
        records.add(record);
    }

    /** Returns each captured record fully formatted (message, parameters and stack trace). */
    public List<String> formatted() {
        List<String> lines = new ArrayList<>();
        for (LogRecord record : snapshot()) {
            lines.add(formatter.format(record));
        }
        return lines;
    }

    /** Returns the formatted records at {@code level} or above, from loggers whose name starts with {@code prefix}. */
    public List<String> atLeast(Level level, String prefix) {
        List<String> lines = new ArrayList<>();
        for (LogRecord record : snapshot()) {
            String name = record.getLoggerName() == null ? "" : record.getLoggerName();
            if (record.getLevel().intValue() >= level.intValue() && name.startsWith(prefix)) {
                lines.add(formatter.format(record));
            }
        }
        return lines;
    }

    /** Formatting a record can log in turn, so iteration works on a copy. */
    private synchronized List<LogRecord> snapshot() {
        return new ArrayList<>(records);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        root.removeHandler(this);
        root.setLevel(previousLevel);
    }
}
