/** SQLSTATE values, error codes and the exception every layer throws for user-visible failures. */
package dev.stowage.error;
