package org.alidav.dav.resource;

import java.io.IOException;
import java.io.InputStream;
import org.alidav.dav.http.OverwriteStatus;
import org.alidav.dav.mount.Location;
import org.alidav.dav.mount.ShadowFiles;
import org.alidav.drive.ByteRange;
import org.alidav.drive.ContentProbe;
import org.alidav.drive.DriveException;
import org.alidav.drive.DrivePath;
import org.alidav.drive.Entry;
import org.alidav.drive.OpenOnRead;
import org.alidav.drive.cache.Storage;

/**
 * DELETE, MOVE and COPY of a location with everything that hangs off it: shadowed system files below
 * a folder, and the {@link LocationData} (dead properties, the lock manager's view). Within one
 * storage the storage does the work; across storages (another mount, or between a mount and its
 * shadow store) content is streamed from one to the other.
 *
 * <p>MOVE and COPY with {@code Overwrite: T} onto an existing item reach here with that item still in
 * place (Milton is told not to delete it first, see {@code DavService}): the storage replaces it only
 * once the new one is in place, so a failure never leaves the destination empty.
 */
final class Transfer {
    private Transfer() {
    }

    static void delete(DavResourceFactory f, Location at) {
        at.storage().remove(at.path());
        ShadowFiles.followDelete(at);
        f.locationData().delete(at);
    }

    static void move(DavResourceFactory f, Location from, Location to) {
        Entry source = from.storage().stat(from.path());
        boolean replacing = clearDestination(f, to, from.sameStorage(to) || !source.folder());
        if (from.sameStorage(to)) {
            from.storage().move(from.path(), to.path(), true);
        } else {
            copyAcross(from.storage(), from.path(), to, CopyDepth.DEEP);
            from.storage().remove(from.path());
        }
        if (replacing) OverwriteStatus.replaced();
        ShadowFiles.followMove(from, to);
        f.locationData().move(from, to);
    }

    static void copy(DavResourceFactory f, Location from, Location to, CopyDepth depth) {
        Entry source = from.storage().stat(from.path());
        boolean shallowFolder = source.folder() && depth == CopyDepth.SHALLOW;
        boolean replacing = clearDestination(f, to, !shallowFolder && (from.sameStorage(to) || !source.folder()));
        if (shallowFolder) {
            ShadowFiles.ensureParents(to);
            to.storage().mkdir(to.path());
        } else if (from.sameStorage(to)) {
            from.storage().copy(from.path(), to.path(), true);
        } else {
            copyAcross(from.storage(), from.path(), to, depth);
        }
        if (replacing) OverwriteStatus.replaced();
        f.locationData().copy(from, to, depth == CopyDepth.DEEP);
    }

    /**
     * Prepares {@code to} for a MOVE or COPY that replaces what it holds; false when it holds nothing.
     * The old item's dead properties, locks and shadowed files go as a DELETE would drop them. Where the
     * storage replaces it side by side ({@code sideBySide}: one storage, or a file streamed into a
     * storage's PUT) the old item itself stays until the new one is in place; otherwise (a folder
     * made anew from another storage, a shallow folder copy) it is removed first.
     */
    private static boolean clearDestination(DavResourceFactory f, Location to, boolean sideBySide) {
        Entry existing = to.storage().find(to.path()).orElse(null);
        if (existing == null) return false;
        if (!sideBySide) {
            delete(f, to);
            return true;
        }
        ShadowFiles.followDelete(to);
        f.locationData().delete(to);
        return true;
    }

    private static void copyAcross(Storage source, DrivePath path, Location to, CopyDepth depth) {
        Entry e = source.stat(path);
        ShadowFiles.ensureParents(to);
        // two mounts of one cloud drive: the cloud copies, whole trees included
        if ((!e.folder() || depth == CopyDepth.DEEP) && to.storage().copyFrom(source, e, to.path())) return;
        if (e.folder()) {
            to.storage().mkdir(to.path());
            if (depth == CopyDepth.SHALLOW) return;
            for (Entry child : source.list(path)) copyAcross(source, path.child(child.name()), to.child(child.name()), depth);
            return;
        }
        // opened only when read: a rapid upload that hits with the source's hash reads 8 bytes of it, not the body
        try (InputStream in = e.size() == 0 ? InputStream.nullInputStream() : new OpenOnRead(() -> source.open(e, ByteRange.whole(e.size())))) {
            ContentProbe probe = e.sha1() == null ? null : (offset, length) -> source.readExactly(e, offset, length);
            to.storage().put(to.path(), in, e.size(), e.modified(), e.sha1(), probe);
        } catch (IOException ex) {
            throw DriveException.upstream("copy of " + path + " failed", ex);
        }
    }
}
