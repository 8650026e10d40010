package dev.stowage.shell;

import dev.stowage.jdbc.StowageDriver;
import dev.stowage.jdbc.StowageUrl;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import sqlline.SqlLine;

/**
 * The interactive SQL shell (sqlline) on a Stowage catalog, the default home unless {@code -u <url>} names another.
 * {@code -e "SQL"} runs statements and {@code -f file.sql} runs a script without the prompt. Exits with 0 on
 * success and 1 when a statement failed.
 */
public final class StowageShell {
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
        SqlLine.Status status = SqlLine.start(sqllineArguments(args), null, true);
        return status == SqlLine.Status.OK ? 0 : 1;
    }

    static String[] sqllineArguments(String[] args) {
        List<String> arguments = new ArrayList<>();
        if (!List.of(args).contains("-u")) {
            arguments.add("-u");
            arguments.add(StowageUrl.PREFIX);
        }
        arguments.add("-d");
        arguments.add(StowageDriver.class.getName());
        arguments.add("--connectInteractionMode=notAskCredentials");
        arguments.add("--isolation=TRANSACTION_NONE");
        arguments.add("--verbose=false");
        if (System.console() == null) {
            // a pipe or a file has no width; without this sqlline would print every column zero characters wide
            arguments.add("--maxWidth=100000");
        }
        arguments.addAll(List.of(args));
        return arguments.toArray(new String[0]);
    }
}
