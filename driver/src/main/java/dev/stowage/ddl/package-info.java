/** Execution of Stowage's DDL statements against the catalog. */
package dev.stowage.ddl;
