package dev.stowage.sql.ddl;

import dev.stowage.secret.Masking;
import dev.stowage.secret.SecretKeys;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * One {@code key = 'value'} storage option. Keys compare case-insensitively and are reported lower-cased; values are
 * kept verbatim. Unparsing masks the values of secret keys, so the SQL text of a node never shows a secret.
 */
public final class SqlStorageOption extends SqlCall {
    /** The only key that accepts a bare {@code TRUE}/{@code FALSE} instead of a quoted string. */
    public static final String BARE_BOOLEAN_KEY = "ENABLE_VIRTUAL_HOST_STYLE";

    private static final SqlOperator OPERATOR = new SqlSpecialOperator("STORAGE OPTION", SqlKind.OTHER);

    private final SqlIdentifier key;
    private final SqlLiteral value;

    /** Creates an option; {@code value} is a character literal, or a boolean literal for {@link #BARE_BOOLEAN_KEY}. */
    public SqlStorageOption(SqlParserPos pos, SqlIdentifier key, SqlLiteral value) {
        super(pos);
        this.key = key;
        this.value = value;
    }

    /** Returns whether {@code key} may take a bare boolean. */
    public static boolean takesBareBoolean(SqlIdentifier key) {
        return key.isSimple() && key.getSimple().equalsIgnoreCase(BARE_BOOLEAN_KEY);
    }

    /** Returns the key, lower-cased. */
    public String key() {
        return key.getSimple().toLowerCase(Locale.ROOT);
    }

    /** Returns whether this option's key is {@code lowerCaseKey}. */
    public boolean isKey(String lowerCaseKey) {
        return key().equals(lowerCaseKey);
    }

    /** Returns the value as written, or {@code true}/{@code false} for a bare boolean. */
    public String value() {
        if (value.getTypeName() == SqlTypeName.BOOLEAN) {
            return String.valueOf(value.booleanValue());
        }
        return value.getValueAs(String.class);
    }

    @Override
    public SqlOperator getOperator() {
        return OPERATOR;
    }

    @Override
    public List<SqlNode> getOperandList() {
        return List.of(key, value);
    }

    @Override
    public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
        key.unparse(writer, 0, 0);
        writer.keyword("=");
        if (SecretKeys.isSecret(key())) {
            writer.literal("'" + Masking.MASK + "'");
        } else {
            value.unparse(writer, 0, 0);
        }
    }
}
