package dev.stowage.sql.ddl;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code ALTER TABLE [IF EXISTS] [db.]name CONNECTION = ( CONNECTION_NAME = '...' | <credentials> )}: rebinds an
 * external table's credentials.
 */
public final class SqlAlterTableConnection extends SqlCall {
    private static final SqlOperator OPERATOR = new SqlSpecialOperator("ALTER TABLE CONNECTION", SqlKind.OTHER_DDL);

    private final boolean ifExists;
    private final SqlIdentifier name;
    private final SqlNodeList connection;

    /** Creates the node. */
    public SqlAlterTableConnection(SqlParserPos pos, boolean ifExists, SqlIdentifier name, SqlNodeList connection) {
        super(pos);
        this.ifExists = ifExists;
        this.name = name;
        this.connection = connection;
    }

    /** Returns whether {@code IF EXISTS} was given. */
    public boolean ifExists() {
        return ifExists;
    }

    /** Returns the table name, possibly qualified by its database, as written. */
    public SqlIdentifier name() {
        return name;
    }

    /** Returns the {@code CONNECTION = (...)} options. */
    public SqlNodeList connection() {
        return connection;
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return List.of(name, connection);
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword("ALTER TABLE");
        if (ifExists) {
            writer.keyword("IF EXISTS");
        }
        name.unparse(writer, leftPrec, rightPrec);
        SqlCreateStage.unparseList(writer, "CONNECTION", connection);
    }
}
