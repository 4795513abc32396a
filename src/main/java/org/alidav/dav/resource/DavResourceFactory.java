package org.alidav.dav.resource;

import io.milton.http.ResourceFactory;
import io.milton.http.exceptions.BadRequestException;
import io.milton.resource.Resource;
import java.util.List;
import java.util.Optional;
import org.alidav.dav.mount.Location;
import org.alidav.dav.mount.MountScope;
import org.alidav.dav.mount.MountTable;
import org.alidav.dav.mount.RequestPath;
import org.alidav.drive.Entry;

/**
 * Milton's entry point: turns a decoded request path into a resource. Names are validated
 * ({@link RequestPath}) before any storage sees them.
 */
public final class DavResourceFactory implements ResourceFactory {
    private final MountTable mounts;
    private final LocationData locationData;

    /** @param locationData what DELETE, MOVE and COPY carry along besides the storage's items */
    public DavResourceFactory(MountTable mounts, LocationData locationData) {
        this.mounts = mounts;
        this.locationData = locationData;
    }

    @Override
    public Resource getResource(String host, String path) throws BadRequestException {
        Optional<MountTable.Target> target = target(path);
        return target.isEmpty() ? null : resource(target.get());
    }

    /** What a decoded path names for the current user, whether or not a resource exists there. */
    public Optional<MountTable.Target> target(String decodedPath) throws BadRequestException {
        return target(RequestPath.names(decodedPath));
    }

    /** What validated names name for the current user: only the mounts of its {@link MountScope}. */
    public Optional<MountTable.Target> target(List<String> names) {
        return MountScope.current().resolve(mounts, names);
    }

    /** The resource for a target, or null when nothing exists there. */
    public Resource resource(MountTable.Target target) {
        if (target instanceof MountTable.Virtual v) return new VirtualFolderResource(v, this);
        return resource(((MountTable.InMount) target).location());
    }

    public Resource resource(Location at) {
        Optional<Entry> entry = at.storage().find(at.path());
        return entry.map(e -> resource(at, e)).orElse(null);
    }

    public Resource resource(Location at, Entry entry) {
        return entry.folder() ? new FolderResource(at, entry, this) : new FileResource(at, entry, this);
    }

    public MountTable mounts() {
        return mounts;
    }

    public LocationData locationData() {
        return locationData;
    }
}
