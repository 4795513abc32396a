package org.alidav.dav.lock;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The RFC 4918 §14.11 {@code DAV:lockinfo} body of a LOCK that creates a lock.
 *
 * @param ownerXml content of {@code DAV:owner} re-serialised node by node, so that every element keeps
 *                 the namespace declarations it needs wherever it is embedded later; empty if absent
 */
record LockInfoBody(LockScope scope, String ownerXml) {
    private static final String DAV = "DAV:";

    /** A body that is not a well-formed lockinfo with a write locktype and one lockscope. */
    static final class MalformedLockInfoException extends Exception {
        MalformedLockInfoException(String message, Throwable cause) {
            super(message, cause);
        }

        MalformedLockInfoException(String message) {
            super(message);
        }
    }

    static LockInfoBody parse(byte[] xml) throws MalformedLockInfoException {
        Element root = parseDocument(xml);
        if (!isDav(root, "lockinfo")) {
            throw new MalformedLockInfoException("root element is not DAV:lockinfo");
        }
        LockScope scope = null;
        boolean writeType = false;
        String owner = "";
        for (Element child : children(root)) {
            if (isDav(child, "lockscope")) {
                scope = scopeOf(child);
            } else if (isDav(child, "locktype")) {
                writeType = children(child).stream().anyMatch(e -> isDav(e, "write"));
            } else if (isDav(child, "owner")) {
                owner = serialiseContent(child);
            }
        }
        if (scope == null || !writeType) {
            throw new MalformedLockInfoException("lockinfo needs a DAV:lockscope and a DAV:write locktype");
        }
        return new LockInfoBody(scope, owner);
    }

    private static LockScope scopeOf(Element lockscope) throws MalformedLockInfoException {
        for (Element e : children(lockscope)) {
            if (isDav(e, "exclusive")) {
                return LockScope.EXCLUSIVE;
            }
            if (isDav(e, "shared")) {
                return LockScope.SHARED;
            }
        }
        throw new MalformedLockInfoException("lockscope is neither exclusive nor shared");
    }

    private static Element parseDocument(byte[] xml) throws MalformedLockInfoException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            // no DTDs at all: rules out XXE and entity expansion from untrusted clients
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler()); // throw on fatal errors instead of printing them
            return builder.parse(new ByteArrayInputStream(xml)).getDocumentElement();
        } catch (SAXException | IOException e) {
            throw new MalformedLockInfoException("not well-formed XML: " + e.getMessage(), e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("JDK XML parser lacks a standard feature", e);
        }
    }

    private static String serialiseContent(Element owner) {
        try {
            Transformer transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter out = new StringWriter();
            for (Node n = owner.getFirstChild(); n != null; n = n.getNextSibling()) {
                transformer.transform(new DOMSource(n), new StreamResult(out));
            }
            return out.toString().trim();
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot re-serialise a parsed DOM node", e);
        }
    }

    private static List<Element> children(Element parent) {
        List<Element> elements = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                elements.add(e);
            }
        }
        return elements;
    }

    private static boolean isDav(Element e, String localName) {
        return DAV.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName());
    }
}
