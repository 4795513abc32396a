package org.alidav.dav.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class LockPathsTest {
    @Test
    void normalisesDecodedPaths() {
        assertEquals("/", LockPaths.normalise(""));
        assertEquals("/", LockPaths.normalise("//"));
        assertEquals("/a/b", LockPaths.normalise("/a//b/"));
        assertEquals("/b", LockPaths.normalise("/a/../b/./"));
        assertEquals("/", LockPaths.normalise("/../.."));
    }

    @Test
    void readsUrlsAndEncodedPaths() {
        assertEquals("/a b/c+d", LockPaths.fromUrl("http://h:8080/a%20b/c+d/?x=1#f"));
        assertEquals("/", LockPaths.fromUrl("https://h"));
        assertEquals("/été", LockPaths.fromUrl("/%C3%A9t%C3%A9"));
        assertEquals("/100%", LockPaths.fromUrl("/100%25"));
        assertThrows(IllegalArgumentException.class, () -> LockPaths.fromUrl("/%zz"));
        assertThrows(IllegalArgumentException.class, () -> LockPaths.fromUrl("relative/x"));
    }

    @Test
    void encodesHrefsRoundTrip() {
        assertEquals("/a%20b/%C3%A9%25", LockPaths.toHref("/a b/é%"));
        assertEquals("/a b/é%", LockPaths.fromUrl(LockPaths.toHref("/a b/é%")));
    }

    @Test
    void ancestry() {
        assertTrue(LockPaths.isBelow("/a/b", "/a"));
        assertTrue(LockPaths.isBelow("/a", "/"));
        assertFalse(LockPaths.isBelow("/ab", "/a"));
        assertFalse(LockPaths.isBelow("/a", "/a"));
        assertTrue(LockPaths.isSelfOrBelow("/a", "/a"));
        assertFalse(LockPaths.isBelow("/", "/"));
        assertEquals(Optional.of("/a"), LockPaths.parent("/a/b"));
        assertEquals(Optional.of("/"), LockPaths.parent("/a"));
        assertEquals(Optional.empty(), LockPaths.parent("/"));
    }
}
