package org.alidav.dav;

import io.milton.http.exceptions.BadRequestException;
import io.milton.resource.Resource;
import java.io.InputStream;
import java.util.Optional;
import org.alidav.dav.lock.LockTargets;
import org.alidav.dav.lock.TargetConflictException;
import org.alidav.dav.mount.Location;
import org.alidav.dav.mount.MountTable;
import org.alidav.dav.mount.NameCharacters;
import org.alidav.dav.mount.ShadowFiles;
import org.alidav.dav.resource.DavResourceFactory;
import org.alidav.dav.resource.ETags;
import org.alidav.dav.resource.StorageResource;
import org.alidav.drive.DriveException;

/** The lock package's view of the mounted storages, by decoded WebDAV path. */
final class StorageLockTargets implements LockTargets {
    private final DavResourceFactory factory;

    StorageLockTargets(DavResourceFactory factory) {
        this.factory = factory;
    }

    @Override
    public boolean exists(String path) {
        return resource(path) != null;
    }

    @Override
    public Optional<String> etag(String path) {
        return resource(path) instanceof StorageResource s ? Optional.of(ETags.of(s.entry())) : Optional.empty();
    }

    @Override
    public void createEmpty(String path) throws TargetConflictException {
        MountTable.Target t = target(path).orElseThrow(() -> new TargetConflictException("no parent folder for " + path));
        if (!(t instanceof MountTable.InMount in) || in.location().path().isRoot()) {
            throw new TargetConflictException("cannot create a file at " + path);
        }
        Location at = in.location();
        NameCharacters.requireCreatable(at.path().name());
        ShadowFiles.ensureParents(at);
        try {
            at.storage().put(at.path(), InputStream.nullInputStream(), 0, null, null);
        } catch (DriveException e) {
            if (e.kind() == DriveException.Kind.CONFLICT) throw new TargetConflictException(e.getMessage());
            throw e;
        }
    }

    private Resource resource(String path) {
        return target(path).map(factory::resource).orElse(null);
    }

    private Optional<MountTable.Target> target(String path) {
        try {
            return factory.target(path);
        } catch (BadRequestException e) {
            throw DriveException.invalidName(path);
        }
    }
}
