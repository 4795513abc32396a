package org.alidav.dav.props;

import io.milton.http.XmlWriter;
import io.milton.http.values.ValueWriter;
import java.util.Map;

/**
 * Writes whole numbers ({@code getcontentlength}, the quota properties) as digits. Milton's fallback
 * writer escapes every value with three regular expressions, compiled anew each time; digits need none.
 */
final class NumberValueWriter implements ValueWriter {

    @Override
    public boolean supports(String nsUri, String localName, Class c) {
        return c == Long.class || c == Integer.class;
    }

    @Override
    public void writeValue(XmlWriter writer, String nsUri, String prefix, String localName, Object val, String href, Map<String, String> nsPrefixes) {
        if (val == null) writer.writeProperty(prefix, localName);
        else writer.writeProperty(prefix, localName, val.toString());
    }

    @Override
    public Object parse(String namespaceURI, String localPart, String value) {
        return Long.valueOf(value);
    }
}
