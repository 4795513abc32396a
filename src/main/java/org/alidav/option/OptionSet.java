package org.alidav.option;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The keys of one part of the config file ({@code server:}, one storage, a driver's options), in the
 * order the option list shows them. A key outside the set is a mistake, most likely a typo, which
 * {@link #hint} tries to correct.
 *
 * @param title what the option list calls this part, e.g. {@code storages[] with driver: local}
 */
public record OptionSet(String title, List<Option<?>> options) {

    public OptionSet {
        options = List.copyOf(options);
        if (names(options).size() != options.size()) throw new IllegalArgumentException(title + ": an option is declared twice");
    }

    public static OptionSet of(String title, Option<?>... options) {
        return new OptionSet(title, List.of(options));
    }

    /** The declared key names, in order. */
    public Set<String> names() {
        return names(options);
    }

    public boolean declares(String key) {
        return names().contains(key);
    }

    /** The keys of {@code keys} this set does not declare, in their order. */
    public Set<String> unknown(Collection<String> keys) {
        Set<String> unknown = new LinkedHashSet<>(keys);
        unknown.removeAll(names());
        return unknown;
    }

    /** {@code " (did you mean port?)"} for a misspelt {@code key}, else an empty string. */
    public String hint(String key) {
        return KeySuggestion.hint(key, names());
    }

    /** The option list of this set: per key its type, default (or "required") and help. */
    public String describe() {
        StringBuilder out = new StringBuilder(title).append(":\n");
        for (Option<?> o : options) {
            String value = o.required() ? "required" : o.defaultText().isEmpty() ? "no default" : "default " + o.defaultText();
            out.append(String.format("  %-28s %s; %s%n", o.name(), o.type().describe(), value));
            out.append("      ").append(o.help()).append('\n');
        }
        return out.toString();
    }

    private static Set<String> names(List<Option<?>> options) {
        Set<String> names = new LinkedHashSet<>();
        options.forEach(o -> names.add(o.name()));
        return names;
    }
}
