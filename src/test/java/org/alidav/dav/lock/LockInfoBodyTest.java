package org.alidav.dav.lock;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class LockInfoBodyTest {
    private static LockInfoBody parse(String xml) throws LockInfoBody.MalformedLockInfoException {
        return LockInfoBody.parse(xml.getBytes(UTF_8));
    }

    @Test
    void readsScopeAndKeepsOwnerWithItsNamespaces() throws Exception {
        LockInfoBody body = parse("<?xml version=\"1.0\"?><D:lockinfo xmlns:D=\"DAV:\">"
                + "<D:lockscope><D:exclusive/></D:lockscope><D:locktype><D:write/></D:locktype>"
                + "<D:owner><D:href>http://example.org/~ejw/contact.html</D:href></D:owner></D:lockinfo>");
        assertEquals(LockScope.EXCLUSIVE, body.scope());
        assertEquals("<D:href xmlns:D=\"DAV:\">http://example.org/~ejw/contact.html</D:href>", body.ownerXml());
    }

    @Test
    void defaultNamespaceSharedAndTextOwner() throws Exception {
        LockInfoBody body = parse("<lockinfo xmlns='DAV:'><locktype><write/></locktype>"
                + "<lockscope><shared/></lockscope><owner>litmus &amp; co</owner></lockinfo>");
        assertEquals(new LockInfoBody(LockScope.SHARED, "litmus &amp; co"), body);
        assertEquals("", parse("<lockinfo xmlns='DAV:'><lockscope><shared/></lockscope>"
                + "<locktype><write/></locktype></lockinfo>").ownerXml());
    }

    @ParameterizedTest
    @ValueSource(strings = {"not xml", "<lockinfo xmlns='DAV:'>", "<lockinfo><lockscope><shared/></lockscope>"
            + "<locktype><write/></locktype></lockinfo>", "<D:propfind xmlns:D='DAV:'/>",
            "<lockinfo xmlns='DAV:'><locktype><write/></locktype></lockinfo>",
            "<lockinfo xmlns='DAV:'><lockscope><other/></lockscope><locktype><write/></locktype></lockinfo>",
            "<lockinfo xmlns='DAV:'><lockscope><shared/></lockscope><locktype><read/></locktype></lockinfo>",
            "<!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]><lockinfo xmlns='DAV:'><owner>&e;</owner>"
                    + "<lockscope><shared/></lockscope><locktype><write/></locktype></lockinfo>"})
    void rejectsMalformedOrUnsupportedBodies(String xml) {
        assertThrows(LockInfoBody.MalformedLockInfoException.class, () -> parse(xml));
    }
}
