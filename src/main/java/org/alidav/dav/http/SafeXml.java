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

    public static Document parse(byte[] body) throws MalformedXml {
        try {
            DocumentBuilder b = factory().newDocumentBuilder();
            b.setErrorHandler(new DefaultHandler() {
                @Override
                public void error(org.xml.sax.SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return b.parse(new ByteArrayInputStream(body));
        } catch (SAXException e) {
            throw new MalformedXml(e.getMessage());
        } catch (IOException | ParserConfigurationException e) {
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
