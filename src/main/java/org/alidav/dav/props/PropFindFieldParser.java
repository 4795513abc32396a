package org.alidav.dav.props;

import io.milton.http.webdav.PropFindRequestFieldParser;
import io.milton.http.webdav.PropFindSaxHandler;
import io.milton.http.webdav.PropertiesRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.xml.namespace.QName;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.alidav.dav.http.RecentAnswers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads which properties a PROPFIND body asks for, with Milton's own SAX handler and answers (allprop,
 * propname, the named properties; an empty set for a body that does not parse), but with one XML reader
 * per server thread: Milton's parser builds a new reader for every request, which cost a fifth of the
 * CPU of a depth-1 PROPFIND of 100 entries in the first seconds after start (an eighth once warm).
 * Doctype declarations and external entities are refused, as there.
 */
public final class PropFindFieldParser implements PropFindRequestFieldParser {
    private static final Logger log = LoggerFactory.getLogger(PropFindFieldParser.class);

    /**
     * What recent bodies asked for, by their text: a client sends the same body for every listing, and parsing it
     * cost more than a tenth of the CPU of a PROPFIND of 100 entries. Requests are made anew from it: Milton's are
     * mutable.
     */
    private static final RecentAnswers<String, Asked> RECENT = new RecentAnswers<>(64);
    private static final int LONGEST_REMEMBERED = 4096;

    private record Asked(boolean allProp, boolean propname, List<QName> names) {
        PropertiesRequest request() {
            if (allProp || propname) return new PropertiesRequest(allProp, propname);
            return PropertiesRequest.toProperties(new LinkedHashSet<>(names));
        }
    }

    /** Readers are not thread-safe, but can parse one document after another; the server's threads are long-lived. */
    private static final ThreadLocal<XMLReader> READER = ThreadLocal.withInitial(PropFindFieldParser::newReader);

    @Override
    public PropertiesRequest getRequestedFields(InputStream in) {
        try {
            byte[] body = in.readAllBytes();
            // Milton's rule: a body of one byte or none asks for nothing in particular
            if (body.length <= 1) return PropertiesRequest.toProperties(Set.of());
            String text = body.length <= LONGEST_REMEMBERED ? new String(body, StandardCharsets.ISO_8859_1) : null;
            Asked known = text == null ? null : RECENT.get(text);
            if (known != null) return known.request();
            PropFindSaxHandler handler = new PropFindSaxHandler();
            XMLReader reader = READER.get();
            reader.setContentHandler(handler);
            try {
                reader.parse(new InputSource(new ByteArrayInputStream(body)));
            } catch (SAXException | IOException | RuntimeException e) {
                READER.remove(); // a reader that failed mid-document is not trusted with the next one
                log.warn("unreadable PROPFIND body, answered as if it named no properties: {}", e.toString());
                return PropertiesRequest.toProperties(Set.of());
            }
            Asked asked = new Asked(handler.isAllProp(), handler.isPropname(), List.copyOf(handler.getAttributes().keySet()));
            return (text == null ? asked : RECENT.remember(text, asked)).request();
        } catch (IOException e) {
            log.warn("reading a PROPFIND body: {}", e.toString());
            return PropertiesRequest.toProperties(Set.of());
        }
    }

    private static XMLReader newReader() {
        try {
            SAXParserFactory f = SAXParserFactory.newInstance();
            f.setNamespaceAware(true);
            XMLReader r = f.newSAXParser().getXMLReader();
            r.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            r.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            r.setFeature("http://xml.org/sax/features/external-general-entities", false);
            return r;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("the JDK's SAX parser refuses to forbid doctype declarations", e);
        }
    }
}
