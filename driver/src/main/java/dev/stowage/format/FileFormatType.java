package dev.stowage.format;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The file format types Databend's {@code FILE_FORMAT = (TYPE = ...)} accepts, with their other spellings. */
public enum FileFormatType {
    CSV("CSV"),
    TSV("TSV", "TABSEPARATED"),
    NDJSON("NDJSON", "JSONEACHROW"),
    PARQUET("Parquet", "PARQUET"),
    ORC("ORC"),
    AVRO("AVRO"),
    JSON("JSON");

    private final String displayName;
    private final List<String> names;

    FileFormatType(String displayName, String... names) {
        this.displayName = displayName;
        this.names = names.length == 0 ? List.of(displayName) : List.of(names);
    }

    /** Returns the name shown in {@code file_format_options}. */
    public String displayName() {
        return displayName;
    }

    /** Returns the type spelled {@code name} (any case). */
    public static Optional<FileFormatType> fromName(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        for (FileFormatType type : values()) {
            if (type.name().equals(upper) || type.names.contains(upper)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
