/** Stages at query time: references such as @name/path, PATTERN matching, and access to their files. */
package dev.stowage.stage;
