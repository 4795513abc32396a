package org.alidav.dav.props;

import io.milton.http.XmlWriter;
import io.milton.http.values.ValueWriters;
import io.milton.http.webdav.PropFindResponse;
import io.milton.http.webdav.PropFindXmlFooter;
import io.milton.http.webdav.PropFindXmlGenerator;
import io.milton.http.webdav.PropFindXmlGeneratorHelper;
import io.milton.http.webdav.WebDavProtocol;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;

/**
 * Milton's PROPFIND writer declares a prefix for every namespace, including the empty one
 * ({@code xmlns:ns1=""}, which is not well-formed: litmus props/propget after propnullns), and
 * declares none for properties that only appear in 404 propstats (written without a namespace).
 * This one collects namespaces from known and missing properties alike and writes empty-namespace
 * properties unprefixed (no default namespace is declared, so they are in no namespace).
 */
public final class NamespaceSafePropFindXmlGenerator extends PropFindXmlGenerator {
    /** The prefix Milton's helper writes {@code response}, {@code propstat} and live properties with. */
    private static final String DAV_PREFIX = WebDavProtocol.NS_DAV.getPrefix();

    private final PropFindXmlGeneratorHelper helper;

    public NamespaceSafePropFindXmlGenerator(ValueWriters valueWriters) {
        super(valueWriters);
        this.helper = new PropFindXmlGeneratorHelper(valueWriters);
    }

    @Override
    public void generate(List<PropFindResponse> responses, OutputStream out, boolean writeErrorProps, PropFindXmlFooter footer) {
        Map<String, String> prefixes = prefixes(responses);
        XmlBuffer buffer = new XmlBuffer(responses.size() * BYTES_PER_RESPONSE);
        XmlWriter writer = new XmlWriter(buffer);
        writer.writeXMLHeader();
        writer.open(DAV_PREFIX, "multistatus" + declarations(prefixes));
        writer.newLine();
        for (PropFindResponse r : responses) helper.appendResponse(writer, r, prefixes, writeErrorProps);
        if (footer != null) footer.footer(writer);
        writer.close(DAV_PREFIX, "multistatus");
        try {
            buffer.writeTo(out);
            out.flush();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** About what one entry with the properties a file manager asks for takes. */
    private static final int BYTES_PER_RESPONSE = 512;

    static Map<String, String> prefixes(List<PropFindResponse> responses) {
        Map<String, String> map = startPrefixes();
        for (PropFindResponse r : responses) {
            for (QName q : r.getKnownProperties().keySet()) add(map, q);
            if (r.getErrorProperties() != null) {
                r.getErrorProperties().values().forEach(list -> list.forEach(ne -> add(map, ne.getName())));
            }
        }
        return map;
    }

    /** The prefixes every answer has: {@code d} for DAV:, none for the empty namespace; {@link #add} adds the others in order. */
    static Map<String, String> startPrefixes() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("DAV:", DAV_PREFIX);
        map.put("", "");
        return map;
    }

    static void add(Map<String, String> map, QName q) {
        String uri = q.getNamespaceURI();
        // nearly every property of an answer is a DAV: one: no map lookup for those
        if (!uri.equals("DAV:") && !map.containsKey(uri)) map.put(uri, "ns" + map.size());
    }

    static String declarations(Map<String, String> prefixes) {
        StringBuilder sb = new StringBuilder();
        prefixes.forEach((uri, prefix) -> {
            if (!uri.isEmpty()) sb.append(" xmlns:").append(prefix).append("=\"").append(attribute(uri)).append('"');
        });
        return sb.toString();
    }

    private static String attribute(String s) {
        return XmlFragment.escape(s).replace("\"", "&quot;");
    }
}
