package org.alidav.dav.lock;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Recursive-descent parser for the RFC 4918 §10.4.2 grammar; linear whitespace is allowed between tokens. */
final class IfHeaderParser {
    private final String text;
    private int pos;

    IfHeaderParser(String text) {
        this.text = text == null ? "" : text;
    }

    IfHeader parse() throws MalformedIfHeaderException {
        List<IfHeader.IfList> lists = new ArrayList<>();
        skipSpace();
        if (atEnd()) {
            throw malformed("empty If header");
        }
        boolean tagged = peek() == '<';
        while (!atEnd()) {
            if (tagged) {
                // Tagged-list = Resource-Tag 1*List
                Optional<String> resource = Optional.of(resourceTag());
                skipSpace();
                do {
                    lists.add(list(resource));
                    skipSpace();
                } while (!atEnd() && peek() == '(');
            } else {
                lists.add(list(Optional.empty()));
                skipSpace();
            }
        }
        return new IfHeader(lists);
    }

    private String resourceTag() throws MalformedIfHeaderException {
        String uri = angleBracketed();
        try {
            return LockPaths.fromUrl(uri);
        } catch (IllegalArgumentException e) {
            throw malformed("bad resource tag <" + uri + ">");
        }
    }

    private IfHeader.IfList list(Optional<String> resource) throws MalformedIfHeaderException {
        expect('(');
        List<IfHeader.Condition> conditions = new ArrayList<>();
        skipSpace();
        while (!atEnd() && peek() != ')') {
            conditions.add(condition());
            skipSpace();
        }
        expect(')');
        if (conditions.isEmpty()) {
            throw malformed("empty list");
        }
        return new IfHeader.IfList(resource, conditions);
    }

    private IfHeader.Condition condition() throws MalformedIfHeaderException {
        boolean negated = false;
        if (text.regionMatches(true, pos, "Not", 0, 3)) {
            negated = true;
            pos += 3;
            skipSpace();
        }
        if (atEnd()) {
            throw malformed("condition expected");
        }
        return switch (peek()) {
            case '<' -> new IfHeader.StateToken(angleBracketed(), negated);
            case '[' -> new IfHeader.EntityTag(entityTag(), negated);
            default -> throw malformed("state token or entity tag expected");
        };
    }

    /** {@code [ entity-tag ]}: a quoted string may contain ']', an unquoted (lenient) one ends at ']'. */
    private String entityTag() throws MalformedIfHeaderException {
        expect('[');
        skipSpace();
        int start = pos;
        if (text.startsWith("W/", pos)) {
            pos += 2;
        }
        if (!atEnd() && peek() == '"') {
            int close = text.indexOf('"', pos + 1);
            if (close < 0) {
                throw malformed("unterminated entity tag");
            }
            pos = close + 1;
        } else {
            while (!atEnd() && peek() != ']' && !Character.isWhitespace(peek())) {
                pos++;
            }
        }
        String tag = text.substring(start, pos);
        skipSpace();
        expect(']');
        if (tag.isEmpty()) {
            throw malformed("empty entity tag");
        }
        return IfHeader.EntityTag.opaque(tag);
    }

    private String angleBracketed() throws MalformedIfHeaderException {
        expect('<');
        int close = text.indexOf('>', pos);
        if (close < 0) {
            throw malformed("unterminated <…>");
        }
        String inside = text.substring(pos, close).trim();
        if (inside.isEmpty() || inside.chars().anyMatch(Character::isWhitespace)) {
            throw malformed("bad URI <" + inside + ">");
        }
        pos = close + 1;
        return inside;
    }

    private void expect(char c) throws MalformedIfHeaderException {
        if (atEnd() || peek() != c) {
            throw malformed("'" + c + "' expected");
        }
        pos++;
    }

    private void skipSpace() {
        while (!atEnd() && Character.isWhitespace(peek())) {
            pos++;
        }
    }

    private boolean atEnd() {
        return pos >= text.length();
    }

    private char peek() {
        return text.charAt(pos);
    }

    private MalformedIfHeaderException malformed(String what) {
        return new MalformedIfHeaderException(what + " at offset " + pos + " in If header: " + text);
    }
}
