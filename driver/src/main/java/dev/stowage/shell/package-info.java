/** The interactive SQL shell. */
package dev.stowage.shell;
