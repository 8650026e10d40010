/**
 * An embedded Avatica HTTP server that lets remote JDBC clients (the Avatica thin driver,
 * {@code jdbc:avatica:remote:url=http://host:port;serialization=protobuf}) share one Stowage catalog.
 */
package dev.stowage.server;
