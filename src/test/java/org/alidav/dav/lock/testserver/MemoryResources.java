package org.alidav.dav.lock.testserver;

import io.milton.http.Auth;
import io.milton.http.Range;
import io.milton.http.Request;
import io.milton.http.ResourceFactory;
import io.milton.http.exceptions.ConflictException;
import io.milton.http.http11.ETagGenerator;
import io.milton.property.PropertySource.PropertyAccessibility;
import io.milton.property.PropertySource.PropertyMetaData;
import io.milton.resource.CollectionResource;
import io.milton.resource.CopyableResource;
import io.milton.resource.DeletableResource;
import io.milton.resource.GetableResource;
import io.milton.resource.MakeCollectionableResource;
import io.milton.resource.MoveableResource;
import io.milton.resource.MultiNamespaceCustomPropertyResource;
import io.milton.resource.PropFindableResource;
import io.milton.resource.PutableResource;
import io.milton.resource.ReplaceableResource;
import io.milton.resource.Resource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.namespace.QName;
import org.alidav.dav.lock.LockManager;
import org.alidav.dav.lock.LockPaths;
import org.alidav.dav.lock.LockTargets;
import org.alidav.dav.lock.TargetConflictException;

/**
 * TEST ONLY: the smallest Milton resource factory over a {@link MemoryStore}, plus the
 * {@link LockTargets} view the lock layer needs. Basic auth: any user with password "secret".
 */
public final class MemoryResources implements ResourceFactory, LockTargets {
    private final MemoryStore store;
    private final ETagGenerator etags;
    private final Map<String, Map<QName, Object>> deadProperties = new ConcurrentHashMap<>();

    private final LockManager locks;

    public MemoryResources(MemoryStore store, ETagGenerator etags, LockManager locks) {
        this.store = store;
        this.etags = etags;
        this.locks = locks;
    }

    @Override
    public Resource getResource(String host, String path) {
        return resourceAt(LockPaths.normalise(path));
    }

    @Override
    public boolean exists(String path) {
        return store.node(path).isPresent();
    }

    @Override
    public Optional<String> etag(String path) {
        return Optional.ofNullable(resourceAt(path)).map(etags::generateEtag);
    }

    @Override
    public void createEmpty(String path) throws TargetConflictException {
        if (!store.put(path, new byte[0])) {
            throw new TargetConflictException("no parent collection for " + path);
        }
    }

    private Map<QName, Object> deadProperties(String path) {
        return deadProperties.computeIfAbsent(path, p -> new ConcurrentHashMap<>());
    }

    private Resource resourceAt(String path) {
        return store.node(path).map(n -> n.folder() ? (Resource) new Folder(path) : new File(path)).orElse(null);
    }

    private static String child(String folder, String name) {
        return folder.equals("/") ? "/" + name : folder + "/" + name;
    }

    private abstract class Node implements PropFindableResource, DeletableResource, MoveableResource,
            CopyableResource, MultiNamespaceCustomPropertyResource {
        final String path;

        Node(String path) {
            this.path = path;
        }

        @Override
        public String getUniqueId() {
            return path + "#" + store.node(path).map(MemoryStore.Node::version).orElse(0L);
        }

        @Override
        public String getName() {
            return path.substring(path.lastIndexOf('/') + 1);
        }

        @Override
        public Object authenticate(String user, String password) {
            return "secret".equals(password) ? user : null;
        }

        @Override
        public boolean authorise(Request request, Request.Method method, Auth auth) {
            return true;
        }

        @Override
        public String getRealm() {
            return "test";
        }

        @Override
        public Date getModifiedDate() {
            return store.node(path).map(n -> Date.from(n.modified())).orElse(null);
        }

        @Override
        public Date getCreateDate() {
            return getModifiedDate();
        }

        @Override
        public String checkRedirect(Request request) {
            return null;
        }

        @Override
        public Object getProperty(QName name) {
            return deadProperties(path).get(name);
        }

        @Override
        public void setProperty(QName name, Object value) {
            if (value == null) {
                deadProperties(path).remove(name);
            } else {
                deadProperties(path).put(name, value);
            }
        }

        /** Dead properties in any namespace but DAV:, whose names belong to the live properties. */
        @Override
        public PropertyMetaData getPropertyMetaData(QName name) {
            return name.getNamespaceURI().equals("DAV:") ? PropertyMetaData.UNKNOWN
                    : new PropertyMetaData(PropertyAccessibility.WRITABLE, String.class);
        }

        @Override
        public List<QName> getAllPropertyNames() {
            return List.copyOf(deadProperties(path).keySet());
        }

        @Override
        public void delete() {
            store.delete(path);
            locks.onDelete(path); // what the DAV layer must do after every delete
        }

        @Override
        public void moveTo(CollectionResource dest, String name) {
            store.move(path, child(((Folder) dest).path, name));
            locks.onMove(path);
        }

        @Override
        public void copyTo(CollectionResource dest, String name) {
            store.copy(path, child(((Folder) dest).path, name));
        }
    }

    private final class Folder extends Node implements MakeCollectionableResource, PutableResource {
        Folder(String path) {
            super(path);
        }

        @Override
        public Resource child(String name) {
            return resourceAt(MemoryResources.child(path, name));
        }

        @Override
        public List<? extends Resource> getChildren() {
            return store.children(path).stream().map(MemoryResources.this::resourceAt).toList();
        }

        @Override
        public CollectionResource createCollection(String name) throws ConflictException {
            String p = MemoryResources.child(path, name);
            if (!store.mkdir(p)) {
                throw new ConflictException(this, "cannot create " + p);
            }
            return new Folder(p);
        }

        @Override
        public Resource createNew(String name, InputStream in, Long length, String contentType)
                throws IOException, ConflictException {
            String p = MemoryResources.child(path, name);
            if (!store.put(p, in.readAllBytes())) {
                throw new ConflictException(this, "cannot create " + p);
            }
            return new File(p);
        }
    }

    private final class File extends Node implements GetableResource, ReplaceableResource {
        File(String path) {
            super(path);
        }

        private byte[] data() {
            return store.node(path).map(MemoryStore.Node::data).orElse(new byte[0]);
        }

        @Override
        public void sendContent(OutputStream out, Range range, Map<String, String> params, String contentType)
                throws IOException {
            out.write(data());
        }

        @Override
        public Long getMaxAgeSeconds(Auth auth) {
            return null;
        }

        @Override
        public String getContentType(String accepts) {
            return "application/octet-stream";
        }

        @Override
        public Long getContentLength() {
            return (long) data().length;
        }

        @Override
        public void replaceContent(InputStream in, Long length) {
            try {
                store.put(path, in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
