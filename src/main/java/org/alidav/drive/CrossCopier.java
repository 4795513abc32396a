package org.alidav.drive;

/**
 * A driver that copies items of another driver on the backend's side when both serve one store (two
 * mounts of one account's drive): the content never passes through this server.
 */
public interface CrossCopier {
    /** True when {@code other}'s items can be copied here by their ids. */
    boolean sharesStoreWith(Driver other);

    /** Copies {@code entry} (an item of a driver sharing the store) to {@code newParent/newName}, replacing {@code existing} (or null). */
    Entry copyFrom(Entry entry, Entry newParent, String newName, Entry existing);
}
