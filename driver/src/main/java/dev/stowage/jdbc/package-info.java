/** The JDBC driver: URL, properties, connection set-up and exception translation at the JDBC boundary. */
package dev.stowage.jdbc;
