/** Knowledge of secret parameters: which keys hold secrets, masking for display, scrubbing of messages. */
package dev.stowage.secret;
