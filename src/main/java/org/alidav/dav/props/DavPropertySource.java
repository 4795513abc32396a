package org.alidav.dav.props;

import io.milton.property.PropertySource;
import io.milton.resource.Resource;
import java.util.ArrayList;
import java.util.List;
import javax.xml.namespace.QName;
import org.alidav.dav.resource.FileResource;
import org.alidav.dav.resource.StorageResource;

/**
 * Properties Milton does not know, for PROPFIND: the dead properties of {@link DeadPropertyStore},
 * and ownCloud's {@code oc:checksums} ({@code SHA1:<hex>}) that rclone compares instead of
 * re-downloading. Writing goes through {@link PropPatchHandler}, not through this source.
 */
public final class DavPropertySource implements PropertySource {
    public static final QName OC_CHECKSUMS = new QName("http://owncloud.org/ns", "checksums");

    private final DeadPropertyStore store;

    public DavPropertySource(DeadPropertyStore store) {
        this.store = store;
    }

    @Override
    public Object getProperty(QName name, Resource r) {
        if (!(r instanceof StorageResource s) || isDav(name)) return null;
        if (name.equals(OC_CHECKSUMS)) return checksums(r);
        String xml = store.get(s.location()).get(name);
        return xml == null ? null : new XmlFragment(xml);
    }

    @Override
    public PropertyMetaData getPropertyMetaData(QName name, Resource r) {
        if (!(r instanceof StorageResource s) || isDav(name)) return PropertyMetaData.UNKNOWN;
        boolean known = name.equals(OC_CHECKSUMS) ? checksums(r) != null : store.get(s.location()).containsKey(name);
        return known ? new PropertyMetaData(PropertyAccessibility.READ_ONLY, XmlFragment.class) : PropertyMetaData.UNKNOWN;
    }

    @Override
    public List<QName> getAllPropertyNames(Resource r) {
        if (!(r instanceof StorageResource s)) return List.of();
        List<QName> names = new ArrayList<>(store.get(s.location()).keySet());
        if (checksums(r) != null) names.add(OC_CHECKSUMS);
        return names;
    }

    @Override
    public void setProperty(QName name, Object value, Resource r) {
        throw new UnsupportedOperationException("PROPPATCH is answered by PropPatchHandler");
    }

    @Override
    public void clearProperty(QName name, Resource r) {
        throw new UnsupportedOperationException("PROPPATCH is answered by PropPatchHandler");
    }

    /**
     * DAV: names are never dead properties (PROPPATCH answers them itself), and Milton asks every
     * source about each of its standard ones for every resource of a PROPFIND: answering them without
     * a database lookup keeps a 10,000-entry listing from costing 70,000 lookups.
     */
    private static boolean isDav(QName name) {
        return name.getNamespaceURI().equals("DAV:");
    }

    private static XmlFragment checksums(Resource r) {
        if (!(r instanceof FileResource f) || f.entry().sha1() == null) return null;
        return new XmlFragment("<checksum xmlns=\"http://owncloud.org/ns\">SHA1:" + f.entry().sha1() + "</checksum>");
    }
}
