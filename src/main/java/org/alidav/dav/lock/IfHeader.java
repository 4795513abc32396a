package org.alidav.dav.lock;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A parsed RFC 4918 §10.4 If header: lists are OR-ed, the conditions of a list AND-ed. A list without a
 * resource tag applies to the request URI.
 */
public record IfHeader(List<IfList> lists) {

    /** What the evaluation needs to know about a resource, by lock path. */
    public interface ResourceState {
        /** The current ETag as sent in the ETag header (quoted, maybe {@code W/}); empty if unmapped. */
        Optional<String> etag(String path);

        /** Tokens of the locks that protect the resource (its own and inherited ones). */
        Set<String> lockTokens(String path);
    }

    /** One parenthesised list; {@code resource} is the tag's lock path, empty for the request URI. */
    public record IfList(Optional<String> resource, List<Condition> conditions) {
        public IfList {
            conditions = List.copyOf(conditions);
        }

        String target(String requestPath) {
            return resource.orElse(requestPath);
        }

        boolean matches(String requestPath, ResourceState state) {
            String path = target(requestPath);
            return conditions.stream().allMatch(c -> c.holds(path, state));
        }
    }

    /** A state token or an entity tag, possibly negated with {@code Not}. */
    public sealed interface Condition permits StateToken, EntityTag {
        boolean negated();

        boolean matches(String path, ResourceState state);

        default boolean holds(String path, ResourceState state) {
            return matches(path, state) != negated();
        }
    }

    /** {@code <urn:uuid:…>}; also {@code <DAV:no-lock>}, which no lock ever has. */
    public record StateToken(String token, boolean negated) implements Condition {
        @Override
        public boolean matches(String path, ResourceState state) {
            return state.lockTokens(path).contains(token);
        }
    }

    /** {@code ["abc"]} or {@code [W/"abc"]}; compared by opaque tag, ignoring weakness and lenient about quotes. */
    public record EntityTag(String opaqueTag, boolean negated) implements Condition {
        @Override
        public boolean matches(String path, ResourceState state) {
            return state.etag(path).map(EntityTag::opaque).filter(opaqueTag::equals).isPresent();
        }

        /** {@code W/"abc"}, {@code "abc"} and {@code abc} all give {@code abc}. */
        static String opaque(String etag) {
            String tag = etag.trim();
            if (tag.startsWith("W/") || tag.startsWith("w/")) {
                tag = tag.substring(2);
            }
            if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
                tag = tag.substring(1, tag.length() - 1);
            }
            return tag;
        }
    }

    public IfHeader {
        lists = List.copyOf(lists);
    }

    public static IfHeader parse(String value) throws MalformedIfHeaderException {
        return new IfHeaderParser(value).parse();
    }

    /** True if at least one list holds. */
    public boolean evaluate(String requestPath, ResourceState state) {
        return lists.stream().anyMatch(list -> list.matches(requestPath, state));
    }

    /**
     * Lock tokens the client submits (RFC 4918 §10.4.1): the non-negated state tokens of the lists that hold.
     */
    public Set<String> submittedTokens(String requestPath, ResourceState state) {
        Set<String> tokens = new LinkedHashSet<>();
        for (IfList list : lists) {
            if (list.matches(requestPath, state)) {
                list.conditions().stream()
                        .filter(c -> c instanceof StateToken && !c.negated())
                        .forEach(c -> tokens.add(((StateToken) c).token()));
            }
        }
        return tokens;
    }
}
