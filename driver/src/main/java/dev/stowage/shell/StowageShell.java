package dev.stowage.shell;

import dev.stowage.jdbc.StowageDriver;
import dev.stowage.jdbc.StowageUrl;
import java.io.ByteArrayInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jline.reader.History;
import org.jline.reader.LineReader;
import sqlline.BuiltInProperty;
import sqlline.SqlLine;

/**
 * The SQL shell (sqlline) on a Stowage catalog: the default home unless {@code -u <url>} names another.
 *
 * <p>Without arguments it is interactive. {@code -e "SQL"} (repeatable) and {@code -f file.sql} run statements
 * without a prompt, print their results and errors, and exit with 1 if any statement failed, else 0. Other
 * arguments are sqlline's.
 */
public final class StowageShell {
    /** The output width used when there is no terminal to measure. */
    private static final int UNLIMITED_WIDTH = 100_000;

    private StowageShell() {
    }

    /** Starts the shell; see the class description for the arguments. */
    public static void main(String[] args) throws IOException {
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            // the shell has no logging backend; without this SLF4J prints a warning before every session
            System.setProperty("slf4j.internal.verbosity", "ERROR");
        }
        if (System.console() == null && System.getProperty("org.jline.terminal.dumb") == null) {
            // no terminal to drive: use jline's plain one without its warning
            System.setProperty("org.jline.terminal.dumb", "true");
        }
        System.exit(run(args));
    }

    /** Runs the shell and returns its exit code. */
    public static int run(String[] args) throws IOException {
        Arguments arguments = Arguments.parse(args);
        SqlLine sqlLine = new ScriptableSqlLine();
        ErrorFlag errors = new ErrorFlag(System.err);
        sqlLine.setErrorStream(errors);
        InputStream script = arguments.script();
        SqlLine.Status status = sqlLine.begin(arguments.sqllineArguments(), script, false);
        return status == SqlLine.Status.OK && !errors.written ? 0 : 1;
    }

    /** The shell's arguments split into the statements to run and the arguments for sqlline. */
    record Arguments(List<String> statements, Path file, List<String> rest) {
        static Arguments parse(String[] args) {
            List<String> statements = new ArrayList<>();
            Path file = null;
            List<String> rest = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                if (args[i].equals("-e") && i + 1 < args.length) {
                    statements.add(args[++i]);
                } else if (args[i].equals("-f") && i + 1 < args.length) {
                    file = Path.of(args[++i]);
                } else {
                    rest.add(args[i]);
                }
            }
            return new Arguments(statements, file, rest);
        }

        /** Returns the statements to run without a prompt, ending with {@code !quit}, or null for a session. */
        InputStream script() throws IOException {
            if (statements.isEmpty() && file == null) {
                return null;
            }
            StringBuilder text = new StringBuilder();
            if (file != null) {
                text.append(Files.readString(file)).append('\n');
            }
            statements.forEach(statement -> text.append(statement).append('\n'));
            text.append("!quit\n");
            return new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8));
        }

        String[] sqllineArguments() {
            List<String> arguments = new ArrayList<>();
            if (!rest.contains("-u")) {
                arguments.add("-u");
                arguments.add(StowageUrl.PREFIX);
            }
            arguments.add("-d");
            arguments.add(StowageDriver.class.getName());
            arguments.add("--connectInteractionMode=notAskCredentials");
            arguments.add("--isolation=TRANSACTION_NONE");
            if (!statements.isEmpty() || file != null) {
                arguments.add("--silent=true");
            }
            if (!statements.isEmpty() || file != null || System.console() == null) {
                // a script or a pipe has no terminal width; without this sqlline would cut or squeeze columns
                arguments.add("--maxWidth=" + UNLIMITED_WIDTH);
            }
            arguments.addAll(rest);
            return arguments.toArray(new String[0]);
        }
    }

    /**
     * sqlline that reads a script from a stream without echoing it (the terminal it builds around the stream writes
     * its echo and control sequences to nowhere, while results still go to standard output) and that never writes
     * a history file.
     */
    private static final class ScriptableSqlLine extends SqlLine {
        @Override
        public LineReader getConsoleReader(InputStream inputStream, History history) throws IOException {
            if (inputStream == null) {
                LineReader reader = super.getConsoleReader(null, history);
                // statements hold credentials in clear, so history lives in memory and is never written to a file
                reader.getVariables().remove(LineReader.HISTORY_FILE);
                if (reader.getTerminal().getWidth() <= 0) {
                    // some pseudo-terminals report no width; sqlline would then print every column empty
                    getOpts().set(BuiltInProperty.MAX_WIDTH, UNLIMITED_WIDTH);
                }
                return reader;
            }
            setOutputStream(OutputStream.nullOutputStream());
            try {
                return super.getConsoleReader(inputStream, history);
            } finally {
                setOutputStream(System.out);
            }
        }
    }

    /** Passes everything to the real error stream and remembers whether anything was written. */
    private static final class ErrorFlag extends FilterOutputStream {
        private volatile boolean written;

        ErrorFlag(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            written = true;
            out.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            written = written || length > 0;
            out.write(bytes, offset, length);
        }
    }
}
