package org.alidav.dav.props;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import javax.xml.namespace.QName;

/**
 * The DAV: properties a listing asks for ({@code rclone}, Finder, davfs2, Windows and Milton's stand-in for an
 * empty {@code prop}) and most of what allprop gives, which {@link PropertiesAnswer} writes straight from the resource. Each is answered by
 * Milton's WebDavProtocol for every file and folder, so asking the property sources in turn is not needed to know
 * that it exists.
 */
enum LiveProperty {
    RESOURCETYPE("resourcetype"),
    GETCONTENTLENGTH("getcontentlength"),
    GETLASTMODIFIED("getlastmodified"),
    GETETAG("getetag"),
    GETCONTENTTYPE("getcontenttype"),
    CREATIONDATE("creationdate"),
    DISPLAYNAME("displayname"),
    // Windows' names, and the rest of what every allprop answer holds
    GETCREATED("getcreated"),
    NAME("name"),
    ISCOLLECTION("iscollection"),
    ISREADONLY("isreadonly");

    private static final Map<String, LiveProperty> BY_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(p -> p.localName, p -> p));

    final String localName;
    /** {@code <d:name>} and {@code </d:name>}, and {@code <d:name/>} for no value. */
    final byte[] open;
    final byte[] close;
    final byte[] empty;

    LiveProperty(String localName) {
        this.localName = localName;
        this.open = ascii("<d:" + localName + ">");
        this.close = ascii("</d:" + localName + ">");
        this.empty = ascii("<d:" + localName + "/>");
    }

    /** The live property of this name, or null for any other (answered through Milton's property sources). */
    static LiveProperty of(QName name) {
        return name.getNamespaceURI().equals("DAV:") ? BY_NAME.get(name.getLocalPart()) : null;
    }

    static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
