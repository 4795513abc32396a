package org.alidav.drive;

/**
 * A driver that puts a moved or copied item in the place of an existing one without a moment where
 * the name is empty: the existing item is removed only once the new one is in place, and a failure
 * before that keeps it. Without this ability the op layer removes the existing item first.
 */
public interface Replacer {
    /** Moves {@code entry} into {@code newParent} under {@code existing}'s name, replacing {@code existing}. */
    Entry moveOver(Entry entry, Entry fromParent, Entry newParent, Entry existing);

    /** Copies {@code entry} into {@code newParent} under {@code existing}'s name, replacing {@code existing}. */
    Entry copyOver(Entry entry, Entry newParent, Entry existing);
}
