package org.alidav.dav.props;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.milton.http.XmlWriter;
import io.milton.http.values.DateValueWriter;
import io.milton.http.values.ModifiedDateValueWriter;
import io.milton.http.values.ToStringValueWriter;
import io.milton.http.values.ValueWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Our fast value writers write exactly what Milton's own writers write for the same values. */
class PropertyValueWritersTest {

    @Test
    void datesAreWrittenAsMiltonWritesThem() {
        for (long millis : new long[]{0, 1_700_000_000_123L, 1_788_000_000_000L, 4_102_444_799_000L}) {
            Date d = new Date(millis);
            assertEquals(written(new ModifiedDateValueWriter(), "getlastmodified", d), written(new DatePropertyWriter(), "getlastmodified", d));
            assertEquals(written(new DateValueWriter(), "creationdate", d), written(new DatePropertyWriter(), "creationdate", d));
        }
    }

    @Test
    void datesWrittenDigitByDigitMatchTheirPatterns() {
        DateTimeFormatter http = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
        DateTimeFormatter iso = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'", Locale.US).withZone(ZoneOffset.UTC);
        Random random = new Random(13);
        long first = Instant.parse("0001-01-01T00:00:00Z").toEpochMilli();
        long last = Instant.parse("9999-12-31T23:59:59.999Z").toEpochMilli();
        List<Long> instants = new ArrayList<>(List.of(first, last, -1L, 0L, 951_782_400_000L, 4_107_456_000_000L));
        for (int i = 0; i < 20_000; i++) instants.add(first + (long) (random.nextDouble() * (last - first)));
        for (int i = 0; i < 2_000; i++) instants.add(random.nextLong(4_200_000_000_000L)); // 1970 to 2103, with milliseconds
        for (long millis : instants) {
            Date d = new Date(millis);
            assertEquals(http.format(d.toInstant()), DatePropertyWriter.httpDate(d), d.toInstant().toString());
            assertEquals(iso.format(d.toInstant()), DatePropertyWriter.isoSeconds(d), d.toInstant().toString());
        }
    }

    @Test
    void numbersAreWrittenAsMiltonWritesThem() {
        for (Object n : new Object[]{0L, 4096L, Long.MAX_VALUE, -1L, 42}) {
            assertEquals(written(new ToStringValueWriter(), "getcontentlength", n), written(new NumberValueWriter(), "getcontentlength", n));
        }
        assertEquals(written(new ToStringValueWriter(), "getcontentlength", null), written(new NumberValueWriter(), "getcontentlength", null));
    }

    private static String written(ValueWriter w, String localName, Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XmlWriter x = new XmlWriter(out);
        w.writeValue(x, "DAV:", "d", localName, value, "/a", Map.of("DAV:", "d"));
        x.flush();
        return out.toString(StandardCharsets.UTF_8);
    }
}
