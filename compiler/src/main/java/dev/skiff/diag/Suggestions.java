package dev.skiff.diag;

import java.util.Collection;

/** "Did you mean" for misspelled names: the closest candidate by edit distance, when it is close enough. */
public final class Suggestions {
    private Suggestions() {
    }

    /** The best candidate for {@code name}, or null when none is plausibly what the user meant. */
    public static String closest(String name, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        int limit = Math.max(1, name.length() / 3);
        for (String c : candidates) {
            if (c.equals(name)) {
                continue;
            }
            int d = distance(name.toLowerCase(), c.toLowerCase());
            if (d == 0) {
                d = 1; // differs only in case: always worth suggesting
            } else if (d >= Math.max(name.length(), c.length())) {
                continue; // nothing of the name is kept (`z` for `f`): another name, not a misspelling
            }
            if (d <= limit && (d < bestDistance || (d == bestDistance && c.compareTo(best) < 0))) {
                best = c;
                bestDistance = d;
            }
        }
        return best;
    }

    /** A hint sentence, or null. */
    public static String didYouMean(String name, Collection<String> candidates) {
        String c = closest(name, candidates);
        return c == null ? null : "did you mean `" + c + "`?";
    }

    /** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
    static int distance(String a, String b) {
        int n = a.length();
        int m = b.length();
        if (Math.abs(n - m) > 3) {
            return n + m; // too different to be a misspelling
        }
        int[][] d = new int[n + 1][m + 1];
        for (int i = 0; i <= n; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= m; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[n][m];
    }
}
