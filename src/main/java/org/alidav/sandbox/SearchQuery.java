package org.alidav.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The subset of the search query language the sandbox understands:
 * {@code field = 'value'} and {@code field match 'value'} joined by {@code and} (at most 5 conditions),
 * over parent_file_id, file_id, name, type, file_extension and category.
 */
final class SearchQuery {
    private static final Pattern CONDITION =
            Pattern.compile("\\s*(\\w+)\\s*(=|match)\\s*'((?:[^'\\\\]|\\\\.)*)'\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern AND = Pattern.compile("\\s+and\\s+", Pattern.CASE_INSENSITIVE);

    private SearchQuery() {
    }

    static Predicate<FileNode> parse(String query) {
        if (query == null || query.isBlank()) {
            return n -> true;
        }
        String[] parts = AND.split(query.trim());
        if (parts.length > 5) {
            throw invalid("at most 5 conditions are supported");
        }
        List<Predicate<FileNode>> conditions = new ArrayList<>();
        for (String part : parts) {
            Matcher m = CONDITION.matcher(part);
            if (!m.matches()) {
                throw invalid("cannot parse condition: " + part);
            }
            String field = m.group(1).toLowerCase(Locale.ROOT);
            boolean exact = m.group(2).equals("=");
            String value = m.group(3).replaceAll("\\\\(.)", "$1");
            conditions.add(condition(field, exact, value));
        }
        return n -> conditions.stream().allMatch(c -> c.test(n));
    }

    private static Predicate<FileNode> condition(String field, boolean exact, String value) {
        java.util.function.Function<FileNode, String> getter = switch (field) {
            case "parent_file_id" -> FileNode::parentId;
            case "file_id" -> FileNode::fileId;
            case "name" -> FileNode::name;
            case "type" -> FileNode::type;
            case "file_extension" -> n -> FileTypes.extension(n.name());
            case "category" -> n -> n.isFolder() ? "" : FileTypes.category(n.name());
            default -> throw invalid("unsupported field: " + field);
        };
        String needle = value.toLowerCase(Locale.ROOT);
        return exact ? n -> value.equals(getter.apply(n))
                : n -> getter.apply(n).toLowerCase(Locale.ROOT).contains(needle);
    }

    private static ApiException invalid(String why) {
        return ApiException.badRequest("InvalidParameter.Query", "The input parameter query is not valid. " + why);
    }
}
