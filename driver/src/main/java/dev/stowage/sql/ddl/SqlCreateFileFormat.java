package dev.stowage.sql.ddl;

import dev.stowage.format.OptionValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * {@code CREATE [OR REPLACE] FILE FORMAT [IF NOT EXISTS] name option [,] option ...}, the options being those of
 * {@code FILE_FORMAT = (...)} without the parentheses.
 */
public final class SqlCreateFileFormat extends SqlCreate {
    private static final SqlOperator OPERATOR = new SqlSpecialOperator("CREATE FILE FORMAT", SqlKind.OTHER_DDL);

    private final SqlIdentifier name;
    private final List<SqlOption> options;

    /** Creates the node; {@code options} holds {@link SqlOption}s and is copied. */
    public SqlCreateFileFormat(SqlParserPos pos, boolean replace, boolean ifNotExists, SqlIdentifier name,
                               List<? extends SqlNode> options) {
        super(OPERATOR, pos, replace, ifNotExists);
        this.name = name;
        List<SqlOption> copy = new ArrayList<>();
        for (SqlNode option : options) {
            copy.add((SqlOption) option);
        }
        this.options = List.copyOf(copy);
    }

    /** Returns the format name as written. */
    public String name() {
        return name.getSimple();
    }

    /** Returns the options by lower-cased key, in order; a repeated key keeps its last value. */
    public Map<String, OptionValue> options() {
        return SqlOption.toMap(optionList());
    }

    /** Returns the option nodes as written. */
    public SqlNodeList optionList() {
        return new SqlNodeList(options, getParserPosition());
    }

    @Override
    public List<SqlNode> getOperandList() {
        return List.of(name, optionList());
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword("CREATE");
        if (getReplace()) {
            writer.keyword("OR REPLACE");
        }
        writer.keyword("FILE FORMAT");
        if (ifNotExists) {
            writer.keyword("IF NOT EXISTS");
        }
        name.unparse(writer, leftPrec, rightPrec);
        for (SqlOption option : options) {
            option.unparse(writer, 0, 0);
        }
    }
}
