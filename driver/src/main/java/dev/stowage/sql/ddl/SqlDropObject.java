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

/** {@code DROP { CONNECTION | STAGE | FILE FORMAT | TABLE } [IF EXISTS] name}. */
public final class SqlDropObject extends SqlDrop {
    /** The kinds of catalog object DROP removes. */
    public enum ObjectKind {
        CONNECTION("CONNECTION"),
        STAGE("STAGE"),
        FILE_FORMAT("FILE FORMAT"),
        TABLE("TABLE");

        private final String keywords;
        private final SqlOperator operator;

        ObjectKind(String keywords) {
            this.keywords = keywords;
            this.operator = new SqlSpecialOperator("DROP " + keywords, SqlKind.OTHER_DDL);
        }
    }

    private final ObjectKind objectKind;
    private final SqlIdentifier name;

    /** Creates the node. */
    public SqlDropObject(SqlParserPos pos, ObjectKind objectKind, boolean ifExists, SqlIdentifier name) {
        super(objectKind.operator, pos, ifExists);
        this.objectKind = objectKind;
        this.name = name;
    }

    /** Returns what kind of object is dropped. */
    public ObjectKind objectKind() {
        return objectKind;
    }

    /** Returns the object name exactly as written. */
    public String name() {
        return name.getSimple();
    }

    /** Returns the name as parsed: a table's may be qualified by its database. */
    public SqlIdentifier identifier() {
        return name;
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
        writer.keyword("DROP " + objectKind.keywords);
        if (ifExists) {
            writer.keyword("IF EXISTS");
        }
        name.unparse(writer, leftPrec, rightPrec);
    }
}
