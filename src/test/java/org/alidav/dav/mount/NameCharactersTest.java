package org.alidav.dav.mount;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.alidav.drive.DriveException;
import org.junit.jupiter.api.Test;

class NameCharactersTest {

    @Test
    void ordinaryNamesPassUnchanged() {
        for (String s : new String[]{"a.txt", "été x.txt", "\uD83C\uDFAC film.mkv", "\u0080 C1 is legal XML", "tab\u2409 picture"}) {
            assertTrue(NameCharacters.allShowable(s), s);
            assertSame(s, NameCharacters.visible(s));
            NameCharacters.requireCreatable(s);
        }
    }

    @Test
    void controlCharactersBecomePictures() {
        assertEquals("a\u2400\u2401\u241F\u2421b", NameCharacters.visible("a\u0000\u0001\u001F\u007Fb"));
        assertEquals("line\u240Abreak\u2409tab", NameCharacters.visible("line\nbreak\ttab"));
    }

    @Test
    void unpairedSurrogatesAndNonCharactersBecomeReplacementCharacters() {
        assertEquals("x\uFFFDy", NameCharacters.visible("x\uD800y"));
        assertEquals("x\uFFFD", NameCharacters.visible("x\uDC00"));
        assertEquals("\uFFFDz", NameCharacters.visible("\uDBFF" + "z"));
        assertEquals("\uFFFD\uFFFD", NameCharacters.visible("\uFFFE\uFFFF"));
        assertFalse(NameCharacters.allShowable("end\uD83C"));
    }

    @Test
    void suchNamesCannotBeCreated() {
        DriveException e = assertThrows(DriveException.class, () -> NameCharacters.requireCreatable("a\u0001b"));
        assertEquals(400, e.kind().httpStatus);
        assertTrue(e.getMessage().contains("a\u2401b") && !e.getMessage().contains("\u0001"), e.getMessage());
    }
}
