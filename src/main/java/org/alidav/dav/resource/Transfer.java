package org.alidav.dav.resource;

import java.io.IOException;
import java.io.InputStream;
import org.alidav.dav.DavResourceFactory;
import org.alidav.dav.Location;
import org.alidav.dav.ShadowFiles;
import org.alidav.drive.ByteRange;
import org.alidav.drive.DriveException;
import org.alidav.drive.DrivePath;
import org.alidav.drive.Entry;
import org.alidav.drive.cache.Storage;

/**
 * DELETE, MOVE and COPY of a location with everything that hangs off it: dead properties, shadowed
 * system files below a folder, and the lock manager's view. Within one storage the storage does the
 * work; across storages (another mount, or between a mount and its shadow store) content is
 * streamed from one to the other.
 */
final class Transfer {
    private Transfer() {
    }

    static void delete(DavResourceFactory f, Location at) {
        at.storage().remove(at.path());
        ShadowFiles.followDelete(at);
        f.deadProperties().delete(at);
        f.pathListener().onDelete(at.davPath());
    }

    static void move(DavResourceFactory f, Location from, Location to) {
        if (from.sameStorage(to)) {
            from.storage().move(from.path(), to.path());
        } else {
            copyAcross(from.storage(), from.path(), to, CopyDepth.DEEP);
            from.storage().remove(from.path());
        }
        ShadowFiles.followMove(from, to);
        f.deadProperties().move(from, to);
        f.pathListener().onMove(from.davPath(), to.davPath());
    }

    static void copy(DavResourceFactory f, Location from, Location to, CopyDepth depth) {
        Entry source = from.storage().stat(from.path());
        if (source.folder() && depth == CopyDepth.SHALLOW) {
            ShadowFiles.ensureParents(to);
            to.storage().mkdir(to.path());
        } else if (from.sameStorage(to)) {
            from.storage().copy(from.path(), to.path());
        } else {
            copyAcross(from.storage(), from.path(), to, depth);
        }
        f.deadProperties().copy(from, to, depth == CopyDepth.DEEP);
    }

    private static void copyAcross(Storage source, DrivePath path, Location to, CopyDepth depth) {
        Entry e = source.stat(path);
        ShadowFiles.ensureParents(to);
        if (e.folder()) {
            to.storage().mkdir(to.path());
            if (depth == CopyDepth.SHALLOW) return;
            for (Entry child : source.list(path)) copyAcross(source, path.child(child.name()), to.child(child.name()), depth);
            return;
        }
        try (InputStream in = e.size() == 0 ? InputStream.nullInputStream() : source.open(e, ByteRange.whole(e.size()))) {
            to.storage().put(to.path(), in, e.size(), e.modified(), e.sha1());
        } catch (IOException ex) {
            throw DriveException.upstream("copy of " + path + " failed", ex);
        }
    }
}
