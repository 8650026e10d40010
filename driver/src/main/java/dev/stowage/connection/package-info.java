/** Storage types and the parameters each accepts, with Databend's validation rules. */
package dev.stowage.connection;
