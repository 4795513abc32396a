package org.alidav.dav.lock;

import io.milton.http.Response;
import io.milton.property.PropertySource;
import io.milton.resource.Resource;
import java.util.Arrays;
import java.util.List;
import javax.xml.namespace.QName;

/**
 * Declares {@code DAV:lockdiscovery} and {@code DAV:supportedlock} on every resource, read-only. Milton's
 * PROPFIND asks every source's {@link #getAllPropertyNames} for allprop, so both appear there as RFC 4918
 * wants. A {@link PropertySource} cannot see the resource's path, so the value is a marker that
 * {@link LockPropertyWriter} renders with the href Milton passes to value writers.
 */
final class LockPropertySource implements PropertySource {
    private static final List<QName> NAMES = Arrays.stream(LockProperty.values()).map(p -> p.name).toList();

    @Override
    public Object getProperty(QName name, Resource resource) {
        return LockProperty.of(name).orElse(null);
    }

    @Override
    public PropertyMetaData getPropertyMetaData(QName name, Resource resource) {
        return LockProperty.of(name)
                .map(p -> new PropertyMetaData(PropertyAccessibility.READ_ONLY, LockProperty.class))
                .orElse(PropertyMetaData.UNKNOWN);
    }

    @Override
    public void setProperty(QName name, Object value, Resource resource) {
        throw new PropertySetException(Response.Status.SC_FORBIDDEN, "protected property " + name);
    }

    @Override
    public void clearProperty(QName name, Resource resource) {
        throw new PropertySetException(Response.Status.SC_FORBIDDEN, "protected property " + name);
    }

    @Override
    public List<QName> getAllPropertyNames(Resource resource) {
        return NAMES;
    }
}
