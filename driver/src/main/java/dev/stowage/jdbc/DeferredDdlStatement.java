package dev.stowage.jdbc;

import dev.stowage.error.SqlState;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import org.apache.calcite.config.CalciteConnectionConfig;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserImplFactory;

/**
 * A prepared DDL statement that runs when it is executed, every time it is executed. Calcite would run DDL while
 * preparing it, so a {@code prepareStatement("DROP CONNECTION c")} that is never executed would still drop.
 */
final class DeferredDdlStatement extends JdbcProxies.BaseHandler {
    private final Statement statement;
    private final String sql;
    private final Connection connection;

    private DeferredDdlStatement(Statement statement, String sql, Connection connection) {
        super(statement);
        this.statement = statement;
        this.sql = sql;
        this.connection = connection;
    }

    /** Returns whether {@code sql} parses as a DDL statement under {@code connection}'s parser settings. */
    static boolean isDdl(Connection connection, String sql) {
        try {
            CalciteConnectionConfig config = connection.unwrap(CalciteConnection.class).config();
            SqlParser.Config parserConfig = SqlParser.config()
                    .withParserFactory(config.parserFactory(SqlParserImplFactory.class, null))
                    .withQuoting(config.quoting())
                    .withQuotedCasing(config.quotedCasing())
                    .withUnquotedCasing(config.unquotedCasing())
                    .withCaseSensitive(config.caseSensitive())
                    .withConformance(config.conformance());
            return SqlParser.create(sql, parserConfig).parseStmt().getKind().belongsTo(SqlKind.DDL);
        } catch (SqlParseException | SQLException | RuntimeException notDdl) {
            // preparing it the usual way reports the problem
            return false;
        }
    }

    /** Returns the prepared statement users see; it runs {@code sql} on {@code statement} when executed. */
    static PreparedStatement create(Statement statement, String sql, Connection connection) {
        DeferredDdlStatement handler = new DeferredDdlStatement(statement, sql, connection);
        PreparedStatement proxy = (PreparedStatement) Proxy.newProxyInstance(
                DeferredDdlStatement.class.getClassLoader(), new Class<?>[] {PreparedStatement.class}, handler);
        handler.self = proxy;
        return proxy;
    }

    @Override
    Object handle(Method method, Object[] args) throws Throwable {
        String name = method.getName();
        boolean noArguments = args == null || args.length == 0;
        switch (name) {
            case "getConnection":
                return connection;
            case "getMetaData":
                return null;
            case "clearParameters":
                return null;
            default:
                break;
        }
        if (noArguments && (name.equals("execute") || name.equals("executeUpdate") || name.equals("executeLargeUpdate"))) {
            JdbcProxies.call(statement, Statement.class.getMethod("execute", String.class), new Object[] {sql}, sql);
            return name.equals("execute") ? Boolean.FALSE : name.equals("executeUpdate") ? (Object) 0 : (Object) 0L;
        }
        if (noArguments && name.equals("executeQuery")) {
            throw SqlExceptions.of(SqlState.NO_DATA, "The statement is DDL and returns no result set; use execute().");
        }
        if (name.startsWith("set") && method.getDeclaringClass() == PreparedStatement.class) {
            throw SqlExceptions.of(SqlState.INVALID_PARAMETER_VALUE, "The DDL statement has no parameters.");
        }
        Method onStatement = statementMethod(method);
        if (onStatement == null || method.getName().equals("addBatch")) {
            throw SqlExceptions.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "A prepared DDL statement does not support " + name + ".");
        }
        return JdbcProxies.call(statement, onStatement, args, sql);
    }

    private static Method statementMethod(Method method) {
        try {
            return Statement.class.getMethod(method.getName(), method.getParameterTypes());
        } catch (NoSuchMethodException e) {
            return null;
        }
    }
}
