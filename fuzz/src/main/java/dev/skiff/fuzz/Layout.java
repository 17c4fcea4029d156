package dev.skiff.fuzz;

import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Fills in the layout of generated program text: varying space where {@link #SP} marks it, line breaks
 * inside brackets where {@link #BR} marks a place one is allowed (after an opening bracket, a comma or an
 * operator, or before a closing bracket), one indentation unit for each {@link #IND}, fresh names for
 * {@code @@}, and now and then a blank line or a comment at the end of a line. Outside brackets a line
 * break would end the statement, so {@code BR} is only a space there; inside a string it is nothing.
 */
final class Layout {
    static final String SP = "\u0001";
    static final String BR = "\u0002";
    static final String IND = "\u0003";
    /** The name of the schema a statement declares; later uses in the same program refer to the newest one. */
    static final String SCHEMA = "\u0004";

    private Layout() {
    }

    static Arbitrary<String> units() {
        return Arbitraries.of("    ", "    ", "  ", "\t", "   ");
    }

    static String render(String text, Random r, String unit) {
        StringBuilder out = new StringBuilder(text.length() + 64);
        int depth = 0;
        char quote = 0;
        boolean triple = false;
        int names = 0;
        int schemas = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                // inside a string literal: markers vanish (a space stays a space), text is copied
                if (c == SP.charAt(0)) {
                    out.append(' ');
                } else if (c == BR.charAt(0) || c == IND.charAt(0)) {
                    continue;
                } else if (c == '\\' && i + 1 < text.length()) {
                    out.append(c).append(text.charAt(++i));
                } else if (c == quote && (!triple || text.startsWith(String.valueOf(c).repeat(3), i))) {
                    out.append(triple ? String.valueOf(c).repeat(3) : String.valueOf(c));
                    i += triple ? 2 : 0;
                    quote = 0;
                } else {
                    out.append(c);
                }
                continue;
            }
            switch (c) {
                case '"', '\'' -> {
                    quote = c;
                    triple = text.startsWith(String.valueOf(c).repeat(3), i);
                    out.append(triple ? String.valueOf(c).repeat(3) : String.valueOf(c));
                    i += triple ? 2 : 0;
                }
                case '(', '[', '{' -> {
                    depth++;
                    out.append(c);
                }
                case ')', ']', '}' -> {
                    depth = Math.max(0, depth - 1);
                    out.append(c);
                }
                case '\u0001' -> out.append(switch (r.nextInt(8)) {
                    case 0 -> "";
                    case 1 -> "  ";
                    default -> " ";
                });
                case '\u0002' -> {
                    if (depth > 0 && r.nextInt(4) == 0) {
                        out.append('\n').append(" ".repeat(r.nextInt(13)));
                    } else if (r.nextBoolean()) {
                        out.append(' ');
                    }
                }
                case '\u0003' -> out.append(unit);
                case '\u0004' -> {
                    // `schema X` declares a new name; other uses refer to the newest
                    if (out.toString().endsWith("schema ")) {
                        schemas++;
                    }
                    out.append("S").append(Math.max(schemas, 1));
                }
                case '@' -> {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '@') {
                        out.append('v').append(names++);
                        i++;
                    } else {
                        out.append(c);
                    }
                }
                case '\n' -> {
                    if (depth == 0 && r.nextInt(12) == 0) {
                        out.append("  # note ").append(i);
                    }
                    out.append('\n');
                    if (depth == 0 && r.nextInt(10) == 0) {
                        out.append('\n');
                    }
                }
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
