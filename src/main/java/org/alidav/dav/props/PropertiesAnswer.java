package org.alidav.dav.props;

import io.milton.common.Utils;
import io.milton.config.HttpManagerBuilder;
import io.milton.http.Response;
import io.milton.http.XmlWriter;
import io.milton.http.exceptions.BadRequestException;
import io.milton.http.exceptions.NotAuthorizedException;
import io.milton.http.http11.ETagGenerator;
import io.milton.http.values.ValueAndType;
import io.milton.http.values.ValueWriters;
import io.milton.http.webdav.DisplayNameFormatter;
import io.milton.property.PropertySource;
import io.milton.resource.CollectionResource;
import io.milton.resource.GetableResource;
import io.milton.resource.PropFindableResource;
import io.milton.resource.PutableResource;
import io.milton.resource.Resource;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javax.xml.namespace.QName;

/**
 * The multistatus answer to a PROPFIND that names its properties or asks for allprop, written as Milton's
 * PROPFIND handler with {@link NamespaceSafePropFindXmlGenerator} writes it, byte for byte, without its
 * per-entry maps and lookups: the {@link LiveProperty live properties} are written straight from the resource,
 * and every other name is asked of the property sources in their order, as Milton asks them, once per entry, and
 * written by the same value writers. For allprop the names of an entry are, as Milton gathers them, those every
 * source lists for it, in the sources' order. Namespace prefixes are numbered in the order Milton numbers them (on
 * first sight, response by response, known names before the 404s), so the responses can be written as they come
 * and the declarations, which need them all, are written last into a head of their own.
 */
final class PropertiesAnswer {
    private static final byte[] RESPONSE_HREF = LiveProperty.ascii("<d:response><d:href>");
    private static final byte[] HREF_END = LiveProperty.ascii("</d:href>");
    private static final byte[] PROPSTAT = LiveProperty.ascii("<d:propstat><d:prop>");
    private static final byte[] FOUND_END = LiveProperty.ascii("</d:prop><d:status>" + Response.Status.SC_OK + "</d:status></d:propstat>");
    private static final byte[] NOT_FOUND_END = LiveProperty.ascii("</d:prop><d:status>" + Response.Status.SC_NOT_FOUND + "</d:status></d:propstat>");
    private static final byte[] RESPONSE_END = LiveProperty.ascii("</d:response>");
    private static final byte[] MULTISTATUS_END = LiveProperty.ascii("</d:multistatus>");
    private static final byte[] FOLDER_TYPE = LiveProperty.ascii("<d:resourcetype><d:collection/></d:resourcetype>");
    /** About what one entry with the properties a file manager asks for takes. */
    private static final int BYTES_PER_RESPONSE = 512;
    /** A cell of a property no source knows for the resource: it goes to the 404 propstat. */
    private static final Object NOT_FOUND = new Object();
    /** A cell of a live property: written from the resource when its response is written. */
    private static final Object LIVE = new Object();

    private final List<PropertySource> sources;
    private final ValueWriters valueWriters;
    private final ETagGenerator etags;
    private final DisplayNameFormatter displayNames;

    private PropertiesAnswer(List<PropertySource> sources, ValueWriters valueWriters, ETagGenerator etags, DisplayNameFormatter displayNames) {
        this.sources = sources;
        this.valueWriters = valueWriters;
        this.etags = etags;
        this.displayNames = displayNames;
    }

    /** With the parts of an initialised builder: its property sources, value writers, entity tags and display names. */
    static PropertiesAnswer of(HttpManagerBuilder b) {
        // the builder's own list: sources added after init (the lock properties) are asked too
        return new PropertiesAnswer(b.getPropertySources(), b.getValueWriters(), b.geteTagGenerator(),
                b.getWebDavProtocol().getDisplayNameFormatter());
    }

    /**
     * @param href       the target's href as Milton makes it (encoded, a folder's with a trailing slash)
     * @param names      the properties asked for, in the request's order; null for allprop
     * @param children   with the target's members (depth 1)
     * @param errorProps with the 404 propstats (no {@code Brief: t})
     * @return the whole answer, UTF-8
     */
    MultiStatus write(PropFindableResource target, String href, List<QName> names, boolean children, boolean errorProps)
            throws NotAuthorizedException, BadRequestException {
        List<? extends Resource> members = children && target instanceof CollectionResource c ? c.getChildren() : List.of();
        int count = members == null ? 1 : members.size() + 1;
        Answer a = new Answer(new XmlBuffer(count * BYTES_PER_RESPONSE), errorProps);
        Columns asked = names == null ? null : new Columns(names);
        a.response(target, href, asked);
        if (members != null) {
            for (Resource child : members) {
                if (!(child instanceof PropFindableResource member) || child.getName() == null) continue;
                String childHref = href + Utils.percentEncode(child.getName());
                if (child instanceof CollectionResource && !childHref.endsWith("/")) childHref += "/";
                a.response(member, childHref, asked);
            }
        }
        a.out.append(MULTISTATUS_END);
        XmlBuffer head = new XmlBuffer(256);
        head.append("<?xml version=\"1.0\" encoding=\"utf-8\" ?>\n<d:multistatus");
        head.append(NamespaceSafePropFindXmlGenerator.declarations(a.prefixes));
        head.write('>');
        return new MultiStatus(head, a.out);
    }

    /** The answer: the opening tag with its namespace declarations, then the responses. */
    record MultiStatus(XmlBuffer head, XmlBuffer body) {
        int size() {
            return head.size() + body.size();
        }

        void writeTo(OutputStream out) throws IOException {
            head.writeTo(out);
            body.writeTo(out);
        }
    }

    /** The names of a response, and which of them are live. */
    private static final class Columns {
        final List<QName> list;
        final QName[] names;
        final LiveProperty[] live;

        Columns(List<QName> list) {
            this.list = list;
            this.names = list.toArray(new QName[0]);
            this.live = new LiveProperty[names.length];
            for (int i = 0; i < names.length; i++) live[i] = LiveProperty.of(names[i]);
        }
    }

    /** One answer being written. */
    private final class Answer {
        final XmlBuffer out;
        final boolean errorProps;
        final Map<String, String> prefixes = NamespaceSafePropFindXmlGenerator.startPrefixes();
        /** Milton's writer over {@link #out}, for values of other properties. */
        final XmlWriter xml;
        /** The names of the last allprop response: most entries of a folder have the same. */
        Columns lastAll;
        Object[] cells = new Object[0];

        Answer(XmlBuffer out, boolean errorProps) {
            this.out = out;
            this.errorProps = errorProps;
            this.xml = new XmlWriter(out);
        }

        /** @param asked the names asked for; null for allprop */
        void response(PropFindableResource r, String href, Columns asked) throws NotAuthorizedException, BadRequestException {
            Columns c = asked != null ? asked : allNames(r);
            fill(r, href, c);
            addPrefixes(c);
            write(r, href, c);
        }

        /** As Milton's property builder gathers them for allprop: every source's names for the resource, in order, once. */
        private Columns allNames(PropFindableResource r) throws NotAuthorizedException, BadRequestException {
            Set<QName> names = new LinkedHashSet<>();
            for (PropertySource source : sources) {
                List<QName> some = source.getAllPropertyNames(r);
                if (some != null) names.addAll(some);
            }
            List<QName> list = new ArrayList<>(names);
            if (lastAll == null || !lastAll.list.equals(list)) lastAll = new Columns(list);
            return lastAll;
        }

        /** The cells of one resource: live, a value (known), or {@link #NOT_FOUND}. */
        private void fill(PropFindableResource r, String href, Columns c) throws NotAuthorizedException, BadRequestException {
            if (cells.length < c.names.length) cells = new Object[c.names.length];
            for (int i = 0; i < c.names.length; i++) {
                if (c.live[i] != null) cells[i] = LIVE;
                // as Milton's property builder: a property named href, in any namespace, is the response's href
                else if (c.names[i].getLocalPart().equals("href")) cells[i] = new ValueAndType(href, String.class);
                else cells[i] = asked(c.names[i], r);
            }
        }

        /** As Milton's property builder: the first source that knows the name gives the value. */
        private Object asked(QName name, Resource r) throws NotAuthorizedException, BadRequestException {
            for (PropertySource source : sources) {
                PropertySource.PropertyMetaData meta = source.getPropertyMetaData(name, r);
                if (meta != null && !meta.isUnknown()) {
                    try {
                        Object value = source.getProperty(name, r);
                        return new ValueAndType(value, value == null ? meta.getValueType() : value.getClass());
                    } catch (NotAuthorizedException e) {
                        return NOT_FOUND; // Milton lists it with the 404s ("Not authorised")
                    }
                }
            }
            return NOT_FOUND;
        }

        /** The namespaces of this response's known properties, then of its 404s, each numbered on first sight. */
        private void addPrefixes(Columns c) {
            for (int i = 0; i < c.names.length; i++) if (cells[i] != NOT_FOUND) NamespaceSafePropFindXmlGenerator.add(prefixes, c.names[i]);
            for (int i = 0; i < c.names.length; i++) if (cells[i] == NOT_FOUND) NamespaceSafePropFindXmlGenerator.add(prefixes, c.names[i]);
        }

        private void write(PropFindableResource r, String href, Columns c) {
            out.append(RESPONSE_HREF);
            out.append(href);
            out.append(HREF_END);
            int n = c.names.length;
            boolean found = false;
            boolean missing = false;
            for (int i = 0; i < n; i++) {
                if (cells[i] == NOT_FOUND) missing = true;
                else found = true;
            }
            if (found) {
                out.append(PROPSTAT);
                for (int i = 0; i < n; i++) {
                    QName name = c.names[i];
                    if (cells[i] == LIVE) live(c.live[i], r);
                    else if (cells[i] != NOT_FOUND) valueWriters.writeValue(xml, name, prefixes.get(name.getNamespaceURI()), (ValueAndType) cells[i], href, prefixes);
                }
                out.append(FOUND_END);
            }
            if (missing && errorProps) {
                out.append(PROPSTAT);
                for (int i = 0; i < n; i++) {
                    if (cells[i] == NOT_FOUND) xml.writeProperty(prefixes.get(c.names[i].getNamespaceURI()), c.names[i].getLocalPart());
                }
                out.append(NOT_FOUND_END);
            }
            out.append(RESPONSE_END);
            Arrays.fill(cells, 0, n, null);
        }

        /** As WebDavProtocol's property writers give the value and our value writers write it. */
        private void live(LiveProperty p, PropFindableResource r) {
            switch (p) {
                case RESOURCETYPE -> out.append(r instanceof CollectionResource ? FOLDER_TYPE : p.empty);
                case GETCONTENTLENGTH -> {
                    Long length = r instanceof GetableResource g ? g.getContentLength() : null;
                    string(p, length == null ? null : length.toString());
                }
                case GETLASTMODIFIED -> date(p, r.getModifiedDate(), DatePropertyWriter::httpDate);
                case CREATIONDATE, GETCREATED -> date(p, r.getCreateDate(), DatePropertyWriter::isoSeconds);
                case GETETAG -> string(p, etags.generateEtag(r));
                case GETCONTENTTYPE -> string(p, r instanceof GetableResource g ? g.getContentType(null) : "");
                case DISPLAYNAME, NAME -> string(p, displayNames.formatDisplayName(r));
                // as Milton's boolean value writer writes them
                case ISCOLLECTION -> string(p, r instanceof CollectionResource ? "TRUE" : "FALSE");
                case ISREADONLY -> string(p, r instanceof PutableResource ? "FALSE" : "TRUE");
            }
        }

        private void date(LiveProperty p, Date d, Function<Date, String> format) {
            string(p, d == null ? null : format.apply(d));
        }

        /** A string value as {@link PlainStringValueWriter} writes it (digits, dates and TRUE/FALSE have nothing to escape). */
        private void string(LiveProperty p, String s) {
            if (s == null) {
                out.append(p.empty);
                return;
            }
            out.append(p.open);
            out.appendText(s);
            out.append(p.close);
        }
    }
}
