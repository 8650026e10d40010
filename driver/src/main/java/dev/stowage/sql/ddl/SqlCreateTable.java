package dev.stowage.sql.ddl;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlCreate;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.ddl.SqlColumnDeclaration;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code CREATE [OR REPLACE] TABLE [IF NOT EXISTS] [db.]name (column type [NULL | NOT NULL], ...)
 * ['<uri>/' CONNECTION = (...)] [FILE_FORMAT = (...)]}.
 */
public final class SqlCreateTable extends SqlCreate {
    private static final SqlOperator OPERATOR = new SqlSpecialOperator("CREATE TABLE", SqlKind.OTHER_DDL);

    private final SqlIdentifier name;
    private final SqlNodeList columns;
    private final String url;
    private final SqlNodeList connection;
    private final SqlNodeList fileFormat;

    /** Creates the node; {@code url}, {@code connection} and {@code fileFormat} may be null. */
    public SqlCreateTable(SqlParserPos pos, boolean replace, boolean ifNotExists, SqlIdentifier name,
                          SqlNodeList columns, String url, SqlNodeList connection, SqlNodeList fileFormat) {
        super(OPERATOR, pos, replace, ifNotExists);
        this.name = name;
        this.columns = columns;
        this.url = url;
        this.connection = connection;
        this.fileFormat = fileFormat;
    }

    /** Returns the table name, possibly qualified by its database, as written. */
    public SqlIdentifier name() {
        return name;
    }

    /** Returns the column declarations, in order. */
    public List<SqlColumnDeclaration> columns() {
        List<SqlColumnDeclaration> declarations = new ArrayList<>();
        for (SqlNode column : columns) {
            declarations.add((SqlColumnDeclaration) column);
        }
        return declarations;
    }

    /** Returns the location of an external table, or null. */
    public String url() {
        return url;
    }

    /** Returns the {@code CONNECTION = (...)} options, or null when absent. */
    public SqlNodeList connection() {
        return connection;
    }

    /** Returns the {@code FILE_FORMAT = (...)} options, or null when absent. */
    public SqlNodeList fileFormat() {
        return fileFormat;
    }

    @Override
    public List<SqlNode> getOperandList() {
        List<SqlNode> operands = new ArrayList<>();
        operands.add(name);
        operands.add(columns);
        if (connection != null) {
            operands.add(connection);
        }
        if (fileFormat != null) {
            operands.add(fileFormat);
        }
        return operands;
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword("CREATE");
        if (getReplace()) {
            writer.keyword("OR REPLACE");
        }
        writer.keyword("TABLE");
        if (ifNotExists) {
            writer.keyword("IF NOT EXISTS");
        }
        name.unparse(writer, leftPrec, rightPrec);
        SqlWriter.Frame frame = writer.startList("(", ")");
        for (SqlNode column : columns) {
            writer.sep(",");
            column.unparse(writer, 0, 0);
        }
        writer.endList(frame);
        if (url != null) {
            writer.literal(SqlCreateStage.quote(url));
        }
        SqlCreateStage.unparseList(writer, "CONNECTION", connection);
        SqlCreateStage.unparseList(writer, "FILE_FORMAT", fileFormat);
    }
}
