package org.alidav.option;

import java.util.Collection;
import java.util.Locale;

/** "did you mean ...?" for a misspelt key: the closest known key by edit distance, if it is close. */
public final class KeySuggestion {
    private KeySuggestion() {
    }

    /** {@code " (did you mean port?)"}, or an empty string when no known key is close enough. */
    public static String hint(String key, Collection<String> known) {
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

    /** Edit distance counting a swap of two neighbouring letters as one edit, the commonest typo. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
