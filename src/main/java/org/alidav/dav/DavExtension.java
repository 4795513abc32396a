package org.alidav.dav;

import io.milton.config.HttpManagerBuilder;
import org.alidav.dav.lock.LockTargets;

/**
 * Something that adds to the Milton wiring from outside this package; lock support is the first.
 * {@link #install} runs before {@code HttpManagerBuilder.init()}, after our own settings, and the
 * extension hears of every DELETE and MOVE through {@link PathListener}. For locks:
 * <pre>{@code
 * LockManager locks = new LockManager(new LockTable(state));
 * new DavExtension() {
 *     public void install(HttpManagerBuilder b, LockTargets targets) { LockSupport.install(b, locks, targets, LockSupport::userOf); }
 *     public void onDelete(String path) { locks.onDelete(path); }
 *     public void onMove(String from, String to) { locks.onMove(from); }
 * }
 * }</pre>
 */
public interface DavExtension extends PathListener {

    void install(HttpManagerBuilder builder, LockTargets targets);

    @Override
    default void onDelete(String path) {
    }

    @Override
    default void onMove(String from, String to) {
    }
}
