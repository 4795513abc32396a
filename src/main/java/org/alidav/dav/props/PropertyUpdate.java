package org.alidav.dav.props;

import java.util.ArrayList;
import java.util.List;
import javax.xml.namespace.QName;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.ls.DOMImplementationLS;
import org.w3c.dom.ls.LSSerializer;

/**
 * A parsed PROPPATCH body (RFC 4918 §14.19): set and remove instructions in document order, which is
 * the order they must be applied in (Milton applies all sets before all removes).
 */
public record PropertyUpdate(List<Instruction> instructions) {

    /**
     * One property to set (with its content as XML text) or to remove ({@code xml} null).
     */
    public record Instruction(QName name, String xml) {
        public boolean isRemove() {
            return xml == null;
        }

        /** The value as plain text (dates are text), or null for a remove. */
        public String text() {
            return xml == null ? null : xml.replaceAll("<[^>]*>", "").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").trim();
        }
    }

    public static final class Invalid extends Exception {
        Invalid(String message) {
            super(message);
        }
    }

    public static PropertyUpdate parse(Document doc) throws Invalid {
        Element root = doc.getDocumentElement();
        if (!isDav(root, "propertyupdate")) throw new Invalid("root element must be DAV:propertyupdate");
        List<Instruction> out = new ArrayList<>();
        for (Element action : children(root)) {
            boolean set = isDav(action, "set");
            if (!set && !isDav(action, "remove")) continue; // unknown elements are ignored (RFC 4918 §17)
            for (Element prop : children(action)) {
                if (!isDav(prop, "prop")) continue;
                for (Element p : children(prop)) {
                    QName name = new QName(p.getNamespaceURI() == null ? "" : p.getNamespaceURI(), p.getLocalName());
                    out.add(new Instruction(name, set ? innerXml(p) : null));
                }
            }
        }
        if (out.isEmpty()) throw new Invalid("no properties to set or remove");
        return new PropertyUpdate(out);
    }

    private static String innerXml(Element e) {
        StringBuilder sb = new StringBuilder();
        LSSerializer serializer = null;
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            switch (n.getNodeType()) {
                case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> sb.append(XmlFragment.escape(n.getNodeValue()));
                case Node.ELEMENT_NODE -> {
                    if (serializer == null) {
                        serializer = ((DOMImplementationLS) e.getOwnerDocument().getImplementation()).createLSSerializer();
                        serializer.getDomConfig().setParameter("xml-declaration", false);
                    }
                    sb.append(serializer.writeToString(n));
                }
                default -> {
                }
            }
        }
        return sb.toString();
    }

    private static boolean isDav(Element e, String localName) {
        return "DAV:".equals(e.getNamespaceURI()) && localName.equals(e.getLocalName());
    }

    private static List<Element> children(Element e) {
        List<Element> out = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) out.add(c);
        }
        return out;
    }
}
