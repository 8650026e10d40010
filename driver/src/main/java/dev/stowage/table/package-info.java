/** Tables: where their files live, how those files are checked, listed, written and removed. */
package dev.stowage.table;
