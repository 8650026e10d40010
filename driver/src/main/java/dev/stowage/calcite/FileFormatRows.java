package dev.stowage.calcite;

import dev.stowage.format.FileFormat;
import java.util.Map;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

/** The row layout of {@code system.file_formats} and SHOW FILE FORMATS: the name and Databend's display text. */
final class FileFormatRows {
    private FileFormatRows() {
    }

    static RelDataType rowType(RelDataTypeFactory typeFactory) {
        RelDataType text = typeFactory.createSqlType(SqlTypeName.VARCHAR);
        return typeFactory.builder()
                .add("name", text)
                .add("format_options", text)
                .build();
    }

    /** Returns the row for the named format {@code entry}. */
    static Object[] row(Map.Entry<String, FileFormat> entry) {
        return new Object[] {entry.getKey(), entry.getValue().toDisplayText()};
    }
}
