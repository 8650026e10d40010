/** A catalog store that lives in the JVM only. */
package dev.stowage.catalog.memory;
