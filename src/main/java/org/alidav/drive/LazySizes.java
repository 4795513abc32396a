package org.alidav.drive;

/**
 * A driver that learns the size some files are served with only when one is read, never from a
 * listing (AliyunDrive's live photos are served as one of their streams, whose size the listing may
 * not carry). GET and HEAD ask it before answering, and the cached listing then keeps the size it
 * learned, so PROPFIND and GET agree from then on without a lookup per listing.
 */
public interface LazySizes {
    /** {@code file} with the size it is served with; the same entry when the listed size is that. */
    Entry served(Entry file);
}
