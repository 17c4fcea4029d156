package dev.skiff.eval.lib;

import dev.skiff.diag.Code;
import dev.skiff.eval.value.EvalException;
import dev.skiff.eval.value.Value;
import dev.skiff.eval.value.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/** KCL's string methods ({@code "a-b".split("-")}), with Python's meaning. */
final class StringMethods {
    private StringMethods() {
    }

    private static Value str(String s) {
        return new Value.Str(s);
    }

    private static Value bool(boolean b) {
        return Value.Bool.of(b);
    }

    static void register(Namespace ns) {
        ns.method("upper() -> str",
                "The string with every letter in upper case.", (s, a) -> str(s.toUpperCase(java.util.Locale.ROOT)));
        ns.method("lower() -> str",
                "The string with every letter in lower case.", (s, a) -> str(s.toLowerCase(java.util.Locale.ROOT)));
        ns.method("capitalize() -> str",
                "The string with its first character in upper case and the rest in lower case.",
                        (s, a) -> str(s.isEmpty() ? s
                : s.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + s.substring(1).toLowerCase(java.util.Locale.ROOT)));
        ns.method("title() -> str",
                "The string with the first letter of each word in upper case and the others in lower case.", (s, a) -> {
            StringBuilder sb = new StringBuilder();
            boolean start = true;
            for (char c : s.toCharArray()) {
                sb.append(start ? Character.toUpperCase(c) : Character.toLowerCase(c));
                start = !Character.isLetter(c);
            }
            return str(sb.toString());
        });
        ns.method("swapcase() -> str",
                "The string with upper case letters made lower case and lower case ones upper case.", (s, a) -> {
            StringBuilder sb = new StringBuilder();
            for (char c : s.toCharArray()) {
                sb.append(Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
            }
            return str(sb.toString());
        });
        ns.method("chars() -> [str]",
                "The characters of the string, each as a string of one character.",
                        (s, a) -> new Value.ListV(Conversions.chars(s)));
        ns.method("count(sub: str, start: int = 0, end: int = None) -> int",
                "How many times `sub` occurs in the string (or in `string[start:end]`), not overlapping.", (s, a) -> {
            String sub = a.str(0);
            String part = range(s, a, 1);
            if (sub.isEmpty()) {
                return new Value.Int(part.length() + 1);
            }
            int n = 0;
            for (int i = part.indexOf(sub); i >= 0; i = part.indexOf(sub, i + sub.length())) {
                n++;
            }
            return new Value.Int(n);
        });
        ns.method("startswith(prefix: str | [str], start: int = 0, end: int = None) -> bool",
                "Whether the string (or `string[start:end]`) starts with `prefix`, or with one of a list of "
                        + "prefixes.", (s, a) -> {
            String part = range(s, a, 1);
            Value p = a.get(0);
            if (p instanceof Value.ListV l) {
                return bool(l.items().stream().anyMatch(x -> part.startsWith(Values.toStr(x))));
            }
            return bool(part.startsWith(a.str(0)));
        });
        ns.method("endswith(suffix: str | [str], start: int = 0, end: int = None) -> bool",
                "Whether the string (or `string[start:end]`) ends with `suffix`, or with one of a list of suffixes.",
                        (s, a) -> {
            String part = range(s, a, 1);
            Value p = a.get(0);
            if (p instanceof Value.ListV l) {
                return bool(l.items().stream().anyMatch(x -> part.endsWith(Values.toStr(x))));
            }
            return bool(part.endsWith(a.str(0)));
        });
        ns.method("find(sub: str, start: int = 0, end: int = None) -> int",
                "The lowest index where `sub` occurs in `string[start:end]`, or -1.",
                        (s, a) -> new Value.Int(find(s, a, false)));
        ns.method("rfind(sub: str, start: int = 0, end: int = None) -> int",
                "The highest index where `sub` occurs in `string[start:end]`, or -1.",
                        (s, a) -> new Value.Int(find(s, a, true)));
        ns.method("index(sub: str, start: int = 0, end: int = None) -> int",
                "The lowest index where `sub` occurs in `string[start:end]`; an error when it does not occur.",
                        (s, a) -> {
            int i = find(s, a, false);
            if (i < 0) {
                throw a.bad("substring " + Values.repr(new Value.Str(a.str(0))) + " not found");
            }
            return new Value.Int(i);
        });
        ns.method("rindex(sub: str, start: int = 0, end: int = None) -> int",
                "The highest index where `sub` occurs in `string[start:end]`; an error when it does not occur.",
                        (s, a) -> {
            int i = find(s, a, true);
            if (i < 0) {
                throw a.bad("substring " + Values.repr(new Value.Str(a.str(0))) + " not found");
            }
            return new Value.Int(i);
        });
        ns.method("isalnum() -> bool",
                "Whether the string is not empty and every character is a letter or a digit.",
                        (s, a) -> bool(!s.isEmpty() && s.codePoints().allMatch(Character::isLetterOrDigit)));
        ns.method("isalpha() -> bool",
                "Whether the string is not empty and every character is a letter.",
                        (s, a) -> bool(!s.isEmpty() && s.codePoints().allMatch(Character::isLetter)));
        ns.method("isdigit() -> bool",
                "Whether the string is not empty and every character is a digit.",
                        (s, a) -> bool(!s.isEmpty() && s.codePoints().allMatch(Character::isDigit)));
        ns.method("isspace() -> bool",
                "Whether the string is not empty and every character is whitespace.",
                        (s, a) -> bool(!s.isEmpty() && s.codePoints().allMatch(Character::isWhitespace)));
        ns.method("islower() -> bool",
                "Whether the string has a letter and every letter is in lower case.",
                        (s, a) -> bool(s.codePoints().anyMatch(Character::isLetter)
                && s.equals(s.toLowerCase(java.util.Locale.ROOT))));
        ns.method("isupper() -> bool",
                "Whether the string has a letter and every letter is in upper case.",
                        (s, a) -> bool(s.codePoints().anyMatch(Character::isLetter)
                && s.equals(s.toUpperCase(java.util.Locale.ROOT))));
        ns.method("istitle() -> bool",
                "Whether the string has a letter and each word starts with an upper case letter followed by lower "
                        + "case ones.", (s, a) -> {
            boolean any = false;
            boolean prevCased = false;
            for (char c : s.toCharArray()) {
                if (Character.isUpperCase(c)) {
                    if (prevCased) {
                        return bool(false);
                    }
                    prevCased = true;
                    any = true;
                } else if (Character.isLowerCase(c)) {
                    if (!prevCased) {
                        return bool(false);
                    }
                } else {
                    prevCased = false;
                }
            }
            return bool(any);
        });
        ns.method("join(iterable: [str]) -> str",
                "The strings of the list joined, with this string between each two.", (s, a) -> {
            List<String> parts = new ArrayList<>();
            for (Value v : a.list(0)) {
                if (!(v instanceof Value.Str x)) {
                    throw a.bad("`join` expects a list of strings, found an element of type `" + Values.typeName(v) + "`");
                }
                parts.add(x.value());
            }
            return str(String.join(s, parts));
        });
        ns.method("strip(chars: str = None) -> str",
                "The string without leading and trailing whitespace, or without the characters of `chars`.",
                        (s, a) -> str(strip(s, a.optStr(0, null), true, true)));
        ns.method("lstrip(chars: str = None) -> str",
                "The string without leading whitespace, or without leading characters of `chars`.",
                        (s, a) -> str(strip(s, a.optStr(0, null), true, false)));
        ns.method("rstrip(chars: str = None) -> str",
                "The string without trailing whitespace, or without trailing characters of `chars`.",
                        (s, a) -> str(strip(s, a.optStr(0, null), false, true)));
        ns.method("replace(old: str, new: str, count: int = -1) -> str",
                "The string with occurrences of `old` replaced by `new`: all of them, or the first `count`.",
                        (s, a) -> {
            String old = a.str(0);
            String neu = a.str(1);
            Long count = a.optInt(2);
            if (count == null || count < 0) {
                return str(s.replace(old, neu));
            }
            StringBuilder sb = new StringBuilder();
            int from = 0;
            for (long n = 0; n < count; n++) {
                int i = s.indexOf(old, from);
                if (i < 0) {
                    break;
                }
                sb.append(s, from, i).append(neu);
                from = i + old.length();
                if (old.isEmpty()) {
                    if (from < s.length()) {
                        sb.append(s.charAt(from));
                    }
                    from++;
                }
            }
            if (from <= s.length()) {
                sb.append(s.substring(Math.min(from, s.length())));
            }
            return str(sb.toString());
        });
        ns.method("removeprefix(prefix: str) -> str",
                "The string without `prefix` at its start, if it starts with it.", (s, a) -> {
            String p = a.str(0);
            return str(s.startsWith(p) ? s.substring(p.length()) : s);
        });
        ns.method("removesuffix(suffix: str) -> str",
                "The string without `suffix` at its end, if it ends with it.", (s, a) -> {
            String p = a.str(0);
            return str(s.endsWith(p) && !p.isEmpty() ? s.substring(0, s.length() - p.length()) : s);
        });
        ns.method("split(sep: str = None, maxsplit: int = -1) -> [str]",
                "The parts of the string between occurrences of `sep` (between runs of whitespace without it), "
                        + "splitting at most `maxsplit` times from the start.", (s, a) -> split(s, a, false));
        ns.method("rsplit(sep: str = None, maxsplit: int = -1) -> [str]",
                "The parts of the string between occurrences of `sep` (between runs of whitespace without it), "
                        + "splitting at most `maxsplit` times from the end.", (s, a) -> split(s, a, true));
        ns.method("splitlines(keepends: bool = False) -> [str]",
                "The lines of the string, split at `\\n`, `\\r` and `\\r\\n`; with `keepends` each keeps its line "
                        + "break.", (s, a) -> {
            boolean keep = a.bool(0, false);
            List<Value> lines = new ArrayList<>();
            int start = 0;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '\n' || c == '\r') {
                    int end = i;
                    if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                        i++;
                    }
                    lines.add(str(s.substring(start, keep ? i + 1 : end)));
                    start = i + 1;
                }
            }
            if (start < s.length()) {
                lines.add(str(s.substring(start)));
            }
            return new Value.ListV(lines);
        });
        ns.method("partition(sep: str) -> [str]",
                "Three strings: the part before the first `sep`, `sep`, and the part after; the string and two "
                        + "empty strings when `sep` does not occur.", (s, a) -> {
            String sep = a.str(0);
            int i = s.indexOf(sep);
            return i < 0 ? new Value.ListV(List.of(str(s), str(""), str("")))
                    : new Value.ListV(List.of(str(s.substring(0, i)), str(sep), str(s.substring(i + sep.length()))));
        });
        ns.method("rpartition(sep: str) -> [str]",
                "Three strings: the part before the last `sep`, `sep`, and the part after; two empty strings and "
                        + "the string when `sep` does not occur.", (s, a) -> {
            String sep = a.str(0);
            int i = s.lastIndexOf(sep);
            return i < 0 ? new Value.ListV(List.of(str(""), str(""), str(s)))
                    : new Value.ListV(List.of(str(s.substring(0, i)), str(sep), str(s.substring(i + sep.length()))));
        });
        ns.method("zfill(width: int) -> str",
                "The string padded on the left with zeros to `width` characters, after its sign if it has one.",
                        (s, a) -> {
            int w = (int) a.integer(0);
            if (s.length() >= w) {
                return str(s);
            }
            String sign = s.startsWith("-") || s.startsWith("+") ? s.substring(0, 1) : "";
            return str(sign + "0".repeat(w - s.length()) + s.substring(sign.length()));
        });
        ns.method("center(width: int, fillchar: str = \" \") -> str",
                "The string centred in `width` characters, padded with `fillchar`.", (s, a) -> {
            int w = (int) a.integer(0);
            String fill = a.optStr(1, " ");
            if (s.length() >= w) {
                return str(s);
            }
            int total = w - s.length();
            int left = total / 2 + (total % 2 & w % 2);
            return str(fill.repeat(left) + s + fill.repeat(total - left));
        });
        ns.method("ljust(width: int, fillchar: str = \" \") -> str",
                "The string padded on the right with `fillchar` to `width` characters.", (s, a) -> {
            int w = (int) a.integer(0);
            return str(s + a.optStr(1, " ").repeat(Math.max(0, w - s.length())));
        });
        ns.method("rjust(width: int, fillchar: str = \" \") -> str",
                "The string padded on the left with `fillchar` to `width` characters.", (s, a) -> {
            int w = (int) a.integer(0);
            return str(a.optStr(1, " ").repeat(Math.max(0, w - s.length())) + s);
        });
        ns.method("format(*args, **kwargs) -> str",
                "The string with its `{}` fields replaced: `{}` and `{0}` by positional arguments, `{name}` by "
                        + "keyword arguments, with Python's format specifications such as `{:.2f}`.", Format::format);
    }

    private static String range(String s, Args a, int from) {
        Long start = a.optInt(from);
        Long end = a.optInt(from + 1);
        int n = s.length();
        int st = start == null ? 0 : (int) Math.max(0, Math.min(n, start < 0 ? start + n : start));
        int en = end == null ? n : (int) Math.max(0, Math.min(n, end < 0 ? end + n : end));
        return st >= en ? "" : s.substring(st, en);
    }

    private static int find(String s, Args a, boolean last) {
        String sub = a.str(0);
        Long start = a.optInt(1);
        Long end = a.optInt(2);
        int n = s.length();
        int st = start == null ? 0 : (int) Math.max(0, Math.min(n, start < 0 ? start + n : start));
        int en = end == null ? n : (int) Math.max(0, Math.min(n, end < 0 ? end + n : end));
        if (st > en) {
            return -1;
        }
        String part = s.substring(st, en);
        int i = last ? part.lastIndexOf(sub) : part.indexOf(sub);
        return i < 0 ? -1 : i + st;
    }

    private static String strip(String s, String chars, boolean left, boolean right) {
        int st = 0;
        int en = s.length();
        while (left && st < en && (chars == null ? Character.isWhitespace(s.charAt(st)) : chars.indexOf(s.charAt(st)) >= 0)) {
            st++;
        }
        while (right && en > st && (chars == null ? Character.isWhitespace(s.charAt(en - 1))
                : chars.indexOf(s.charAt(en - 1)) >= 0)) {
            en--;
        }
        return s.substring(st, en);
    }

    private static Value split(String s, Args a, boolean fromRight) {
        String sep = a.optStr(0, null);
        Long max = a.optInt(1);
        long limit = max == null || max < 0 ? Long.MAX_VALUE : max;
        List<String> parts = new ArrayList<>();
        if (sep == null) {
            String t = s.strip();
            if (!t.isEmpty()) {
                String[] words = t.split("\\s+");
                if (limit >= words.length) {
                    parts.addAll(List.of(words));
                } else if (!fromRight) {
                    String[] w = t.split("\\s+", (int) limit + 1);
                    parts.addAll(List.of(w));
                } else {
                    int keep = words.length - (int) limit;
                    parts.add(String.join(" ", List.of(words).subList(0, keep)));
                    parts.addAll(List.of(words).subList(keep, words.length));
                }
            }
        } else {
            if (sep.isEmpty()) {
                throw a.bad("empty separator");
            }
            if (!fromRight) {
                int from = 0;
                long n = 0;
                int i;
                while (n < limit && (i = s.indexOf(sep, from)) >= 0) {
                    parts.add(s.substring(from, i));
                    from = i + sep.length();
                    n++;
                }
                parts.add(s.substring(from));
            } else {
                int to = s.length();
                long n = 0;
                int i;
                while (n < limit && (i = s.lastIndexOf(sep, to - sep.length())) >= 0 && to - sep.length() >= 0) {
                    parts.add(0, s.substring(i + sep.length(), to));
                    to = i;
                    n++;
                }
                parts.add(0, s.substring(0, to));
            }
        }
        return new Value.ListV(parts.stream().map(p -> (Value) new Value.Str(p)).toList());
    }
}
