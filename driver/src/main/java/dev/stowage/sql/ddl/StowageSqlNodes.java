package dev.stowage.sql.ddl;

import dev.stowage.format.OptionValue;
import dev.stowage.sql.StageTableArguments;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlUnresolvedFunction;
import org.apache.calcite.sql.dialect.CalciteSqlDialect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.parser.SqlParserUtil;
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
    /** The table function listing the files of a stage. */
    public static final String LIST_STAGE_FUNCTION = "list_stage";
    /** The table function presigning a staged file. */
    public static final String PRESIGN_FUNCTION = "presign";
    /** The table function reading staged files. */
    public static final String STAGE_FILES_FUNCTION = "stage_files";
    /** The table function describing the columns of staged files. */
    public static final String INFER_SCHEMA_FUNCTION = "infer_schema";
    /** The system table listing tables. */
    public static final String TABLES_TABLE = "tables";
    /** The system table function describing a table's columns. */
    public static final String DESCRIBE_TABLE_FUNCTION = "describe_table";
    /** The columns of DESC TABLE (Databend's). */
    public static final List<String> DESCRIBE_TABLE_COLUMNS = List.of("Field", "Type", "Null", "Default", "Extra");
    /** The system table function printing a table's CREATE TABLE statement. */
    public static final String SHOW_CREATE_TABLE_FUNCTION = "show_create_table";
    /** The columns of SHOW CREATE TABLE (Databend's). */
    public static final List<String> SHOW_CREATE_TABLE_COLUMNS = List.of("Table", "Create Table");
    /** The table function COPY INTO a table is rewritten into. */
    public static final String COPY_INTO_TABLE_FUNCTION = "copy_into_table";
    /** The table function COPY INTO a location is rewritten into. */
    public static final String COPY_INTO_LOCATION_FUNCTION = "copy_into_location";
    /** The schema (Databend: database) holding the catalog's tables. */
    public static final String DEFAULT_SCHEMA = "default";
    /** The system table listing stages. */
    public static final String STAGES_TABLE = "stages";
    /** The columns of {@code system.stages}, SHOW STAGES and DESC STAGE (Databend's 2026 layout). */
    public static final List<String> STAGE_COLUMNS = List.of("name", "stage_type", "storage_type", "url", "endpoint",
            "has_credentials", "has_encryption_key", "storage_params", "file_format_options", "creator", "created_on",
            "comment", "owner");
    /** The system table listing named file formats. */
    public static final String FILE_FORMATS_TABLE = "file_formats";
    /** The columns of {@code system.file_formats} and SHOW FILE FORMATS. */
    public static final List<String> FILE_FORMAT_COLUMNS = List.of("name", "format_options");
    /** The columns of SHOW CONNECTIONS and DESC CONNECTION. */
    public static final List<String> CONNECTION_COLUMNS = List.of("name", "storage_type", "storage_params");

    private StowageSqlNodes() {
    }

    /** Returns {@code SELECT name, storage_type, storage_params FROM system.connections ORDER BY name}. */
    public static SqlNode showConnections(SqlParserPos pos) {
        SqlNode from = new SqlIdentifier(List.of(SYSTEM_SCHEMA, CONNECTIONS_TABLE), pos);
        SqlNodeList orderBy = new SqlNodeList(List.of(new SqlIdentifier("name", pos)), pos);
        return select(pos, CONNECTION_COLUMNS, from, null, orderBy);
    }

    /** Returns {@code SELECT <stage columns> FROM system.stages [WHERE name LIKE pattern] ORDER BY name}. */
    public static SqlNode showStages(String likePattern, SqlParserPos pos) {
        SqlNode from = new SqlIdentifier(List.of(SYSTEM_SCHEMA, STAGES_TABLE), pos);
        SqlNode where = likePattern == null ? null : SqlStdOperatorTable.LIKE.createCall(pos,
                new SqlIdentifier("name", pos), SqlLiteral.createCharString(likePattern, pos));
        SqlNodeList orderBy = new SqlNodeList(List.of(new SqlIdentifier("name", pos)), pos);
        return select(pos, STAGE_COLUMNS, from, where, orderBy);
    }

    /** Returns {@code SELECT name, format_options FROM system.file_formats ORDER BY name}. */
    public static SqlNode showFileFormats(SqlParserPos pos) {
        SqlNode from = new SqlIdentifier(List.of(SYSTEM_SCHEMA, FILE_FORMATS_TABLE), pos);
        SqlNodeList orderBy = new SqlNodeList(List.of(new SqlIdentifier("name", pos)), pos);
        return select(pos, FILE_FORMAT_COLUMNS, from, null, orderBy);
    }

    /** Returns {@code SELECT <stage columns> FROM system.stages WHERE name = 'name'}: no row when it is missing. */
    public static SqlNode describeStage(SqlIdentifier name, SqlParserPos pos) {
        SqlNode from = new SqlIdentifier(List.of(SYSTEM_SCHEMA, STAGES_TABLE), pos);
        SqlNode where = SqlStdOperatorTable.EQUALS.createCall(pos, new SqlIdentifier("name", pos),
                SqlLiteral.createCharString(name.getSimple(), pos));
        return select(pos, STAGE_COLUMNS, from, where, null);
    }

    /** Returns {@code SELECT name, storage_type, storage_params FROM TABLE(system.describe_connection('name'))}. */
    public static SqlNode describeConnection(SqlIdentifier name, SqlParserPos pos) {
        SqlNode call = tableFunction(List.of(SYSTEM_SCHEMA, DESCRIBE_CONNECTION_FUNCTION),
                List.of(SqlLiteral.createCharString(name.getSimple(), pos)), pos);
        return select(pos, CONNECTION_COLUMNS, SqlStdOperatorTable.COLLECTION_TABLE.createCall(pos, call), null, null);
    }

    /**
     * Returns {@code SELECT name AS "Tables_in_default" FROM system.tables WHERE database = '<db>' [AND name LIKE
     * pattern] ORDER BY name} for {@code SHOW TABLES}.
     */
    public static SqlNode showTables(SqlIdentifier database, String likePattern, SqlParserPos pos) {
        String db = database == null ? DEFAULT_SCHEMA : database.getSimple();
        SqlNode from = new SqlIdentifier(List.of(SYSTEM_SCHEMA, TABLES_TABLE), pos);
        SqlNode where = SqlStdOperatorTable.EQUALS.createCall(pos, new SqlIdentifier("database", pos),
                SqlLiteral.createCharString(db, pos));
        if (likePattern != null) {
            where = SqlStdOperatorTable.AND.createCall(pos, where, SqlStdOperatorTable.LIKE.createCall(pos,
                    new SqlIdentifier("name", pos), SqlLiteral.createCharString(likePattern, pos)));
        }
        SqlNode column = SqlStdOperatorTable.AS.createCall(pos, new SqlIdentifier("name", pos),
                new SqlIdentifier("Tables_in_" + db, pos));
        SqlNodeList orderBy = new SqlNodeList(List.of(new SqlIdentifier("name", pos)), pos);
        return new SqlSelect(pos, null, new SqlNodeList(List.of(column), pos), from, where, null, null, null, null,
                orderBy, null, null, null);
    }

    /** Returns {@code SELECT "Field", "Type", "Null", "Default", "Extra" FROM TABLE(system.describe_table('t'))}. */
    public static SqlNode describeTable(SqlIdentifier name, SqlParserPos pos) {
        SqlNode call = tableFunction(List.of(SYSTEM_SCHEMA, DESCRIBE_TABLE_FUNCTION),
                List.of(SqlLiteral.createCharString(String.join(".", name.names), pos)), pos);
        return select(pos, DESCRIBE_TABLE_COLUMNS, SqlStdOperatorTable.COLLECTION_TABLE.createCall(pos, call),
                null, null);
    }

    /** Returns {@code SELECT "Table", "Create Table" FROM TABLE(system.show_create_table('[db.]name'))}. */
    public static SqlNode showCreateTable(SqlIdentifier name, SqlParserPos pos) {
        SqlNode call = tableFunction(List.of(SYSTEM_SCHEMA, SHOW_CREATE_TABLE_FUNCTION),
                List.of(SqlLiteral.createCharString(String.join(".", name.names), pos)), pos);
        return select(pos, SHOW_CREATE_TABLE_COLUMNS, SqlStdOperatorTable.COLLECTION_TABLE.createCall(pos, call),
                null, null);
    }

    /**
     * Returns {@code SELECT * FROM TABLE(system.copy_into_table(TABLE => '[db.]t', LOCATION => '...', OPTIONS => ...,
     * FILE_FORMAT => ..., CONNECTION => ...))} for {@code COPY INTO t FROM <location> ...}.
     */
    public static SqlNode copyIntoTable(SqlIdentifier table, String location, List<SqlNode> options,
                                        Map<String, SqlNodeList> nested, SqlParserPos pos) {
        List<SqlNode> operands = new ArrayList<>();
        operands.add(argument("TABLE", SqlLiteral.createCharString(String.join(".", table.names), pos), pos));
        operands.add(argument("LOCATION", SqlLiteral.createCharString(location, pos), pos));
        operands.addAll(copyOptions(options, nested, pos));
        SqlNode call = tableFunction(List.of(SYSTEM_SCHEMA, COPY_INTO_TABLE_FUNCTION), operands, pos);
        return selectAll(pos, SqlStdOperatorTable.COLLECTION_TABLE.createCall(pos, call));
    }

    /**
     * Returns {@code SELECT * FROM TABLE(system.copy_into_location(LOCATION => '...', QUERY => '<sql>', ...))} for
     * {@code COPY INTO <location> FROM { table | (query) } ...}; {@code query} is the text of the query, or null to
     * unload the whole of {@code table}.
     */
    public static SqlNode copyIntoLocation(String location, SqlIdentifier table, String query, List<SqlNode> options,
                                           Map<String, SqlNodeList> nested, SqlParserPos pos) {
        String sql = query != null ? query
                : "SELECT * FROM " + table.names.stream().map(CalciteSqlDialect.DEFAULT::quoteIdentifier)
                        .collect(Collectors.joining("."));
        List<SqlNode> operands = new ArrayList<>();
        operands.add(argument("LOCATION", SqlLiteral.createCharString(location, pos), pos));
        operands.add(argument("QUERY", SqlLiteral.createCharString(sql, pos), pos));
        operands.addAll(copyOptions(options, nested, pos));
        SqlNode call = tableFunction(List.of(SYSTEM_SCHEMA, COPY_INTO_LOCATION_FUNCTION), operands, pos);
        return selectAll(pos, SqlStdOperatorTable.COLLECTION_TABLE.createCall(pos, call));
    }

    /** The OPTIONS, FILE_FORMAT and CONNECTION arguments of the COPY functions, each options encoded as text. */
    private static List<SqlNode> copyOptions(List<SqlNode> options, Map<String, SqlNodeList> nested, SqlParserPos pos) {
        for (String key : nested.keySet()) {
            if (!key.equals("FILE_FORMAT") && !key.equals("CONNECTION")) {
                throw parseError(nested.get(key).getParserPosition(), "Unexpected option " + key + " in COPY INTO.");
            }
        }
        List<SqlNode> operands = new ArrayList<>();
        operands.add(argument("OPTIONS", SqlLiteral.createCharString(
                StageTableArguments.encodeOptions(SqlOption.toMap(new SqlNodeList(options, pos))), pos), pos));
        for (String key : List.of("FILE_FORMAT", "CONNECTION")) {
            SqlNodeList list = nested.get(key);
            if (list != null) {
                operands.add(argument(key, SqlLiteral.createCharString(
                        StageTableArguments.encodeOptions(SqlOption.toMap(list)), pos), pos));
            }
        }
        return operands;
    }

    /**
     * Returns the text of {@code sql} from line/column {@code (firstLine, firstColumn)} to {@code (lastLine,
     * lastColumn)} inclusive, 1-based: the query of a COPY INTO as written. Without the statement's text, the query
     * is unparsed instead.
     */
    public static String sourceText(String sql, SqlNode query, int firstLine, int firstColumn, int lastLine,
                                    int lastColumn) {
        if (sql == null) {
            return query.toSqlString(c -> c.withDialect(CalciteSqlDialect.DEFAULT))
                    .getSql();
        }
        int start = SqlParserUtil.lineColToIndex(sql, firstLine, firstColumn);
        int end = SqlParserUtil.lineColToIndex(sql, lastLine, lastColumn);
        return sql.substring(start, end + 1);
    }

    /** Returns {@code SELECT * FROM TABLE(system.list_stage('@stage/path', pattern))} for {@code LIST}. */
    public static SqlNode listStage(String reference, String pattern, SqlParserPos pos) {
        SqlNode call = tableFunction(List.of(SYSTEM_SCHEMA, LIST_STAGE_FUNCTION), List.of(
                SqlLiteral.createCharString(reference, pos),
                pattern == null ? SqlLiteral.createNull(pos) : SqlLiteral.createCharString(pattern, pos)), pos);
        return selectAll(pos, SqlStdOperatorTable.COLLECTION_TABLE.createCall(pos, call));
    }

    /** Returns {@code SELECT * FROM TABLE(system.presign('@stage/file', action, seconds))} for {@code PRESIGN}. */
    public static SqlNode presign(String reference, String action, String seconds, SqlParserPos pos) {
        SqlNode call = tableFunction(List.of(SYSTEM_SCHEMA, PRESIGN_FUNCTION), List.of(
                SqlLiteral.createCharString(reference, pos), SqlLiteral.createCharString(action, pos),
                SqlLiteral.createCharString(seconds, pos)), pos);
        return selectAll(pos, SqlStdOperatorTable.COLLECTION_TABLE.createCall(pos, call));
    }

    /**
     * Returns {@code TABLE(stage_files(LOCATION => '<reference>', args...))} for staged files in FROM; {@code
     * reference} is {@code @stage[/path]} or a URI.
     */
    public static SqlNode stageTableRef(String reference, List<SqlNode> args, SqlParserPos pos) {
        List<SqlNode> operands = new ArrayList<>();
        operands.add(argument("LOCATION", SqlLiteral.createCharString(reference, pos), pos));
        operands.addAll(args);
        SqlNode call = tableFunction(List.of(STAGE_FILES_FUNCTION), operands, pos);
        return SqlStdOperatorTable.COLLECTION_TABLE.createCall(pos, call);
    }

    /** Returns the argument {@code name => '<options as text>'} for {@code CONNECTION => (key = 'value', ...)}. */
    public static SqlNode connectionArgument(SqlIdentifier name, SqlNodeList options) {
        Map<String, OptionValue> map = SqlOption.toMap(options);
        return argument(name.getSimple(), SqlLiteral.createCharString(StageTableArguments.encodeOptions(map),
                options.getParserPosition()), name.getParserPosition());
    }

    /** Returns the argument {@code name => '<files as text>'} for {@code FILES => ('a', 'b')}. */
    public static SqlNode filesArgument(SqlIdentifier name, List<String> files) {
        return argument(name.getSimple(), SqlLiteral.createCharString(StageTableArguments.encodeFiles(files),
                name.getParserPosition()), name.getParserPosition());
    }

    /** Returns the named argument {@code name => value}. */
    public static SqlNode argument(String name, SqlNode value, SqlParserPos pos) {
        return SqlStdOperatorTable.ARGUMENT_ASSIGNMENT.createCall(pos, value, new SqlIdentifier(name, pos));
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

    private static SqlSelect selectAll(SqlParserPos pos, SqlNode from) {
        return new SqlSelect(pos, null, SqlNodeList.of(SqlIdentifier.star(pos)), from, null, null, null, null, null,
                null, null, null, null);
    }

    private static SqlSelect select(SqlParserPos pos, List<String> columnNames, SqlNode from, SqlNode where,
                                    SqlNodeList orderBy) {
        List<SqlNode> columns = new ArrayList<>();
        for (String column : columnNames) {
            columns.add(new SqlIdentifier(column, pos));
        }
        return new SqlSelect(pos, null, new SqlNodeList(columns, pos), from, where, null, null, null, null, orderBy,
                null, null, null);
    }
}
