package org.alidav.dav.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/** Namespace-aware parsing of small request bodies with DTDs and external entities refused. */
public final class SafeXml {
    private SafeXml() {
    }

    public static final class MalformedXml extends Exception {
        MalformedXml(String message) {
            super(message);
        }
    }

    /** Errors are failures, not warnings printed to stderr. */
    private static final DefaultHandler STRICT = new DefaultHandler() {
        @Override
        public void error(org.xml.sax.SAXParseException e) throws SAXException {
            throw e;
        }
    };

    /**
     * One builder per thread, reset before each use: a new factory and builder for every PROPFIND body
     * cost more than parsing it. Builders are not thread-safe; the server's threads are long-lived.
     */
    private static final ThreadLocal<DocumentBuilder> BUILDER = ThreadLocal.withInitial(() -> {
        try {
            return factory().newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser refuses secure processing", e);
        }
    });

    public static Document parse(byte[] body) throws MalformedXml {
        DocumentBuilder b = BUILDER.get();
        b.reset();
        b.setErrorHandler(STRICT);
        try {
            return b.parse(new ByteArrayInputStream(body));
        } catch (SAXException e) {
            throw new MalformedXml(e.getMessage());
        } catch (IOException e) {
            throw new MalformedXml(e.toString());
        }
    }

    private static DocumentBuilderFactory factory() throws ParserConfigurationException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        return f;
    }
}
