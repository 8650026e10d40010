/** The storage API over a local directory with java.nio. */
package dev.stowage.fileio.local;
