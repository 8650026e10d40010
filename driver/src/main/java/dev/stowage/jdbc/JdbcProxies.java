package dev.stowage.jdbc;

import dev.stowage.catalog.Catalog;
import dev.stowage.error.SqlState;
import dev.stowage.sql.SqlText;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The JDBC objects users hold: thin proxies over Calcite's, so that every exception passes through
 * {@link SqlExceptions} and the connection behaves as pools and tools expect (no-op transactions in auto-commit,
 * {@code isValid} that really reads the catalog, {@code abort}).
 */
final class JdbcProxies {
    /** Return types whose values are wrapped. */
    private static final List<Class<?>> WRAPPED = List.of(CallableStatement.class, PreparedStatement.class,
            Statement.class, ResultSet.class, DatabaseMetaData.class, ResultSetMetaData.class, ParameterMetaData.class);

    private JdbcProxies() {
    }

    /** Returns the connection users see, over Calcite's {@code delegate} and the {@code catalog} it was opened on. */
    static Connection connection(Connection delegate, Catalog catalog) {
        ConnectionHandler handler = new ConnectionHandler(delegate, catalog);
        Connection proxy = (Connection) Proxy.newProxyInstance(JdbcProxies.class.getClassLoader(),
                new Class<?>[] {Connection.class}, handler);
        handler.self = proxy;
        return proxy;
    }

    /** Calls {@code method} on {@code target}, translating failures; {@code sql} is the statement involved, if any. */
    static Object call(Object target, Method method, Object[] args, String sql) throws SQLException {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw translate(target, e.getCause(), sql);
        } catch (IllegalAccessException e) {
            throw SqlExceptions.translate(e, sql);
        }
    }

    private static SQLException translate(Object target, Throwable thrown, String sql) {
        String closed = closedObject(target);
        if (closed != null) {
            SqlState state = target instanceof Connection ? SqlState.CONNECTION_DOES_NOT_EXIST : SqlState.OBJECT_NOT_IN_STATE;
            return SqlExceptions.of(state, "The " + closed + " is closed.");
        }
        return SqlExceptions.translate(thrown, sql);
    }

    private static String closedObject(Object target) {
        try {
            if (target instanceof Connection connection && connection.isClosed()) {
                return "connection";
            }
            if (target instanceof Statement statement && statement.isClosed()) {
                return "statement";
            }
            if (target instanceof ResultSet resultSet && resultSet.isClosed()) {
                return "result set";
            }
        } catch (SQLException | RuntimeException unknown) {
            // the state cannot be read; the original failure is reported instead
        }
        return null;
    }

    /** Wraps {@code result} of {@code method} when it is a JDBC object users can call. */
    private static Object wrapResult(Method method, Object result, Object parent, Object connection, String sql,
                                     AtomicBoolean cancelled) {
        if (result == null || Proxy.isProxyClass(result.getClass())) {
            return result;
        }
        Class<?> type = method.getReturnType();
        if (WRAPPED.contains(type) && type.isInstance(result)) {
            ChildHandler handler = new ChildHandler(result, parent, connection, sql,
                    cancelled != null ? cancelled : new AtomicBoolean());
            Object proxy = Proxy.newProxyInstance(JdbcProxies.class.getClassLoader(), new Class<?>[] {type}, handler);
            handler.self = proxy;
            return proxy;
        }
        return result;
    }

    /**
     * A proxy handler that answers {@code equals}, {@code hashCode}, {@code toString}, {@code unwrap} and
     * {@code isWrapperFor} itself and leaves every other call to {@link #handle}.
     */
    abstract static class BaseHandler implements InvocationHandler {
        final Object delegate;
        Object self;

        BaseHandler(Object delegate) {
            this.delegate = delegate;
        }

        @Override
        public final Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            Object common = common(method, args);
            return common != NOT_HANDLED ? common : handle(method, args);
        }

        /** Handles a call that is not one of the common ones. */
        abstract Object handle(Method method, Object[] args) throws Throwable;

        private Object common(Method method, Object[] args) throws SQLException {
            switch (method.getName()) {
                case "equals":
                    return self == args[0];
                case "hashCode":
                    return System.identityHashCode(self);
                case "toString":
                    return "Stowage" + self.getClass().getInterfaces()[0].getSimpleName() + "@"
                            + Integer.toHexString(System.identityHashCode(self));
                case "unwrap":
                    if (((Class<?>) args[0]).isInstance(self)) {
                        return self;
                    }
                    return call(delegate, method, args, null);
                case "isWrapperFor":
                    return ((Class<?>) args[0]).isInstance(self) || (Boolean) call(delegate, method, args, null);
                default:
                    return NOT_HANDLED;
            }
        }
    }

    private static final Object NOT_HANDLED = new Object();

    private static final class ConnectionHandler extends BaseHandler {
        private final Connection connection;
        private final Catalog catalog;
        private volatile boolean autoCommit = true;

        ConnectionHandler(Connection delegate, Catalog catalog) {
            super(delegate);
            this.connection = delegate;
            this.catalog = catalog;
        }

        @Override
        Object handle(Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "isValid":
                    return isValid((Integer) args[0]);
                case "abort":
                    abort((Executor) args[0]);
                    return null;
                case "commit":
                case "rollback":
                    if (args == null || args.length == 0) {
                        // there are no transactions: every statement commits on its own
                        checkOpen();
                        return null;
                    }
                    break;
                case "setAutoCommit":
                    checkOpen();
                    autoCommit = (Boolean) args[0];
                    return null;
                case "getAutoCommit":
                    checkOpen();
                    return autoCommit;
                case "getTransactionIsolation":
                    checkOpen();
                    return Connection.TRANSACTION_NONE;
                case "setTransactionIsolation":
                    checkOpen();
                    return null;
                default:
                    break;
            }
            String sql = null;
            if (method.getName().startsWith("prepare") || method.getName().equals("nativeSQL")) {
                sql = SqlText.withoutTrailingSemicolon((String) args[0]);
                args[0] = sql;
            }
            if (method.getName().equals("prepareStatement") && DeferredDdlStatement.isDdl(connection, sql)) {
                // Calcite runs DDL while preparing it; JDBC runs a prepared statement when it is executed
                Statement statement = (Statement) call(delegate, Connection.class.getMethod("createStatement"), null, sql);
                return DeferredDdlStatement.create(statement, sql, (Connection) self);
            }
            Object result = call(delegate, method, args, sql);
            return wrapResult(method, result, self, self, sql, null);
        }

        private void checkOpen() throws SQLException {
            if (connection.isClosed()) {
                throw SqlExceptions.of(SqlState.CONNECTION_DOES_NOT_EXIST, "The connection is closed.");
            }
        }

        private boolean isValid(int timeoutSeconds) throws SQLException {
            if (timeoutSeconds < 0) {
                throw SqlExceptions.of(SqlState.INVALID_PARAMETER_VALUE,
                        "isValid timeout must be 0 or more seconds, got " + timeoutSeconds + ".");
            }
            if (connection.isClosed()) {
                return false;
            }
            try {
                catalog.store().read();
                return true;
            } catch (RuntimeException unreadable) {
                return false;
            }
        }

        private void abort(Executor executor) throws SQLException {
            if (executor == null) {
                throw SqlExceptions.of(SqlState.INVALID_PARAMETER_VALUE, "abort needs an executor.");
            }
            executor.execute(() -> {
                try {
                    connection.close();
                } catch (SQLException closeFailed) {
                    // the connection is being abandoned; there is nobody left to report to
                }
            });
        }
    }

    /**
     * {@link DatabaseMetaData#getTableTypes}: Calcite lists only TABLE and VIEW, but tools filter
     * {@link DatabaseMetaData#getTables} by the types listed here, so every type a table may have is listed.
     */
    private static ResultSet tableTypes(Connection connection) throws SQLException {
        Statement statement = connection.createStatement();
        statement.closeOnCompletion();
        return statement.executeQuery("SELECT TRIM(t) AS \"TABLE_TYPE\" FROM (VALUES ('" + TableTypes.EXTERNAL_TABLE
                + "'), ('SYSTEM TABLE'), ('TABLE'), ('VIEW')) AS v (t) ORDER BY 1");
    }

    /** Statements, result sets and metadata objects. */
    private static final class ChildHandler extends BaseHandler {
        private final Object parent;
        private final Object connection;
        /** The statement text behind this object; for a plain Statement, the last one it ran. */
        private volatile String sql;
        /** Set once the statement behind this object is cancelled; shared with its result sets. */
        private final AtomicBoolean cancelled;

        ChildHandler(Object delegate, Object parent, Object connection, String sql, AtomicBoolean cancelled) {
            super(delegate);
            this.parent = parent;
            this.connection = connection;
            this.sql = sql;
            this.cancelled = cancelled;
        }

        @Override
        Object handle(Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "getConnection":
                    return connection;
                case "getStatement":
                    if (parent instanceof Statement) {
                        return parent;
                    }
                    break;
                case "getTableTypes":
                    if (delegate instanceof DatabaseMetaData) {
                        return tableTypes((Connection) connection);
                    }
                    break;
                default:
                    break;
            }
            if (delegate instanceof Statement && args != null && args.length > 0 && args[0] instanceof String text
                    && (method.getName().startsWith("execute") || method.getName().equals("addBatch"))) {
                sql = SqlText.withoutTrailingSemicolon(text);
                args[0] = sql;
            }
            if (method.getName().equals("cancel")) {
                cancelled.set(true);
            } else if (delegate instanceof Statement && method.getName().startsWith("execute")) {
                cancelled.set(false);
                CancelFlags.clear(delegate);
            }
            String statementSql = sql;
            Object result;
            try {
                result = isQueryText(method) ? query((Statement) delegate, (String) args[0], statementSql)
                        : call(delegate, method, args, statementSql);
            } catch (SQLException e) {
                if (cancelled.get()) {
                    throw SqlExceptions.of(SqlState.QUERY_CANCELED, "The statement was cancelled.");
                }
                throw e;
            }
            return wrapResult(method, result, self, connection, statementSql, cancelled);
        }

        private static boolean isQueryText(Method method) {
            return method.getName().equals("executeQuery") && method.getParameterCount() == 1
                    && method.getParameterTypes()[0] == String.class;
        }

        /**
         * {@code Statement.executeQuery(sql)}: runs the statement, then requires a result set, as other drivers do
         * (Avatica reports a statement without one as an error of its own, without a SQLState).
         */
        private static ResultSet query(Statement statement, String text, String sql) throws SQLException {
            boolean rows;
            try {
                rows = statement.execute(text);
            } catch (SQLException | RuntimeException e) {
                throw translate(statement, e, sql);
            }
            if (!rows) {
                throw SqlExceptions.of(SqlState.NO_DATA,
                        "The statement returns no result set; run it with execute() or executeUpdate().");
            }
            return statement.getResultSet();
        }
    }
}
