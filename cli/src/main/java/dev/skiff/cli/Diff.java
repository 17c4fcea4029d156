package dev.skiff.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * A standard unified diff (three lines of context, {@code @@ -l,n +l,n @@} hunks, "\ No newline at end of
 * file"), as {@code diff -u} prints it, so that {@code patch} and {@code git apply} accept what
 * {@code fmt --check} shows. The edit script is Myers' shortest one.
 */
final class Diff {
    private static final int CONTEXT = 3;

    private Diff() {
    }

    /** One step of the edit script: keep a line of both, delete one of {@code a}, or insert one of {@code b}. */
    private record Edit(char op, int a, int b) {
    }

    static String unified(String name, String before, String after) {
        List<String> a = lines(before);
        List<String> b = lines(after);
        List<Edit> script = script(a, b);
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < script.size()) {
            if (script.get(i).op == '=') {
                i++;
                continue;
            }
            // a hunk: from CONTEXT lines before this change to CONTEXT lines after the last change that is
            // at most 2 * CONTEXT equal lines from the one before it
            int start = Math.max(0, i - CONTEXT);
            while (start < i && script.get(start).op != '=') {
                start++;
            }
            int end = i;
            int equalRun = 0;
            for (int k = i; k < script.size(); k++) {
                if (script.get(k).op == '=') {
                    equalRun++;
                    if (equalRun > 2 * CONTEXT) {
                        break;
                    }
                } else {
                    equalRun = 0;
                    end = k;
                }
            }
            int stop = Math.min(script.size(), end + 1 + CONTEXT);
            hunk(sb, script.subList(start, stop), a, b);
            i = stop;
        }
        if (sb.isEmpty()) {
            return "";
        }
        return "--- a/" + name + "\n+++ b/" + name + "\n" + sb;
    }

    private static void hunk(StringBuilder sb, List<Edit> edits, List<String> a, List<String> b) {
        int aStart = -1;
        int bStart = -1;
        int aCount = 0;
        int bCount = 0;
        for (Edit e : edits) {
            if (e.op != '+') {
                aCount++;
                if (aStart < 0) {
                    aStart = e.a;
                }
            }
            if (e.op != '-') {
                bCount++;
                if (bStart < 0) {
                    bStart = e.b;
                }
            }
        }
        // an empty range is named by the line before it (0 at the start of the file), as diff -u does
        Edit first = edits.get(0);
        int aLine = aCount == 0 ? first.a : aStart + 1;
        int bLine = bCount == 0 ? first.b : bStart + 1;
        sb.append("@@ -").append(range(aLine, aCount)).append(" +").append(range(bLine, bCount)).append(" @@\n");
        for (Edit e : edits) {
            String line = e.op == '+' ? b.get(e.b) : a.get(e.a);
            sb.append(e.op == '=' ? ' ' : e.op);
            if (line.endsWith("\n")) {
                sb.append(line);
            } else {
                sb.append(line).append("\n\\ No newline at end of file\n");
            }
        }
    }

    private static String range(int line, int count) {
        return count == 1 ? String.valueOf(line) : line + "," + count;
    }

    /** The lines of a text, each with its line break (the last one may have none). */
    private static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        int from = 0;
        while (from < text.length()) {
            int nl = text.indexOf('\n', from);
            int to = nl < 0 ? text.length() : nl + 1;
            out.add(text.substring(from, to));
            from = to;
        }
        return out;
    }

    /** Myers' O(ND) shortest edit script, deletions before insertions within a change. */
    private static List<Edit> script(List<String> a, List<String> b) {
        int n = a.size();
        int m = b.size();
        int max = n + m;
        int offset = max + 1;
        int[] v = new int[2 * max + 3];
        List<int[]> trace = new ArrayList<>();
        int found = -1;
        for (int d = 0; d <= max && found < 0; d++) {
            trace.add(v.clone());
            for (int k = -d; k <= d; k += 2) {
                int x = k == -d || k != d && v[offset + k - 1] < v[offset + k + 1] ? v[offset + k + 1] : v[offset + k - 1] + 1;
                int y = x - k;
                while (x < n && y < m && a.get(x).equals(b.get(y))) {
                    x++;
                    y++;
                }
                v[offset + k] = x;
                if (x >= n && y >= m) {
                    found = d;
                    break;
                }
            }
        }
        List<Edit> reversed = new ArrayList<>();
        int x = n;
        int y = m;
        for (int d = found; d > 0; d--) {
            int[] prev = trace.get(d);
            int k = x - y;
            int prevK = k == -d || k != d && prev[offset + k - 1] < prev[offset + k + 1] ? k + 1 : k - 1;
            int prevX = prev[offset + prevK];
            int prevY = prevX - prevK;
            while (x > prevX && y > prevY) {
                reversed.add(new Edit('=', --x, --y));
            }
            if (x == prevX) {
                reversed.add(new Edit('+', x, --y));
            } else {
                reversed.add(new Edit('-', --x, y));
            }
        }
        while (x > 0 && y > 0) {
            reversed.add(new Edit('=', --x, --y));
        }
        List<Edit> out = new ArrayList<>(reversed.size());
        List<Edit> inserts = new ArrayList<>();
        for (int i = reversed.size() - 1; i >= 0; i--) {
            Edit e = reversed.get(i);
            if (e.op == '+') {
                inserts.add(e); // shown after the deletions of the same change, as diff -u does
            } else if (e.op == '-') {
                out.add(e);
            } else {
                out.addAll(inserts);
                inserts.clear();
                out.add(e);
            }
        }
        out.addAll(inserts);
        return out;
    }
}
