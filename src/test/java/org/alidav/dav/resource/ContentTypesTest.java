package org.alidav.dav.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URLConnection;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContentTypesTest {
    @Test
    void mediaFormatsFirstThenTheJdksTableThenOctetStream() {
        assertEquals("video/x-matroska", ContentTypes.of("film.MKV"));
        assertEquals("image/png", ContentTypes.of("a.png"));
        assertEquals(ContentTypes.DEFAULT, ContentTypes.of("no-extension"));
        assertEquals(ContentTypes.DEFAULT, ContentTypes.of("data.unknownext"));
    }

    @Test
    void rememberedAnswersAreTheJdksForEveryName() {
        for (int round = 0; round < 2; round++) { // the second round answers from what the first remembered
            for (String name : List.of("a.png", "b.PNG", "c.gif", "d.jpeg", "e.bin", "f.unknownext", "x#y.png", "x.png#y", "g.")) {
                String jdk = URLConnection.getFileNameMap().getContentTypeFor(name);
                assertEquals(jdk == null ? ContentTypes.DEFAULT : jdk, ContentTypes.of(name), name);
            }
        }
    }
}
