package org.alidav.dav.lock;

import io.milton.http.XmlWriter;
import io.milton.http.values.ValueWriter;
import java.util.Map;

/** Renders {@link LockProperty} values in PROPFIND responses, looking the locks up by the response href. */
final class LockPropertyWriter implements ValueWriter {
    private final LockManager locks;

    LockPropertyWriter(LockManager locks) {
        this.locks = locks;
    }

    @Override
    public boolean supports(String nsUri, String localName, Class valueClass) {
        return valueClass == LockProperty.class;
    }

    @Override
    public void writeValue(XmlWriter writer, String nsUri, String prefix, String localName, Object val, String href,
                           Map<String, String> nsPrefixes) {
        String xml = switch ((LockProperty) val) {
            case LOCKDISCOVERY -> LockXml.lockDiscovery(prefix, locks.locksCovering(LockPaths.fromUrl(href)), locks.now());
            case SUPPORTEDLOCK -> LockXml.supportedLock(prefix);
        };
        writer.writeText(xml);
    }

    @Override
    public Object parse(String namespaceURI, String localPart, String value) {
        throw new UnsupportedOperationException("lock properties are read-only");
    }
}
