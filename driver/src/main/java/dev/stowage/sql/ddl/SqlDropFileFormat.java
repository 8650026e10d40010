package dev.stowage.sql.ddl;

import java.util.List;
import org.apache.calcite.sql.SqlDrop;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code DROP FILE FORMAT [IF EXISTS] name}. */
public final class SqlDropFileFormat extends SqlDrop {
    private static final SqlOperator OPERATOR = new SqlSpecialOperator("DROP FILE FORMAT", SqlKind.OTHER_DDL);

    private final SqlIdentifier name;

    /** Creates the node. */
    public SqlDropFileFormat(SqlParserPos pos, boolean ifExists, SqlIdentifier name) {
        super(OPERATOR, pos, ifExists);
        this.name = name;
    }

    /** Returns the format name as written. */
    public String name() {
        return name.getSimple();
    }

    /** Returns whether {@code IF EXISTS} was given. */
    public boolean ifExists() {
        return ifExists;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return List.of(name);
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword("DROP FILE FORMAT");
        if (ifExists) {
            writer.keyword("IF EXISTS");
        }
        name.unparse(writer, leftPrec, rightPrec);
    }
}
