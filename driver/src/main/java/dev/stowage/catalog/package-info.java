/**
 * The catalog of connections, stages and named file formats, its immutable state, and the store SPI that persists
 * it.
 */
package dev.stowage.catalog;
