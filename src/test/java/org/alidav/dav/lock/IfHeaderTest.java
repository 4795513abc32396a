package org.alidav.dav.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.alidav.dav.lock.IfHeader.EntityTag;
import org.alidav.dav.lock.IfHeader.IfList;
import org.alidav.dav.lock.IfHeader.StateToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IfHeaderTest {
    private static final String T1 = "urn:uuid:181d4fae-7d8c-11d0-a765-00a0c91e6bf2";
    private static final String T2 = "urn:uuid:58f202ac-22cf-11d1-b12d-002035b29092";

    /** A map-backed resource state: path → ETag header value and lock tokens. */
    private static final class State implements IfHeader.ResourceState {
        private final Map<String, String> etags = new HashMap<>();
        private final Map<String, Set<String>> tokens = new HashMap<>();

        State etag(String path, String etag) {
            etags.put(path, etag);
            return this;
        }

        State locked(String path, String... lockTokens) {
            tokens.put(path, Set.of(lockTokens));
            return this;
        }

        @Override
        public Optional<String> etag(String path) {
            return Optional.ofNullable(etags.get(path));
        }

        @Override
        public Set<String> lockTokens(String path) {
            return tokens.getOrDefault(path, Set.of());
        }
    }

    private static IfHeader parse(String value) throws MalformedIfHeaderException {
        return IfHeader.parse(value);
    }

    @Test
    void rfcExampleTokenAndEtagOrOtherEtag() throws Exception {
        IfHeader h = parse("(<" + T1 + "> [\"I am an ETag\"]) ([\"I am another ETag\"])");
        assertEquals(List.of(
                new IfList(Optional.empty(), List.of(new StateToken(T1, false), new EntityTag("I am an ETag", false))),
                new IfList(Optional.empty(), List.of(new EntityTag("I am another ETag", false)))), h.lists());

        assertTrue(h.evaluate("/r", new State().locked("/r", T1).etag("/r", "\"I am an ETag\"")));
        assertTrue(h.evaluate("/r", new State().etag("/r", "\"I am another ETag\"")));
        assertFalse(h.evaluate("/r", new State().etag("/r", "\"I am an ETag\""))); // token missing
        assertEquals(Set.of(T1), h.submittedTokens("/r", new State().locked("/r", T1).etag("/r", "\"I am an ETag\"")));
        assertEquals(Set.of(), h.submittedTokens("/r", new State().etag("/r", "\"I am another ETag\"")));
    }

    @Test
    void rfcExampleNotTokenAndToken() throws Exception {
        IfHeader h = parse("(Not <" + T1 + "> <" + T2 + ">)");
        assertEquals(List.of(new StateToken(T1, true), new StateToken(T2, false)), h.lists().get(0).conditions());
        assertTrue(h.evaluate("/r", new State().locked("/r", T2)));
        assertFalse(h.evaluate("/r", new State().locked("/r", T1, T2)));
        assertEquals(Set.of(T2), h.submittedTokens("/r", new State().locked("/r", T2)));
    }

    @Test
    void rfcExampleNotNoLockAlwaysHolds() throws Exception {
        IfHeader h = parse("(<" + T1 + ">) (Not <DAV:no-lock>)");
        assertTrue(h.evaluate("/r", new State()));
        assertEquals(Set.of(), h.submittedTokens("/r", new State()));
        assertEquals(Set.of(T1), h.submittedTokens("/r", new State().locked("/r", T1)));
        assertFalse(parse("(<DAV:no-lock>)").evaluate("/r", new State().locked("/r", T1)));
    }

    @Test
    void rfcExampleTaggedWithWeakEtag() throws Exception {
        IfHeader h = parse("</resource1> (<" + T1 + "> [W/\"A weak ETag\"]) ([\"strong ETag\"])");
        assertEquals(2, h.lists().size());
        assertEquals(Optional.of("/resource1"), h.lists().get(0).resource());
        assertEquals(Optional.of("/resource1"), h.lists().get(1).resource());
        assertEquals(new EntityTag("A weak ETag", false), h.lists().get(0).conditions().get(1));
        // the lists apply to /resource1, whatever the request URI is
        State state = new State().locked("/resource1", T1).etag("/resource1", "W/\"A weak ETag\"");
        assertTrue(h.evaluate("/other", state));
        assertEquals(Set.of(T1), h.submittedTokens("/other", state));
        assertTrue(h.evaluate("/other", new State().etag("/resource1", "\"strong ETag\"")));
        assertFalse(h.evaluate("/resource1/x", new State().etag("/resource1/x", "\"strong ETag\"")));
    }

    @Test
    void rfcExampleAbsoluteUriTag() throws Exception {
        IfHeader h = parse("<http://www.example.com/specs/> (<" + T1 + ">)");
        assertEquals(Optional.of("/specs"), h.lists().get(0).resource());
        assertTrue(h.evaluate("/specs/a.doc", new State().locked("/specs", T1)));
    }

    @Test
    void rfcExampleTaggedEtagAndNotEtag() throws Exception {
        State state = new State().etag("/specs/rfc2518.doc", "\"4217\"");
        assertTrue(parse("</specs/rfc2518.doc> ([\"4217\"])").evaluate("/x", state));
        assertFalse(parse("</specs/rfc2518.doc> (Not [\"4217\"])").evaluate("/x", state));
        // an unmapped resource has no ETag: a positive etag condition fails, a negated one holds
        assertFalse(parse("</gone> ([\"4217\"])").evaluate("/x", state));
        assertTrue(parse("</gone> (Not [\"4217\"])").evaluate("/x", state));
    }

    @Test
    void rfcExampleSeveralTaggedResources() throws Exception {
        IfHeader h = parse("<http://example.com/a> (<" + T1 + ">) <http://example.com/b%20c/> (<" + T2 + ">)");
        assertEquals(Optional.of("/a"), h.lists().get(0).resource());
        assertEquals(Optional.of("/b c"), h.lists().get(1).resource());
        State both = new State().locked("/a", T1).locked("/b c", T2);
        assertEquals(Set.of(T1, T2), h.submittedTokens("/a", both));
    }

    @Test
    void etagComparisonIsLenientAboutQuotesAndWeakness() throws Exception {
        State state = new State().etag("/r", "\"abc_123\"");
        assertTrue(parse("([\"abc_123\"])").evaluate("/r", state));
        assertTrue(parse("([abc_123])").evaluate("/r", state));
        assertTrue(parse("([W/\"abc_123\"])").evaluate("/r", state));
        assertTrue(parse("([\"abc_123\"])").evaluate("/r", new State().etag("/r", "W/\"abc_123\"")));
        assertFalse(parse("([\"abc_124\"])").evaluate("/r", state));
        assertTrue(parse("([\"a]b\"])").evaluate("/r", new State().etag("/r", "\"a]b\"")));
    }

    @Test
    void whitespaceAndCaseOfNotAreTolerated() throws Exception {
        IfHeader h = parse("  (  not   <" + T1 + ">   [ \"e\" ] )\t( <" + T2 + "> )  ");
        assertEquals(List.of(new StateToken(T1, true), new EntityTag("e", false)), h.lists().get(0).conditions());
        assertEquals(List.of(new StateToken(T2, false)), h.lists().get(1).conditions());
    }

    @Test
    void taggedPathsAreDecodedAndNormalised() throws Exception {
        IfHeader h = parse("</a/./b/%C3%A9t%C3%A9/> (<" + T1 + ">)");
        assertEquals(Optional.of("/a/b/été"), h.lists().get(0).resource());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "(", "()", "<" + T1 + ">", "(<" + T1 + ">", "(" + T1 + ")",
            "([\"e\")", "([\"e\" )", "(Not)", "(<>)", "(<a b>)", "([])", "(<" + T1 + ">) </r> (<" + T2 + ">)",
            "</r>", "</r> <" + T1 + ">", "<%zz> (<" + T1 + ">)", "<relative> (<" + T1 + ">)", "(<" + T1 + ">) x",
            "([\"unterminated])"})
    void malformedHeadersAreRejected(String value) {
        assertThrows(MalformedIfHeaderException.class, () -> IfHeader.parse(value));
    }
}
