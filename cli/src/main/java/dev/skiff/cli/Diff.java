package dev.skiff.cli;

import java.util.List;

/** A small unified diff (whole-file hunks of changed line runs), enough to show what `fmt` would change. */
final class Diff {
    private Diff() {
    }

    static String unified(String name, String before, String after) {
        List<String> a = before.lines().toList();
        List<String> b = after.lines().toList();
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        StringBuilder sb = new StringBuilder("--- a/" + name + "\n+++ b/" + name + "\n");
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                i++;
                j++;
                continue;
            }
            sb.append("@@ -").append(i + 1).append(" +").append(j + 1).append(" @@\n");
            while (i < a.size() || j < b.size()) {
                if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                    break;
                }
                if (j >= b.size() || i < a.size() && lcs[i + 1][j] >= lcs[i][j + 1]) {
                    sb.append('-').append(a.get(i++)).append('\n');
                } else {
                    sb.append('+').append(b.get(j++)).append('\n');
                }
            }
        }
        return sb.toString();
    }
}
