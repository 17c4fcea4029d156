package dev.skiff.doc;

import java.util.ArrayList;
import java.util.List;

/**
 * A docstring as Markdown. KCL's docstrings follow numpy's layout: text, then sections headed by a title
 * underlined with dashes ({@code Attributes\n----------}), whose entries are {@code name : type} lines with
 * their description indented below. The text stays as written (Markdown already); a section becomes a bold
 * title and a list with an item per entry, instead of a run of words.
 */
final class Docstrings {
    private Docstrings() {
    }

    /** Whether the docstring has a numpy-style section (a title underlined with dashes). */
    static boolean hasSections(String doc) {
        return java.util.regex.Pattern.compile("(?m)^\\s*\\S.*\\n\\s*-{3,}\\s*$").matcher(doc).find();
    }

    /** An entry of a section: {@code name : type} (the parser has already taken the indentation away). */
    private static final java.util.regex.Pattern ENTRY = java.util.regex.Pattern.compile("^([A-Za-z_][\\w.]*)\\s+:\\s+(\\S.*)$");

    static String markdown(String doc) {
        List<String> lines = dedent(doc);
        List<String> blocks = new ArrayList<>();
        List<String> body = new ArrayList<>();
        String title = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String next = i + 1 < lines.size() ? lines.get(i + 1).strip() : "";
            if (!line.isBlank() && next.matches("-{3,}")) {
                section(blocks, title, body);
                title = line.strip();
                i++;
            } else {
                body.add(line);
            }
        }
        section(blocks, title, body);
        return String.join("\n\n", blocks);
    }

    /** The text before the first section as written; a section as a list of its entries, or examples as code. */
    private static void section(List<String> blocks, String title, List<String> body) {
        String text = String.join("\n", body).strip();
        body.clear();
        if (title != null) {
            blocks.add("**" + title + "**");
        }
        if (text.isEmpty()) {
            return;
        }
        if (title == null) {
            blocks.add(text);
            return;
        }
        List<String> items = new ArrayList<>();
        for (String line : text.split("\n")) {
            var m = ENTRY.matcher(line.strip());
            if (m.matches()) {
                items.add("- `" + m.group(1) + "` (" + m.group(2).strip() + ")");
            } else if (!items.isEmpty() && !line.isBlank()) {
                String last = items.remove(items.size() - 1);
                items.add(last + (last.endsWith(")") ? ": " : " ") + line.strip());
            } else if (items.isEmpty() && !line.isBlank()) {
                items = null;
                break;
            }
        }
        if (items != null && !items.isEmpty()) {
            blocks.add(String.join("\n", items));
        } else if (title.toLowerCase(java.util.Locale.ROOT).startsWith("example")) {
            blocks.add("```\n" + text + "\n```");
        } else {
            blocks.add(text);
        }
    }

    /** The lines without the indentation they share (the first line, right after the quotes, aside). */
    private static List<String> dedent(String doc) {
        String[] raw = doc.strip().split("\n", -1);
        int common = Integer.MAX_VALUE;
        for (int i = 1; i < raw.length; i++) {
            if (!raw[i].isBlank()) {
                common = Math.min(common, raw[i].length() - raw[i].stripLeading().length());
            }
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < raw.length; i++) {
            String l = raw[i].stripTrailing();
            if (l.isBlank()) {
                out.add("");
            } else if (i == 0 || common == Integer.MAX_VALUE) {
                out.add(l.strip());
            } else {
                out.add(l.substring(Math.min(common, l.length())));
            }
        }
        return out;
    }
}
