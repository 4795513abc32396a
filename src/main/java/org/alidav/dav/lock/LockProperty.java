package org.alidav.dav.lock;

import java.util.Locale;
import java.util.Optional;
import javax.xml.namespace.QName;

/**
 * The two live lock properties (RFC 4918 §15.8, §15.10). Used as the property value itself: the value is
 * rendered by {@link LockPropertyWriter}, which gets the resource's href and so can find its locks.
 */
enum LockProperty {
    LOCKDISCOVERY, SUPPORTEDLOCK;

    final QName name = new QName("DAV:", name().toLowerCase(Locale.ROOT));

    /** Asked for every property of every entry of a PROPFIND: a plain comparison, no stream or array copy. */
    static Optional<LockProperty> of(QName name) {
        if (!"DAV:".equals(name.getNamespaceURI())) return Optional.empty();
        if (LOCKDISCOVERY.name.equals(name)) return Optional.of(LOCKDISCOVERY);
        if (SUPPORTEDLOCK.name.equals(name)) return Optional.of(SUPPORTEDLOCK);
        return Optional.empty();
    }
}
