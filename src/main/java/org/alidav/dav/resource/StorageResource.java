package org.alidav.dav.resource;

import io.milton.http.exceptions.BadRequestException;
import io.milton.resource.CollectionResource;
import io.milton.resource.CopyableResource;
import io.milton.resource.DeletableResource;
import io.milton.resource.MoveableResource;
import java.util.Date;
import org.alidav.dav.mount.Location;
import org.alidav.drive.DriveException;
import org.alidav.drive.DrivePath;
import org.alidav.drive.Entry;

/** A file or folder inside a storage: what both share (identity, times, DELETE, MOVE, COPY). */
public abstract class StorageResource extends DavResource implements DeletableResource, MoveableResource, CopyableResource {
    protected final Location location;
    protected final Entry entry;
    protected final DavResourceFactory factory;

    StorageResource(Location location, Entry entry, DavResourceFactory factory) {
        this.location = location;
        this.entry = entry;
        this.factory = factory;
    }

    public Location location() {
        return location;
    }

    public Entry entry() {
        return entry;
    }

    @Override
    public String getUniqueId() {
        return location.storageKey() + ':' + entry.id();
    }

    @Override
    public String getName() {
        if (!location.path().isRoot()) return location.path().name();
        java.util.List<String> at = location.mount().at();
        return at.isEmpty() ? "" : at.get(at.size() - 1);
    }

    @Override
    public Date getModifiedDate() {
        return Date.from(entry.modified());
    }

    @Override
    public Date getCreateDate() {
        return Date.from(entry.created());
    }

    @Override
    public void delete() {
        Transfer.delete(factory, location);
    }

    @Override
    public void moveTo(CollectionResource destination, String name) throws BadRequestException {
        Transfer.move(factory, location, target(destination, name));
    }

    @Override
    public void copyTo(CollectionResource destination, String name) throws BadRequestException {
        Transfer.copy(factory, location, target(destination, name), CopyDepth.ofRequest());
    }

    private Location target(CollectionResource destination, String name) throws BadRequestException {
        if (!(destination instanceof FolderResource folder)) {
            throw new DriveException(DriveException.Kind.READ_ONLY, "cannot write into the virtual folder " + destination.getName());
        }
        if (!DrivePath.isValidName(name)) throw new BadRequestException("invalid destination name");
        return folder.location().child(name);
    }
}
