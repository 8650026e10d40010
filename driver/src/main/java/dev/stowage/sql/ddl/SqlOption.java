package dev.stowage.sql.ddl;

import dev.stowage.format.OptionValue;
import dev.stowage.secret.Masking;
import dev.stowage.secret.SecretKeys;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * One {@code key = value} option inside {@code CONNECTION = (...)} or {@code FILE_FORMAT = (...)}. Keys compare
 * case-insensitively and are reported lower-cased; unparsing masks the values of secret keys.
 */
public final class SqlOption extends SqlCall {
    private static final SqlOperator OPERATOR = new SqlSpecialOperator("OPTION", SqlKind.OTHER);

    private final SqlIdentifier key;
    private final OptionValue value;

    /** Creates an option. */
    public SqlOption(SqlParserPos pos, SqlIdentifier key, OptionValue value) {
        super(pos);
        this.key = key;
        this.value = value;
    }

    /** Returns the key, lower-cased. */
    public String key() {
        return key.getSimple().toLowerCase(Locale.ROOT);
    }

    /** Returns the value as written. */
    public OptionValue value() {
        return value;
    }

    /** Returns the options of {@code list} by lower-cased key, in order; a repeated key keeps its last value. */
    public static Map<String, OptionValue> toMap(SqlNodeList list) {
        Map<String, OptionValue> options = new LinkedHashMap<>();
        if (list != null) {
            for (SqlNode node : list) {
                SqlOption option = (SqlOption) node;
                options.put(option.key(), option.value());
            }
        }
        return options;
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return List.of(key);
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        key.unparse(writer, 0, 0);
        writer.keyword("=");
        writer.literal(SecretKeys.isSecret(key()) ? "'" + Masking.MASK + "'" : value.toString());
    }
}
