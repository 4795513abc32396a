package org.alidav.drive;

/** A driver that copies on the backend; without it the op layer copies by reading and writing. */
public interface Copier {
    /** Copies a file or folder (with its contents) to {@code newParent/newName}, a free name. */
    Entry copy(Entry entry, Entry newParent, String newName);
}
