package dev.stowage.sql;

import dev.stowage.sql.ddl.StowageSqlNodes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlUnresolvedFunction;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * Tells the staged-file tables of a statement which columns the statement names, because their row type depends on
 * it (Databend's rule): a CSV file has as many columns {@code $1..$N} as the largest {@code $N} used, and
 * {@code METADATA$} columns exist only where they are asked for. Each {@code stage_files} call gets two hidden
 * arguments, {@link StageTableArguments#POSITIONS} and {@link StageTableArguments#METADATA}.
 */
public final class StageColumnUsage extends SqlBasicVisitor<Void> {
    private static final Pattern POSITION = Pattern.compile("\\$([0-9]+)");
    private static final String METADATA_PREFIX = "METADATA$";

    private final List<SqlBasicCall> tables = new ArrayList<>();
    private final Set<String> metadata = new TreeSet<>();
    private long maxPosition;

    private StageColumnUsage() {
    }

    /** Adds the hidden arguments to every staged-file table in {@code statement}, which is returned. */
    public static <T extends SqlNode> T annotate(T statement) {
        if (statement == null) {
            return null;
        }
        StageColumnUsage usage = new StageColumnUsage();
        statement.accept(usage);
        usage.tables.forEach(usage::addHiddenArguments);
        return statement;
    }

    @Override
    public Void visit(SqlIdentifier id) {
        if (id.isStar()) {
            return null;
        }
        String last = id.names.get(id.names.size() - 1);
        var matcher = POSITION.matcher(last);
        if (matcher.matches()) {
            maxPosition = Math.max(maxPosition, Long.parseLong(matcher.group(1).length() > 9 ? "999999999"
                    : matcher.group(1)));
        } else if (last.toUpperCase(Locale.ROOT).startsWith(METADATA_PREFIX)) {
            metadata.add(last.substring(METADATA_PREFIX.length()).toUpperCase(Locale.ROOT));
        }
        return null;
    }

    @Override
    public Void visit(SqlCall call) {
        if (call.getKind() == SqlKind.COLLECTION_TABLE && call instanceof SqlBasicCall table
                && isStageFiles(call.operand(0))) {
            tables.add(table);
        }
        return super.visit(call);
    }

    private static boolean isStageFiles(SqlNode node) {
        return node instanceof SqlBasicCall call && call.getOperator() instanceof SqlUnresolvedFunction function
                && function.getNameAsId().names.equals(List.of(StowageSqlNodes.STAGE_FILES_FUNCTION));
    }

    /** A hidden argument already present (a statement unparsed and parsed again) is replaced, not repeated. */
    private static boolean isHiddenArgument(SqlNode operand) {
        return operand.getKind() == SqlKind.ARGUMENT_ASSIGNMENT && operand instanceof SqlCall call
                && call.operand(1) instanceof SqlIdentifier name
                && (name.getSimple().equals(StageTableArguments.POSITIONS)
                        || name.getSimple().equals(StageTableArguments.METADATA));
    }

    private void addHiddenArguments(SqlBasicCall table) {
        SqlBasicCall files = table.operand(0);
        SqlParserPos pos = files.getParserPosition();
        List<SqlNode> operands = new ArrayList<>(files.getOperandList());
        operands.removeIf(StageColumnUsage::isHiddenArgument);
        operands.add(StowageSqlNodes.argument(StageTableArguments.POSITIONS,
                SqlLiteral.createExactNumeric(Long.toString(maxPosition), pos), pos));
        operands.add(StowageSqlNodes.argument(StageTableArguments.METADATA,
                SqlLiteral.createCharString(String.join(",", metadata), pos), pos));
        table.setOperand(0, files.getOperator().createCall(files.getFunctionQuantifier(), pos,
                operands.toArray(new SqlNode[0])));
    }
}
