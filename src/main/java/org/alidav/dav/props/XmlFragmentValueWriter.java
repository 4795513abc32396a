package org.alidav.dav.props;

import io.milton.http.XmlWriter;
import io.milton.http.values.ValueWriter;
import io.milton.http.values.ValueWriters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Lets Milton's PROPFIND writer emit {@link XmlFragment} values (dead properties, oc:checksums) unescaped. */
public final class XmlFragmentValueWriter implements ValueWriter {

    /** Milton's value writers with this one first, and faster writers for plain strings, numbers and dates. */
    public static ValueWriters withDefaults() {
        List<ValueWriter> writers = new ArrayList<>();
        writers.add(new XmlFragmentValueWriter());
        writers.add(new PlainStringValueWriter());
        writers.add(new NumberValueWriter());
        writers.add(new DatePropertyWriter());
        writers.addAll(new ValueWriters().getValueWriters());
        return new ValueWriters(writers);
    }

    @Override
    public boolean supports(String nsUri, String localName, Class c) {
        return c == XmlFragment.class;
    }

    @Override
    public void writeValue(XmlWriter writer, String nsUri, String prefix, String localName, Object val, String href, Map<String, String> nsPrefixes) {
        String xml = val == null ? "" : ((XmlFragment) val).xml();
        if (xml.isEmpty()) writer.writeProperty(prefix, localName);
        else writer.writeProperty(prefix, localName, xml);
    }

    @Override
    public Object parse(String namespaceURI, String localPart, String value) {
        return new XmlFragment(value);
    }
}
