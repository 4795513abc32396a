package org.alidav.dav.resource;

import io.milton.resource.CollectionResource;
import io.milton.resource.Resource;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.alidav.dav.mount.MountTable;

/** A read-only folder that lists mounts below it (the root when several storages are mounted). */
public final class VirtualFolderResource extends DavResource implements CollectionResource {
    private static final Date STARTED = new Date();

    private final MountTable.Virtual folder;
    private final DavResourceFactory factory;

    public VirtualFolderResource(MountTable.Virtual folder, DavResourceFactory factory) {
        this.folder = folder;
        this.factory = factory;
    }

    @Override
    public Resource child(String name) {
        if (!folder.children().contains(name)) return null;
        List<String> names = new ArrayList<>(folder.names());
        names.add(name);
        return factory.target(names).map(factory::resource).orElse(null);
    }

    @Override
    public List<? extends Resource> getChildren() {
        List<Resource> out = new ArrayList<>();
        for (String name : folder.children()) {
            Resource r = child(name);
            if (r != null) out.add(r);
        }
        return out;
    }

    @Override
    public String getUniqueId() {
        return "virtual:/" + String.join("/", folder.names());
    }

    @Override
    public String getName() {
        return folder.names().isEmpty() ? "" : folder.names().get(folder.names().size() - 1);
    }

    @Override
    public Date getModifiedDate() {
        return STARTED;
    }

    @Override
    public Date getCreateDate() {
        return STARTED;
    }
}
