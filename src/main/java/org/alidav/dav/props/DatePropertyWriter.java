package org.alidav.dav.props;

import io.milton.http.XmlWriter;
import io.milton.http.values.ValueWriter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import org.alidav.dav.http.HttpDates;

/**
 * Writes date properties as Milton's date writers do ({@code getlastmodified} as an HTTP date, the others
 * such as {@code creationdate} as ISO 8601 in UTC), with shared immutable formatters: Milton builds a
 * {@code SimpleDateFormat} for every value, which was a fifth of the allocation of a PROPFIND. Years 1 to 9999
 * are written digit by digit; the formatters write the others, and say what the digits must match.
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
        Date d = (Date) val;
        writer.writeProperty(prefix, localName, "DAV:".equals(nsUri) && "getlastmodified".equals(localName) ? httpDate(d) : isoSeconds(d));
    }

    /** {@code getlastmodified}'s form: the Last-Modified header's, for the years HttpDates writes as this pattern does. */
    static String httpDate(Date d) {
        int year = LocalDate.ofEpochDay(Math.floorDiv(Math.floorDiv(d.getTime(), 1000), 86_400)).getYear();
        return year < 1 || year > 9999 ? HTTP_DATE.format(d.toInstant()) : HttpDates.format(d.toInstant());
    }

    /** Every other date property's form. */
    static String isoSeconds(Date d) {
        long seconds = Math.floorDiv(d.getTime(), 1000);
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, 86_400));
        if (date.getYear() < 1 || date.getYear() > 9999) return ISO_SECONDS.format(d.toInstant());
        StringBuilder sb = new StringBuilder(20);
        four(sb, date.getYear()).append('-');
        two(sb, date.getMonthValue()).append('-');
        two(sb, date.getDayOfMonth()).append('T');
        return time(sb, Math.floorMod(seconds, 86_400)).append('Z').toString();
    }

    private static StringBuilder time(StringBuilder sb, long secondOfDay) {
        int s = (int) secondOfDay;
        two(sb, s / 3600).append(':');
        two(sb, s / 60 % 60).append(':');
        return two(sb, s % 60);
    }

    private static StringBuilder two(StringBuilder sb, int n) {
        return sb.append((char) ('0' + n / 10)).append((char) ('0' + n % 10));
    }

    private static StringBuilder four(StringBuilder sb, int n) {
        return two(two(sb, n / 100), n % 100);
    }

    @Override
    public Object parse(String namespaceURI, String localPart, String value) {
        return MILTON.parse(namespaceURI, localPart, value);
    }
}
