package org.alidav.dav.props;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.milton.http.XmlWriter;
import io.milton.http.values.DateValueWriter;
import io.milton.http.values.ModifiedDateValueWriter;
import io.milton.http.values.ToStringValueWriter;
import io.milton.http.values.ValueWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Date;
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
