/** Parse-tree nodes for Stowage's statements and the rewrites of its read-only statements into queries. */
package dev.stowage.sql.ddl;
