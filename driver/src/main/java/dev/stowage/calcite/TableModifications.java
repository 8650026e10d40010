package dev.stowage.calcite;

import dev.stowage.error.ErrorCode;
import dev.stowage.error.StowageException;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableModify;

/**
 * Checks the modifications a statement makes before it is planned: tables only take INSERT (and COPY INTO, TRUNCATE),
 * since their rows are immutable files; system tables and staged files take none.
 */
final class TableModifications {
    private TableModifications() {
    }

    /**
     * Returns {@code root} unchanged.
     *
     * @throws StowageException {@link ErrorCode#UNSUPPORTED_STATEMENT} naming the table and the operation otherwise
     */
    static RelNode check(RelNode root) {
        if (root instanceof TableModify modify) {
            check(modify);
        }
        for (RelNode input : root.getInputs()) {
            check(input);
        }
        return root;
    }

    private static void check(TableModify modify) {
        String table = String.join(".", modify.getTable().getQualifiedName());
        if (modify.getTable().unwrap(CatalogTable.class) == null) {
            throw new StowageException(ErrorCode.UNSUPPORTED_STATEMENT, "Table %s is read-only.", table);
        }
        if (!modify.isInsert()) {
            throw new StowageException(ErrorCode.UNSUPPORTED_STATEMENT,
                    "%s is not supported on table %s: its rows are files that are only appended to (INSERT, COPY INTO)."
                            + " Use TRUNCATE TABLE or CREATE OR REPLACE TABLE to rewrite it.",
                    modify.getOperation(), table);
        }
    }
}
