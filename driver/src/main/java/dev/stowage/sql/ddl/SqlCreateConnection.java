package dev.stowage.sql.ddl;

import java.util.LinkedHashMap;
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
 * {@code CREATE [OR REPLACE] CONNECTION [IF NOT EXISTS] name STORAGE_TYPE = '<type>' [key = 'value' ...]}.
 * The parser guarantees that the first option is {@code STORAGE_TYPE}.
 */
public final class SqlCreateConnection extends SqlCreate {
    private static final SqlOperator OPERATOR = new SqlSpecialOperator("CREATE CONNECTION", SqlKind.OTHER_DDL);

    private final SqlIdentifier name;
    private final SqlNodeList options;

    /** Creates the node; {@code options} holds {@link SqlStorageOption}s, {@code STORAGE_TYPE} first. */
    public SqlCreateConnection(SqlParserPos pos, boolean replace, boolean ifNotExists, SqlIdentifier name,
                               SqlNodeList options) {
        super(OPERATOR, pos, replace, ifNotExists);
        this.name = name;
        this.options = options;
    }

    /** Returns the connection name exactly as written. */
    public String name() {
        return name.getSimple();
    }

    /** Returns the value of {@code STORAGE_TYPE} as written. */
    public String storageType() {
        return ((SqlStorageOption) options.get(0)).value();
    }

    /** Returns the options after {@code STORAGE_TYPE}, keys lower-cased, in order; a repeated key keeps its last value. */
    public Map<String, String> parameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (SqlNode node : options.subList(1, options.size())) {
            SqlStorageOption option = (SqlStorageOption) node;
            parameters.put(option.key(), option.value());
        }
        return parameters;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return List.of(name, options);
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        writer.keyword("CREATE");
        if (getReplace()) {
            writer.keyword("OR REPLACE");
        }
        writer.keyword("CONNECTION");
        if (ifNotExists) {
            writer.keyword("IF NOT EXISTS");
        }
        name.unparse(writer, leftPrec, rightPrec);
        for (SqlNode option : options) {
            option.unparse(writer, 0, 0);
        }
    }
}
