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

    private static void method(Map<String, Value.Func> out, String name, BiFunction<String, Args, Value> body) {
        out.put(name, new Value.Func(name, (ctx, args, kwargs) -> {
            String self = ((Value.Str) args.get(0)).value();
            try {
                return body.apply(self, new Args(ctx, name, args.subList(1, args.size()), kwargs));
            } catch (EvalException e) {
                throw e;
            } catch (RuntimeException e) {
                if (e instanceof java.util.concurrent.CancellationException c) {
                    throw c; // an editor's stale compile stopping, not a failure of the call
                }
                throw ctx.error(Code.E0507, "`str." + name + "` failed: " + e.getMessage());
            }
        }));
    }

    private static Value str(String s) {
        return new Value.Str(s);
    }

    private static Value bool(boolean b) {
        return Value.Bool.of(b);
    }

    static void register(Map<String, Value.Func> out) {
        method(out, "upper", (s, a) -> str(s.toUpperCase(java.util.Locale.ROOT)));
        method(out, "lower", (s, a) -> str(s.toLowerCase(java.util.Locale.ROOT)));
        method(out, "capitalize", (s, a) -> str(s.isEmpty() ? s
                : s.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + s.substring(1).toLowerCase(java.util.Locale.ROOT)));
        method(out, "title", (s, a) -> {
            StringBuilder sb = new StringBuilder();
            boolean start = true;
            for (char c : s.toCharArray()) {
                sb.append(start ? Character.toUpperCase(c) : Character.toLowerCase(c));
                start = !Character.isLetter(c);
            }
            return str(sb.toString());
        });
        method(out, "swapcase", (s, a) -> {
            StringBuilder sb = new StringBuilder();
            for (char c : s.toCharArray()) {
                sb.append(Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
            }
            return str(sb.toString());
        });
        method(out, "chars", (s, a) -> new Value.ListV(Conversions.chars(s)));
        method(out, "count", (s, a) -> {
            String sub = a.str(0, "sub");
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
        method(out, "startswith", (s, a) -> {
            String part = range(s, a, 1);
            Value p = a.get(0, "prefix");
            if (p instanceof Value.ListV l) {
                return bool(l.items().stream().anyMatch(x -> part.startsWith(Values.toStr(x))));
            }
            return bool(part.startsWith(a.str(0, "prefix")));
        });
        method(out, "endswith", (s, a) -> {
            String part = range(s, a, 1);
            Value p = a.get(0, "suffix");
            if (p instanceof Value.ListV l) {
                return bool(l.items().stream().anyMatch(x -> part.endsWith(Values.toStr(x))));
            }
            return bool(part.endsWith(a.str(0, "suffix")));
        });
        method(out, "find", (s, a) -> new Value.Int(find(s, a, false)));
        method(out, "rfind", (s, a) -> new Value.Int(find(s, a, true)));
        method(out, "index", (s, a) -> {
            int i = find(s, a, false);
            if (i < 0) {
                throw a.bad("substring " + Values.repr(new Value.Str(a.str(0, "sub"))) + " not found");
            }
            return new Value.Int(i);
        });
        method(out, "rindex", (s, a) -> {
            int i = find(s, a, true);
            if (i < 0) {
                throw a.bad("substring " + Values.repr(new Value.Str(a.str(0, "sub"))) + " not found");
            }
            return new Value.Int(i);
        });
        method(out, "isalnum", (s, a) -> bool(!s.isEmpty() && s.codePoints().allMatch(Character::isLetterOrDigit)));
        method(out, "isalpha", (s, a) -> bool(!s.isEmpty() && s.codePoints().allMatch(Character::isLetter)));
        method(out, "isdigit", (s, a) -> bool(!s.isEmpty() && s.codePoints().allMatch(Character::isDigit)));
        method(out, "isspace", (s, a) -> bool(!s.isEmpty() && s.codePoints().allMatch(Character::isWhitespace)));
        method(out, "islower", (s, a) -> bool(s.codePoints().anyMatch(Character::isLetter)
                && s.equals(s.toLowerCase(java.util.Locale.ROOT))));
        method(out, "isupper", (s, a) -> bool(s.codePoints().anyMatch(Character::isLetter)
                && s.equals(s.toUpperCase(java.util.Locale.ROOT))));
        method(out, "istitle", (s, a) -> {
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
        method(out, "join", (s, a) -> {
            List<String> parts = new ArrayList<>();
            for (Value v : a.list(0, "iterable")) {
                if (!(v instanceof Value.Str x)) {
                    throw a.bad("`join` expects a list of strings, found an element of type `" + Values.typeName(v) + "`");
                }
                parts.add(x.value());
            }
            return str(String.join(s, parts));
        });
        method(out, "strip", (s, a) -> str(strip(s, a.optStr(0, "chars", null), true, true)));
        method(out, "lstrip", (s, a) -> str(strip(s, a.optStr(0, "chars", null), true, false)));
        method(out, "rstrip", (s, a) -> str(strip(s, a.optStr(0, "chars", null), false, true)));
        method(out, "replace", (s, a) -> {
            String old = a.str(0, "old");
            String neu = a.str(1, "new");
            Long count = a.optInt(2, "count");
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
        method(out, "removeprefix", (s, a) -> {
            String p = a.str(0, "prefix");
            return str(s.startsWith(p) ? s.substring(p.length()) : s);
        });
        method(out, "removesuffix", (s, a) -> {
            String p = a.str(0, "suffix");
            return str(s.endsWith(p) && !p.isEmpty() ? s.substring(0, s.length() - p.length()) : s);
        });
        method(out, "split", (s, a) -> split(s, a, false));
        method(out, "rsplit", (s, a) -> split(s, a, true));
        method(out, "splitlines", (s, a) -> {
            boolean keep = a.bool(0, "keepends", false);
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
        method(out, "partition", (s, a) -> {
            String sep = a.str(0, "sep");
            int i = s.indexOf(sep);
            return i < 0 ? new Value.ListV(List.of(str(s), str(""), str("")))
                    : new Value.ListV(List.of(str(s.substring(0, i)), str(sep), str(s.substring(i + sep.length()))));
        });
        method(out, "rpartition", (s, a) -> {
            String sep = a.str(0, "sep");
            int i = s.lastIndexOf(sep);
            return i < 0 ? new Value.ListV(List.of(str(""), str(""), str(s)))
                    : new Value.ListV(List.of(str(s.substring(0, i)), str(sep), str(s.substring(i + sep.length()))));
        });
        method(out, "zfill", (s, a) -> {
            int w = (int) a.integer(0, "width");
            if (s.length() >= w) {
                return str(s);
            }
            String sign = s.startsWith("-") || s.startsWith("+") ? s.substring(0, 1) : "";
            return str(sign + "0".repeat(w - s.length()) + s.substring(sign.length()));
        });
        method(out, "center", (s, a) -> {
            int w = (int) a.integer(0, "width");
            String fill = a.optStr(1, "fillchar", " ");
            if (s.length() >= w) {
                return str(s);
            }
            int total = w - s.length();
            int left = total / 2 + (total % 2 & w % 2);
            return str(fill.repeat(left) + s + fill.repeat(total - left));
        });
        method(out, "ljust", (s, a) -> {
            int w = (int) a.integer(0, "width");
            return str(s + a.optStr(1, "fillchar", " ").repeat(Math.max(0, w - s.length())));
        });
        method(out, "rjust", (s, a) -> {
            int w = (int) a.integer(0, "width");
            return str(a.optStr(1, "fillchar", " ").repeat(Math.max(0, w - s.length())) + s);
        });
        method(out, "format", Format::format);
    }

    private static String range(String s, Args a, int from) {
        Long start = a.optInt(from, "start");
        Long end = a.optInt(from + 1, "end");
        int n = s.length();
        int st = start == null ? 0 : (int) Math.max(0, Math.min(n, start < 0 ? start + n : start));
        int en = end == null ? n : (int) Math.max(0, Math.min(n, end < 0 ? end + n : end));
        return st >= en ? "" : s.substring(st, en);
    }

    private static int find(String s, Args a, boolean last) {
        String sub = a.str(0, "sub");
        Long start = a.optInt(1, "start");
        Long end = a.optInt(2, "end");
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
        String sep = a.optStr(0, "sep", null);
        Long max = a.optInt(1, "maxsplit");
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
