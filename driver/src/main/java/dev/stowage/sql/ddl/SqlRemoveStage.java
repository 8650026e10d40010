package dev.stowage.sql.ddl;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code REMOVE @stage[/path] [PATTERN = '<regex>']}: deletes the matching files of a stage. */
public final class SqlRemoveStage extends SqlCall {
    private static final SqlOperator OPERATOR = new SqlSpecialOperator("REMOVE", SqlKind.OTHER_DDL);

    private final String reference;
    private final String pattern;

    /** Creates the node; {@code pattern} may be null. */
    public SqlRemoveStage(SqlParserPos pos, String reference, String pattern) {
        super(pos);
        this.reference = reference;
        this.pattern = pattern;
    }

    /** Returns the stage reference as written, {@code @stage[/path]}. */
    public String reference() {
        return reference;
    }

    /** Returns the pattern, or null. */
    public String pattern() {
        return pattern;
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return List.of();
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword("REMOVE");
        writer.literal(SqlCreateStage.quote(reference));
        if (pattern != null) {
            writer.keyword("PATTERN =");
            writer.literal(SqlCreateStage.quote(pattern));
        }
    }
}
