package dev.skiff.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Shrinks an input to a small one that still shows the same defect: delta debugging over lines, then over
 * characters, removing ever smaller chunks while the defect remains, within a time budget.
 */
final class Minimizer {
    private Minimizer() {
    }

    static String minimise(String text, Predicate<String> reproduces, long deadlineNanos) {
        String lines = reduce(split(text, true), true, reproduces, deadlineNanos);
        if (lines.length() > 4000) {
            return lines;
        }
        return reduce(split(lines, false), false, reproduces, deadlineNanos);
    }

    private static List<String> split(String text, boolean byLine) {
        List<String> out = new ArrayList<>();
        if (byLine) {
            int start = 0;
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    out.add(text.substring(start, i + 1));
                    start = i + 1;
                }
            }
            if (start < text.length()) {
                out.add(text.substring(start));
            }
        } else {
            text.codePoints().forEach(c -> out.add(new String(Character.toChars(c))));
        }
        return out;
    }

    private static String reduce(List<String> units, boolean byLine, Predicate<String> reproduces, long deadline) {
        int n = 2;
        while (units.size() >= 2 && System.nanoTime() < deadline) {
            int chunk = (int) Math.ceil(units.size() / (double) n);
            boolean removed = false;
            for (int start = 0; start < units.size() && System.nanoTime() < deadline; start += chunk) {
                List<String> candidate = new ArrayList<>(units.subList(0, start));
                candidate.addAll(units.subList(Math.min(units.size(), start + chunk), units.size()));
                if (!candidate.isEmpty() && reproduces.test(String.join("", candidate))) {
                    units = candidate;
                    n = Math.max(n - 1, 2);
                    removed = true;
                    break;
                }
            }
            if (!removed) {
                if (n >= units.size()) {
                    break;
                }
                n = Math.min(units.size(), n * 2);
            }
        }
        return String.join("", units);
    }
}
