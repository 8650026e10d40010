package dev.stowage.calcite;

import dev.stowage.error.ErrorCode;
import dev.stowage.error.StowageException;
import dev.stowage.sql.ddl.StowageSqlNodes;

/** Table names as statements write them: {@code t} or {@code default.t} (Databend's database of tables). */
public final class TableNames {
    private TableNames() {
    }

    /**
     * Returns the table name of {@code qualified}, its parts joined by dots.
     *
     * @throws StowageException {@link ErrorCode#UNKNOWN_DATABASE} when it names another database
     */
    public static String simple(String qualified) {
        int dot = qualified.lastIndexOf('.');
        if (dot >= 0 && !qualified.substring(0, dot).equalsIgnoreCase(StowageSqlNodes.DEFAULT_SCHEMA)) {
            throw new StowageException(ErrorCode.UNKNOWN_DATABASE, "Unknown database '%s'.", qualified.substring(0, dot));
        }
        return qualified.substring(dot + 1);
    }
}
