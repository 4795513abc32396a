package org.alidav.dav.lock;

import io.milton.http.webdav.ResourceTypeHelper;
import io.milton.resource.Resource;
import java.util.ArrayList;
import java.util.List;
import javax.xml.namespace.QName;

/**
 * Adds compliance class 2 to the DAV header of every resource. Milton's own helper only says "2" for
 * {@code LockableResource}s, which our resources must not be (CE would then route LOCK to nothing and
 * apply its own lock checks).
 */
final class Class2ResourceTypeHelper implements ResourceTypeHelper {
    private final ResourceTypeHelper wrapped;

    Class2ResourceTypeHelper(ResourceTypeHelper wrapped) {
        this.wrapped = wrapped;
    }

    @Override
    public List<QName> getResourceTypes(Resource resource) {
        return wrapped.getResourceTypes(resource);
    }

    @Override
    public List<String> getSupportedLevels(Resource resource) {
        List<String> levels = new ArrayList<>(wrapped.getSupportedLevels(resource));
        if (!levels.contains("2")) {
            levels.add("2");
        }
        return levels;
    }
}
