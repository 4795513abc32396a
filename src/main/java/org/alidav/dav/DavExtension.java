package org.alidav.dav;

import io.milton.config.HttpManagerBuilder;

/**
 * Something that adds to the Milton wiring from outside this package; the lock support is the first.
 * The wiring calls {@link #configure} before {@code HttpManagerBuilder.init()} (switches, resource
 * type helper) and {@link #install} after it (protocols, filters, property sources), and tells it of
 * every DELETE and MOVE through {@link PathListener}. For locks:
 * {@code (builder, targets) -> LockSupport.install(builder, lockManager, targets, Principal::currentName)}
 * with the lock manager as the listener.
 */
public interface DavExtension extends PathListener {
    default void configure(HttpManagerBuilder builder) {
    }

    void install(HttpManagerBuilder builder, LockTargets targets);

    @Override
    default void onDelete(String path) {
    }

    @Override
    default void onMove(String from, String to) {
    }
}
