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
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code CREATE [OR REPLACE] STAGE [IF NOT EXISTS] name [[URL =] '<uri>' [CONNECTION = (...)]]
 * [FILE_FORMAT = (...)] [COMMENT = '...']}.
 */
public final class SqlCreateStage extends SqlCreate {
    private static final SqlOperator OPERATOR = new SqlSpecialOperator("CREATE STAGE", SqlKind.OTHER_DDL);

    private final SqlIdentifier name;
    private final String url;
    private final SqlNodeList connection;
    private final SqlNodeList fileFormat;
    private final String comment;

    /** Creates the node; {@code url}, {@code connection}, {@code fileFormat} and {@code comment} may be null. */
    public SqlCreateStage(SqlParserPos pos, boolean replace, boolean ifNotExists, SqlIdentifier name, String url,
                          SqlNodeList connection, SqlNodeList fileFormat, String comment) {
        super(OPERATOR, pos, replace, ifNotExists);
        this.name = name;
        this.url = url;
        this.connection = connection;
        this.fileFormat = fileFormat;
        this.comment = comment;
    }

    /** Returns the stage name as written. */
    public String name() {
        return name.getSimple();
    }

    /** Returns the URL of an external stage, or null. */
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

    /** Returns the comment, or null. */
    public String comment() {
        return comment;
    }

    @Override
    public List<SqlNode> getOperandList() {
        List<SqlNode> operands = new ArrayList<>();
        operands.add(name);
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
        writer.keyword("STAGE");
        if (ifNotExists) {
            writer.keyword("IF NOT EXISTS");
        }
        name.unparse(writer, leftPrec, rightPrec);
        if (url != null) {
            writer.keyword("URL =");
            writer.literal(quote(url));
        }
        unparseList(writer, "CONNECTION", connection);
        unparseList(writer, "FILE_FORMAT", fileFormat);
        if (comment != null) {
            writer.keyword("COMMENT =");
            writer.literal(quote(comment));
        }
    }

    static void unparseList(SqlWriter writer, String keyword, SqlNodeList options) {
        if (options == null) {
            return;
        }
        writer.keyword(keyword + " =");
        SqlWriter.Frame frame = writer.startList("(", ")");
        for (SqlNode option : options) {
            writer.sep(",");
            option.unparse(writer, 0, 0);
        }
        writer.endList(frame);
    }

    static String quote(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
