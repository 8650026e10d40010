package dev.stowage.catalog;

/** What {@code CREATE} does when an object of the same name exists. */
public enum CreateMode {
    /** Fail with "already exists". */
    FAIL_IF_EXISTS,
    /** Keep the existing object and succeed ({@code IF NOT EXISTS}). */
    KEEP_EXISTING,
    /** Overwrite the existing object ({@code OR REPLACE}). */
    REPLACE
}
