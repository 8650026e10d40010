/** COPY INTO: loading staged files into tables, and unloading query results to staged files. */
package dev.stowage.copy;
