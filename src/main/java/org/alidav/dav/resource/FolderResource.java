package org.alidav.dav.resource;

import io.milton.http.Request;
import io.milton.resource.CollectionResource;
import io.milton.resource.DeletableCollectionResource;
import io.milton.resource.MakeCollectionableResource;
import io.milton.resource.QuotaResource;
import io.milton.resource.Resource;
import java.util.ArrayList;
import java.util.List;
import org.alidav.dav.http.DavStatusException;
import org.alidav.dav.mount.Location;
import org.alidav.dav.mount.NameCharacters;
import org.alidav.dav.mount.ShadowFiles;
import org.alidav.dav.mount.SystemFiles;
import org.alidav.drive.DriveException;
import org.alidav.drive.DrivePath;
import org.alidav.drive.Entry;
import org.alidav.drive.Quota;
import org.alidav.log.LogText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A folder in a storage. Its members are the storage's listing plus the shadowed system files;
 * system files that happen to be in the storage are hidden when the mount shadows them, so a
 * listing shows exactly what a lookup can find.
 */
public final class FolderResource extends StorageResource implements MakeCollectionableResource, DeletableCollectionResource, QuotaResource {
    private static final Logger LOG = LoggerFactory.getLogger(FolderResource.class);

    public FolderResource(Location location, Entry entry, DavResourceFactory factory) {
        super(location, entry, factory);
    }

    @Override
    public Resource child(String name) {
        return factory.resource(location.child(name));
    }

    @Override
    public List<? extends Resource> getChildren() {
        List<Resource> out = new ArrayList<>();
        boolean hide = !location.mount().storesSystemFiles();
        for (Entry e : location.storage().list(location.path())) {
            if (hide && SystemFiles.isSystemName(e.name())) continue;
            if (!DrivePath.isValidName(e.name())) {
                // made by another client of the cloud; no path can name it, and listing it would fail the whole folder
                LOG.info("{}: {} is not listed: {}", LogText.escape(location.davPath()), LogText.escape(NameCharacters.visible(e.name())), DrivePath.NAME_RULE);
                continue;
            }
            out.add(factory.resource(location.child(e.name()), e));
        }
        for (Entry e : ShadowFiles.children(location)) out.add(factory.resource(location.child(e.name()), e));
        return out;
    }

    @Override
    public CollectionResource createCollection(String name) {
        NameCharacters.requireCreatable(name);
        Location at = location.child(name);
        ShadowFiles.ensureParents(at);
        try {
            return new FolderResource(at, at.storage().mkdir(at.path()), factory);
        } catch (DriveException e) {
            // a concurrent MKCOL of the same name won (rclone sends them in parallel): RFC 4918 §9.3.1 says 405
            if (e.kind() == DriveException.Kind.ALREADY_EXISTS) throw new DavStatusException(405, "already exists: " + name);
            throw e;
        }
    }

    @Override
    public boolean isLockedOutRecursive(Request request) {
        return false;
    }

    @Override
    public Long getQuotaUsed() {
        return location.mount().storage().quota().map(Quota::used).orElse(null);
    }

    @Override
    public Long getQuotaAvailable() {
        return location.mount().storage().quota().map(Quota::available).orElse(null);
    }
}
