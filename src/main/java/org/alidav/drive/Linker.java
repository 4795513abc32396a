package org.alidav.drive;

/** A driver whose files can be fetched from a URL of their own (a signed cloud link). */
public interface Linker {
    Link link(Entry file);
}
