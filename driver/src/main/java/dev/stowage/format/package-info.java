/** File formats: their types, options and validation by Databend's rules. */
package dev.stowage.format;
