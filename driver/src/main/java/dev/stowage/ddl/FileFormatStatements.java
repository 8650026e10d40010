package dev.stowage.ddl;

import dev.stowage.catalog.Catalog;
import dev.stowage.catalog.CreateMode;
import dev.stowage.error.ErrorCode;
import dev.stowage.error.StowageException;
import dev.stowage.format.FileFormat;
import dev.stowage.format.FileFormatParser;
import dev.stowage.format.OptionValue;
import dev.stowage.sql.ddl.SqlCreateFileFormat;
import dev.stowage.sql.ddl.SqlDropObject;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * CREATE FILE FORMAT and DROP FILE FORMAT, with Databend's rules: the options are validated as
 * {@code FILE_FORMAT = (...)} options are and stored with their defaults filled in; a type name cannot name a format.
 */
final class FileFormatStatements {
    /** Every spelling Databend accepts as a type (XML included): {@code FORMAT_NAME = 'csv'} means the type. */
    private static final Set<String> RESERVED_NAMES = Set.of("CSV", "TSV", "TABSEPARATED", "NDJSON", "JSONEACHROW",
            "PARQUET", "XML", "JSON", "ORC", "AVRO");

    private FileFormatStatements() {
    }

    static void create(Catalog catalog, SqlCreateFileFormat create) {
        String name = create.name();
        if (RESERVED_NAMES.contains(name.toUpperCase(Locale.ROOT))) {
            throw new StowageException(ErrorCode.SYNTAX, "File format '%s' is reserved and cannot be used", name);
        }
        Map<String, OptionValue> options = new LinkedHashMap<>(create.options());
        OptionValue formatName = options.remove("format_name");
        FileFormat format = FileFormatParser.parse(options, Map.of());
        if (formatName != null) {
            // Databend reads FORMAT_NAME only in FILE_FORMAT = (...); here it is an option no type has
            throw new StowageException(ErrorCode.ILLEGAL_FILE_FORMAT, "Unsupported options for %s:  {format_name: %s}",
                    format.type().displayName(), formatName);
        }
        CreateMode mode = StowageDdlExecutor.createMode(create);
        catalog.createFileFormat(name, format, mode);
    }

    static void drop(Catalog catalog, SqlDropObject drop) {
        if (drop.ifExists()) {
            catalog.dropFileFormatIfExists(drop.name());
        } else {
            catalog.dropFileFormat(drop.name());
        }
    }
}
