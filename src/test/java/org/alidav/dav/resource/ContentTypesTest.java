package org.alidav.dav.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URLConnection;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Types remembered by the ending of the name are what the JDK's table answers for each name. */
class ContentTypesTest {

    @Test
    void rememberedTypesAreTheTablesAnswers() {
        List<String> names = List.of("a.bin", "b.BIN", "c.png", "d.PNG", "e.gif", "noext", ".hidden", "x.y.gif", "f.unknownext",
                "g#1.png", "h#.gif", "i?.png", "j.png#x", "k.tar.gz", "l.", "m.Png");
        for (int round = 0; round < 2; round++) {
            for (String name : names) {
                String table = URLConnection.getFileNameMap().getContentTypeFor(name);
                assertEquals(table != null ? table : ContentTypes.DEFAULT, ContentTypes.of(name), name);
            }
        }
        assertEquals("video/mp4", ContentTypes.of("film.MP4"));
    }
}
