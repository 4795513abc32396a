package org.alidav.dav.props;

import io.milton.http.XmlWriter;
import io.milton.http.values.ValueWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;
import java.util.Map;

/**
 * Writes date properties as Milton's date writers do ({@code getlastmodified} as an HTTP date, the others
 * such as {@code creationdate} as ISO 8601 in UTC), with shared immutable formatters: Milton builds a
 * {@code SimpleDateFormat} for every value, which was a fifth of the allocation of a PROPFIND.
 */
final class DatePropertyWriter implements ValueWriter {
    /** Parsing stays Milton's: it accepts the many date forms clients send. */
    private static final ValueWriter MILTON = new io.milton.http.values.DateValueWriter();
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ISO_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'", Locale.US).withZone(ZoneOffset.UTC);

    @Override
    public boolean supports(String nsUri, String localName, Class c) {
        return Date.class.isAssignableFrom(c);
    }

    @Override
    public void writeValue(XmlWriter writer, String nsUri, String prefix, String localName, Object val, String href, Map<String, String> nsPrefixes) {
        if (val == null) {
            writer.writeProperty(prefix, localName);
            return;
        }
        DateTimeFormatter format = "DAV:".equals(nsUri) && "getlastmodified".equals(localName) ? HTTP_DATE : ISO_SECONDS;
        writer.writeProperty(prefix, localName, format.format(((Date) val).toInstant()));
    }

    @Override
    public Object parse(String namespaceURI, String localPart, String value) {
        return MILTON.parse(namespaceURI, localPart, value);
    }
}
