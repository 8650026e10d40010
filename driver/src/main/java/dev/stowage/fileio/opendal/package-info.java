/** The storage API implemented over Apache OpenDAL's Java binding. */
package dev.stowage.fileio.opendal;
