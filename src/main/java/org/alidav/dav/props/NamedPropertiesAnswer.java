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
import io.milton.resource.Resource;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.xml.namespace.QName;

/**
 * The multistatus answer to a PROPFIND that names its properties, written as Milton's PROPFIND handler with
 * {@link NamespaceSafePropFindXmlGenerator} writes it, byte for byte, without its per-entry maps and lookups:
 * the {@link LiveProperty live properties} of a listing are written straight from the resource, and every other
 * name is asked of the property sources in their order, as Milton asks them, once per entry, and written by the
 * same value writers. Namespace prefixes are numbered in the order Milton numbers them: every named property is
 * in every response, known or in the 404 propstat, so the first response decides them all.
 */
final class NamedPropertiesAnswer {
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

    private NamedPropertiesAnswer(List<PropertySource> sources, ValueWriters valueWriters, ETagGenerator etags, DisplayNameFormatter displayNames) {
        this.sources = sources;
        this.valueWriters = valueWriters;
        this.etags = etags;
        this.displayNames = displayNames;
    }

    /** With the parts of an initialised builder: its property sources, value writers, entity tags and display names. */
    static NamedPropertiesAnswer of(HttpManagerBuilder b) {
        // the builder's own list: sources added after init (the lock properties) are asked too
        return new NamedPropertiesAnswer(b.getPropertySources(), b.getValueWriters(), b.geteTagGenerator(),
                b.getWebDavProtocol().getDisplayNameFormatter());
    }

    /**
     * @param href       the target's href as Milton makes it (encoded, a folder's with a trailing slash)
     * @param names      the properties asked for, in the request's order
     * @param children   with the target's members (depth 1)
     * @param errorProps with the 404 propstats (no {@code Brief: t})
     * @return the whole answer, UTF-8
     */
    XmlBuffer write(PropFindableResource target, String href, List<QName> names, boolean children, boolean errorProps)
            throws NotAuthorizedException, BadRequestException {
        List<? extends Resource> members = children && target instanceof CollectionResource c ? c.getChildren() : List.of();
        int count = members == null ? 1 : members.size() + 1;
        QName[] columns = names.toArray(new QName[0]);
        LiveProperty[] live = new LiveProperty[columns.length];
        boolean anyOther = false;
        for (int i = 0; i < columns.length; i++) {
            live[i] = LiveProperty.of(columns[i]);
            anyOther |= live[i] == null;
        }
        Object[] cells = new Object[columns.length];
        Answer a = new Answer(new XmlBuffer(count * BYTES_PER_RESPONSE), columns, live, cells, errorProps);
        fill(target, a);
        a.prefixes = prefixes(columns, cells);
        a.xml = anyOther ? new XmlWriter(a.out) : null;
        a.xmlHeader();
        a.response(target, href);
        if (members != null) {
            for (Resource child : members) {
                if (!(child instanceof PropFindableResource member) || child.getName() == null) continue;
                String childHref = href + Utils.percentEncode(child.getName());
                if (child instanceof CollectionResource && !childHref.endsWith("/")) childHref += "/";
                fill(member, a);
                a.response(member, childHref);
            }
        }
        a.out.append(MULTISTATUS_END);
        return a.out;
    }

    /** The cells of one resource: live, a value (known), or {@link #NOT_FOUND}. */
    private void fill(PropFindableResource r, Answer a) throws NotAuthorizedException, BadRequestException {
        for (int i = 0; i < a.columns.length; i++) {
            a.cells[i] = a.live[i] != null ? LIVE : asked(a.columns[i], r);
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

    /** Known properties' namespaces first, then those of the 404s, each numbered on first sight. */
    private static Map<String, String> prefixes(QName[] columns, Object[] cells) {
        Map<String, String> map = NamespaceSafePropFindXmlGenerator.startPrefixes();
        for (int i = 0; i < columns.length; i++) if (cells[i] != NOT_FOUND) NamespaceSafePropFindXmlGenerator.add(map, columns[i]);
        for (int i = 0; i < columns.length; i++) if (cells[i] == NOT_FOUND) NamespaceSafePropFindXmlGenerator.add(map, columns[i]);
        return map;
    }

    /** One answer being written. */
    private final class Answer {
        final XmlBuffer out;
        final QName[] columns;
        final LiveProperty[] live;
        final Object[] cells;
        final boolean errorProps;
        Map<String, String> prefixes;
        /** Milton's writer over {@link #out}, for values of other properties. */
        XmlWriter xml;

        Answer(XmlBuffer out, QName[] columns, LiveProperty[] live, Object[] cells, boolean errorProps) {
            this.out = out;
            this.columns = columns;
            this.live = live;
            this.cells = cells;
            this.errorProps = errorProps;
        }

        void xmlHeader() {
            out.append("<?xml version=\"1.0\" encoding=\"utf-8\" ?>\n<d:multistatus");
            out.append(NamespaceSafePropFindXmlGenerator.declarations(prefixes));
            out.write('>');
        }

        void response(PropFindableResource r, String href) {
            out.append(RESPONSE_HREF);
            out.append(href);
            out.append(HREF_END);
            boolean found = false;
            boolean missing = false;
            for (Object cell : cells) {
                if (cell == NOT_FOUND) missing = true;
                else found = true;
            }
            if (found) {
                out.append(PROPSTAT);
                for (int i = 0; i < cells.length; i++) {
                    if (cells[i] == LIVE) live(live[i], r);
                    else if (cells[i] != NOT_FOUND) valueWriters.writeValue(xml, columns[i], prefixes.get(columns[i].getNamespaceURI()), (ValueAndType) cells[i], href, prefixes);
                }
                out.append(FOUND_END);
            }
            if (missing && errorProps) {
                out.append(PROPSTAT);
                for (int i = 0; i < cells.length; i++) {
                    if (cells[i] == NOT_FOUND) xml.writeProperty(prefixes.get(columns[i].getNamespaceURI()), columns[i].getLocalPart());
                }
                out.append(NOT_FOUND_END);
            }
            out.append(RESPONSE_END);
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
                case CREATIONDATE -> date(p, r.getCreateDate(), DatePropertyWriter::isoSeconds);
                case GETETAG -> string(p, etags.generateEtag(r));
                case GETCONTENTTYPE -> string(p, r instanceof GetableResource g ? g.getContentType(null) : "");
                case DISPLAYNAME -> string(p, displayNames.formatDisplayName(r));
            }
        }

        private void date(LiveProperty p, Date d, Function<Date, String> format) {
            string(p, d == null ? null : format.apply(d));
        }

        /** A string value as {@link PlainStringValueWriter} writes it (digits and dates have nothing to escape). */
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
