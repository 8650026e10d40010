package dev.stowage.sql.ddl;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlUnresolvedFunction;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.validate.SqlValidatorException;

/**
 * Rewrites Databend's read-only statements into standard queries over the {@code system} schema, so that the stock
 * validator and planner run them and every JDBC tool sees an ordinary result set.
 */
public final class StowageSqlNodes {
    /** The schema holding the catalog's system tables and functions. */
    public static final String SYSTEM_SCHEMA = "system";
    /** The system table listing connections. */
    public static final String CONNECTIONS_TABLE = "connections";
    /** The system table function describing one connection. */
    public static final String DESCRIBE_CONNECTION_FUNCTION = "describe_connection";
    /** The table function reading staged files. */
    public static final String STAGE_FILES_FUNCTION = "stage_files";
    /** The columns of SHOW CONNECTIONS and DESC CONNECTION. */
    public static final List<String> CONNECTION_COLUMNS = List.of("name", "storage_type", "storage_params");

    private StowageSqlNodes() {
    }

    /** Returns {@code SELECT name, storage_type, storage_params FROM system.connections ORDER BY name}. */
    public static SqlNode showConnections(SqlParserPos pos) {
        SqlNode from = new SqlIdentifier(List.of(SYSTEM_SCHEMA, CONNECTIONS_TABLE), pos);
        SqlNodeList orderBy = new SqlNodeList(List.of(new SqlIdentifier("name", pos)), pos);
        return select(pos, from, orderBy);
    }

    /** Returns {@code SELECT name, storage_type, storage_params FROM TABLE(system.describe_connection('name'))}. */
    public static SqlNode describeConnection(SqlIdentifier name, SqlParserPos pos) {
        SqlNode call = tableFunction(List.of(SYSTEM_SCHEMA, DESCRIBE_CONNECTION_FUNCTION),
                List.of(SqlLiteral.createCharString(name.getSimple(), pos)), pos);
        return select(pos, SqlStdOperatorTable.COLLECTION_TABLE.createCall(pos, call), null);
    }

    /** Returns {@code TABLE(stage_files('@stage/path', args...))} for a stage reference in FROM. */
    public static SqlNode stageTableRef(String reference, List<SqlNode> args, SqlParserPos pos) {
        List<SqlNode> operands = new ArrayList<>();
        operands.add(SqlLiteral.createCharString(reference, pos));
        operands.addAll(args);
        SqlNode call = tableFunction(List.of(STAGE_FILES_FUNCTION), operands, pos);
        return SqlStdOperatorTable.COLLECTION_TABLE.createCall(pos, call);
    }

    /**
     * Returns the exception for a statement that is well-formed for the lexer but breaks a rule of Stowage's
     * grammar; Calcite's parser reports it as a syntax error at {@code pos}.
     */
    public static CalciteContextException parseError(SqlParserPos pos, String message) {
        return new CalciteContextException(message, new SqlValidatorException(message, null), pos.getLineNum(),
                pos.getColumnNum(), pos.getEndLineNum(), pos.getEndColumnNum());
    }

    private static SqlNode tableFunction(List<String> name, List<SqlNode> operands, SqlParserPos pos) {
        SqlUnresolvedFunction function = new SqlUnresolvedFunction(new SqlIdentifier(name, pos), null, null, null, null,
                SqlFunctionCategory.USER_DEFINED_TABLE_FUNCTION);
        return function.createCall(null, pos, operands.toArray(new SqlNode[0]));
    }

    private static SqlSelect select(SqlParserPos pos, SqlNode from, SqlNodeList orderBy) {
        List<SqlNode> columns = new ArrayList<>();
        for (String column : CONNECTION_COLUMNS) {
            columns.add(new SqlIdentifier(column, pos));
        }
        return new SqlSelect(pos, null, new SqlNodeList(columns, pos), from, null, null, null, null, null, orderBy,
                null, null, null);
    }
}
