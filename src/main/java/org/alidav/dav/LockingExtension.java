package org.alidav.dav;

import io.milton.config.HttpManagerBuilder;
import org.alidav.dav.lock.LockManager;
import org.alidav.dav.lock.LockSupport;
import org.alidav.dav.lock.LockTargets;

/**
 * DAV class 2 for the server: installs LOCK/UNLOCK, the If-header guard and the lock properties, and
 * drops the locks of what DELETE and MOVE took away (locks do not travel with a moved resource).
 */
public final class LockingExtension implements DavExtension {
    private final LockManager locks;

    public LockingExtension(LockManager locks) {
        this.locks = locks;
    }

    @Override
    public void install(HttpManagerBuilder builder, LockTargets targets) {
        LockSupport.install(builder, locks, targets, LockSupport::userOf);
    }

    @Override
    public void onDelete(String path) {
        locks.onDelete(path);
    }

    @Override
    public void onMove(String from, String to) {
        locks.onMove(from);
    }
}
