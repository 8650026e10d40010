/** The storage API: locations, file access with deadlines, and the errors storage reports. */
package dev.stowage.fileio;
