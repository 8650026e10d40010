/** A persistent catalog store: one JSON file in a home directory, secrets encrypted, atomic updates. */
package dev.stowage.catalog.file;
