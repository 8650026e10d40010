package dev.stowage.format.text;

import java.util.Locale;

/**
 * What a field that is empty, missing or null becomes: Databend's {@code EMPTY_FIELD_AS}, {@code MISSING_FIELD_AS}
 * and {@code NULL_FIELD_AS} values.
 */
enum ValueFallback {
    /** The field is an error. */
    ERROR,
    /** The field is NULL. */
    NULL,
    /** The field is the empty string. */
    STRING,
    /**
     * The field is its column's default, as in Databend, where a column without a DEFAULT clause defaults to NULL
     * when it is nullable and to its type's zero value otherwise. Staged-file columns have no DEFAULT clause, and
     * CSV and TSV columns are all nullable.
     */
    FIELD_DEFAULT;

    /** Returns the value an option's stored text names, or {@code otherwise} when the option is absent. */
    static ValueFallback of(String option, ValueFallback otherwise) {
        return option == null || option.isEmpty() ? otherwise : valueOf(option.toUpperCase(Locale.ROOT));
    }
}
