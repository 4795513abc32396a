package org.alidav.dav.props;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.milton.http.webdav.DefaultPropFindRequestFieldParser;
import io.milton.http.webdav.PropFindRequestFieldParser;
import io.milton.http.webdav.PropertiesRequest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Our PROPFIND body parser, with its reader kept per thread, answers as Milton's own parser does. */
class PropFindFieldParserTest {
    private static final List<String> BODIES = List.of(
            "",
            " ",
            "<?xml version=\"1.0\"?><D:propfind xmlns:D=\"DAV:\"><D:allprop/></D:propfind>",
            "<?xml version=\"1.0\"?><D:propfind xmlns:D=\"DAV:\"><D:propname/></D:propfind>",
            "<d:propfind xmlns:d=\"DAV:\"><d:prop><d:resourcetype/><d:getcontentlength/><d:getlastmodified/><d:getetag/>"
                    + "<d:getcontenttype/></d:prop></d:propfind>",
            "<propfind xmlns=\"DAV:\" xmlns:x=\"urn:x\"><prop><x:color/><displayname/><nons xmlns=\"\"/></prop></propfind>",
            "<D:propfind xmlns:D=\"DAV:\"><D:prop><D:getetag/>",
            "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><D:propfind xmlns:D=\"DAV:\"><D:prop><D:getetag/></D:prop></D:propfind>");

    private final PropFindRequestFieldParser milton = new DefaultPropFindRequestFieldParser();
    private final PropFindRequestFieldParser ours = new PropFindFieldParser();

    @Test
    void answersAsMiltonDoesForEachBodyTwiceOnOneThread() {
        for (int round = 0; round < 2; round++) {
            for (String body : BODIES) {
                PropertiesRequest want = milton.getRequestedFields(stream(body));
                PropertiesRequest got = ours.getRequestedFields(stream(body));
                assertEquals(want.isAllProp(), got.isAllProp(), body);
                assertEquals(want.isPropname(), got.isPropname(), body);
                assertEquals(want.getNames(), got.getNames(), body);
            }
        }
    }

    @Test
    void aBrokenBodyDoesNotSpoilTheNextOne() {
        assertTrue(ours.getRequestedFields(stream("<D:propfind xmlns:D=\"DAV:\"><D:prop>")).getNames().isEmpty());
        assertEquals(5, ours.getRequestedFields(stream(BODIES.get(4))).getNames().size());
    }

    private static ByteArrayInputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
