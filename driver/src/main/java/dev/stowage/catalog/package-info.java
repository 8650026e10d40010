/** The catalog of connections, its immutable state, and the store SPI that persists it. */
package dev.stowage.catalog;
