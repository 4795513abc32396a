package org.alidav.dav;

import io.milton.http.ResourceFactory;
import io.milton.http.exceptions.BadRequestException;
import io.milton.resource.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.alidav.dav.props.DeadPropertyStore;
import org.alidav.dav.resource.FileResource;
import org.alidav.dav.resource.FolderResource;
import org.alidav.dav.resource.VirtualFolderResource;
import org.alidav.drive.DrivePath;
import org.alidav.drive.Entry;

/**
 * Milton's entry point: turns a decoded request path into a resource. Names are validated here,
 * before any storage sees them: {@code .}, {@code ..}, {@code \}, NUL and over-long names are a
 * 400, so no encoding trick can climb out of a storage.
 */
public final class DavResourceFactory implements ResourceFactory {
    private final MountTable mounts;
    private final DeadPropertyStore deadProperties;
    private final PathListener pathListener;

    public DavResourceFactory(MountTable mounts, DeadPropertyStore deadProperties, PathListener pathListener) {
        this.mounts = mounts;
        this.deadProperties = deadProperties;
        this.pathListener = pathListener;
    }

    @Override
    public Resource getResource(String host, String path) throws BadRequestException {
        Optional<MountTable.Target> target = target(path);
        return target.isEmpty() ? null : resource(target.get());
    }

    /** What a decoded path names for the current user, whether or not a resource exists there. */
    public Optional<MountTable.Target> target(String decodedPath) throws BadRequestException {
        return target(names(decodedPath));
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

    /** Splits and validates a decoded path. */
    public static List<String> names(String decodedPath) throws BadRequestException {
        List<String> out = new ArrayList<>();
        for (String s : decodedPath.split("/", -1)) {
            if (s.isEmpty()) continue;
            if (!DrivePath.isValidName(s)) throw new BadRequestException("invalid name in path: " + NameCharacters.visible(s) + ": " + DrivePath.NAME_RULE);
            out.add(s);
        }
        return out;
    }

    public MountTable mounts() {
        return mounts;
    }

    public DeadPropertyStore deadProperties() {
        return deadProperties;
    }

    public PathListener pathListener() {
        return pathListener;
    }
}
