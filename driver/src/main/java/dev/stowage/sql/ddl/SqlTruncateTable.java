package dev.stowage.sql.ddl;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code TRUNCATE TABLE [db.]name}: deletes every row (every file) of a table and keeps the table. */
public final class SqlTruncateTable extends SqlCall {
    private static final SqlOperator OPERATOR = new SqlSpecialOperator("TRUNCATE TABLE", SqlKind.OTHER_DDL);

    private final SqlIdentifier name;

    /** Creates the node. */
    public SqlTruncateTable(SqlParserPos pos, SqlIdentifier name) {
        super(pos);
        this.name = name;
    }

    /** Returns the table name, possibly qualified by its database, as written. */
    public SqlIdentifier name() {
        return name;
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return List.of(name);
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword("TRUNCATE TABLE");
        name.unparse(writer, leftPrec, rightPrec);
    }
}
