package org.alidav.dav.lock;

import java.time.Instant;
import java.util.List;

/** Renders the RFC 4918 §14/§15/§16 XML of locks; {@code p} is the prefix bound to {@code DAV:}. */
final class LockXml {
    static final String CONTENT_TYPE = "application/xml; charset=utf-8";
    private static final String PROLOG = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n";

    private LockXml() {
    }

    /** {@code DAV:lockdiscovery} with the given active locks. */
    static String lockDiscovery(String p, List<ActiveLock> locks, Instant now) {
        StringBuilder xml = new StringBuilder("<").append(p).append(":lockdiscovery>");
        for (ActiveLock lock : locks) {
            appendActiveLock(xml, p, lock, now);
        }
        return xml.append("</").append(p).append(":lockdiscovery>").toString();
    }

    /** {@code DAV:supportedlock}: exclusive and shared write locks, on every resource. */
    static String supportedLock(String p) {
        return "<" + p + ":supportedlock>" + lockEntry(p, "exclusive") + lockEntry(p, "shared")
                + "</" + p + ":supportedlock>";
    }

    /** Body of a successful LOCK (RFC 4918 §9.10.1): a prop with the lock's discovery. */
    static String lockResponse(ActiveLock lock, Instant now) {
        return PROLOG + "<D:prop xmlns:D=\"DAV:\">" + lockDiscovery("D", List.of(lock), now) + "</D:prop>\n";
    }

    /** A {@code DAV:error} body with one precondition element, optionally naming a locked resource. */
    static String error(String precondition, String lockedPath) {
        String content = lockedPath == null ? "" : "<D:href>" + escape(LockPaths.toHref(lockedPath)) + "</D:href>";
        return PROLOG + "<D:error xmlns:D=\"DAV:\"><D:" + precondition + ">" + content
                + "</D:" + precondition + "></D:error>\n";
    }

    private static void appendActiveLock(StringBuilder xml, String p, ActiveLock lock, Instant now) {
        String scope = lock.scope() == LockScope.EXCLUSIVE ? "exclusive" : "shared";
        xml.append('<').append(p).append(":activelock>")
                .append(element(p, "locktype", empty(p, "write")))
                .append(element(p, "lockscope", empty(p, scope)))
                .append(element(p, "depth", lock.depth().headerValue()));
        if (!lock.ownerXml().isEmpty()) {
            xml.append(element(p, "owner", lock.ownerXml())); // verbatim client XML, well-formed by parsing
        }
        xml.append(element(p, "timeout", "Second-" + lock.secondsLeft(now)))
                .append(element(p, "locktoken", element(p, "href", escape(lock.token()))))
                .append(element(p, "lockroot", element(p, "href", escape(LockPaths.toHref(lock.root())))))
                .append("</").append(p).append(":activelock>");
    }

    private static String lockEntry(String p, String scope) {
        return element(p, "lockentry", element(p, "lockscope", empty(p, scope)) + element(p, "locktype", empty(p, "write")));
    }

    private static String element(String p, String name, String content) {
        return "<" + p + ":" + name + ">" + content + "</" + p + ":" + name + ">";
    }

    private static String empty(String p, String name) {
        return "<" + p + ":" + name + "/>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
