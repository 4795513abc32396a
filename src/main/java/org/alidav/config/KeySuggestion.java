package org.alidav.config;

import java.util.Collection;
import java.util.Locale;

/** "did you mean ...?" for a misspelt key: the closest known key by edit distance, if it is close. */
final class KeySuggestion {
    private KeySuggestion() {
    }

    /** {@code " (did you mean port?)"}, or an empty string when no known key is close enough. */
    static String hint(String key, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int d = distance(key.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        // Short keys tolerate one typo; longer ones two, beyond that the guess is more noise than help.
        int tolerated = key.length() <= 4 ? 1 : 2;
        return best != null && bestDistance <= tolerated ? " (did you mean " + best + "?)" : "";
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) previous[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
