package dev.skiff.eval.lib;

import dev.skiff.eval.value.Value;
import dev.skiff.eval.value.Values;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** {@code "{} {name:>8} {0:.2f}".format(...)}: Python's format mini-language, the parts KCL programs use. */
final class Format {
    private Format() {
    }

    static Value format(String template, Args a) {
        StringBuilder out = new StringBuilder();
        int auto = 0;
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c == '{' && i + 1 < template.length() && template.charAt(i + 1) == '{') {
                out.append('{');
                i += 2;
                continue;
            }
            if (c == '}' && i + 1 < template.length() && template.charAt(i + 1) == '}') {
                out.append('}');
                i += 2;
                continue;
            }
            if (c != '{') {
                out.append(c);
                i++;
                continue;
            }
            int close = template.indexOf('}', i);
            if (close < 0) {
                throw a.bad("single `{` in a format string");
            }
            String field = template.substring(i + 1, close);
            String spec = "";
            int colon = field.indexOf(':');
            if (colon >= 0) {
                spec = field.substring(colon + 1);
                field = field.substring(0, colon);
            }
            if (field.endsWith("!r") || field.endsWith("!s")) {
                field = field.substring(0, field.length() - 2);
            }
            Value v;
            if (field.isEmpty()) {
                v = positional(a, auto++);
            } else if (field.chars().allMatch(Character::isDigit)) {
                v = positional(a, Integer.parseInt(field));
            } else {
                String name = field;
                String attr = null;
                int dot = field.indexOf('.');
                if (dot > 0) {
                    name = field.substring(0, dot);
                    attr = field.substring(dot + 1);
                }
                v = a.extra().get(name);
                if (v == null) {
                    throw a.ctx().error(dev.skiff.diag.Code.E0305, dev.skiff.types.Calls.missing("`format`", name));
                }
                if (attr != null && Values.entries(v) != null) {
                    v = Values.entries(v).getOrDefault(attr, Value.None.NONE);
                }
            }
            out.append(apply(v, spec, a));
            i = close + 1;
        }
        return new Value.Str(out.toString());
    }

    /** The positional argument a field such as {@code {}} or {@code {1}} takes. */
    private static Value positional(Args a, int index) {
        if (index < a.rest().size()) {
            return a.rest().get(index);
        }
        throw a.ctx().error(dev.skiff.diag.Code.E0305, dev.skiff.types.Calls.missing("`format`", "#" + (index + 1)));
    }

    private static String apply(Value v, String spec, Args a) {
        if (spec.isEmpty()) {
            return Values.toStr(v);
        }
        int k = 0;
        char fill = ' ';
        char align = 0;
        if (spec.length() >= 2 && "<>^=".indexOf(spec.charAt(1)) >= 0) {
            fill = spec.charAt(0);
            align = spec.charAt(1);
            k = 2;
        } else if ("<>^=".indexOf(spec.charAt(0)) >= 0) {
            align = spec.charAt(0);
            k = 1;
        }
        char sign = '-';
        if (k < spec.length() && "+- ".indexOf(spec.charAt(k)) >= 0) {
            sign = spec.charAt(k++);
        }
        if (k < spec.length() && spec.charAt(k) == '0') {
            fill = '0';
            if (align == 0) {
                align = '=';
            }
            k++;
        }
        int width = 0;
        while (k < spec.length() && Character.isDigit(spec.charAt(k))) {
            width = width * 10 + (spec.charAt(k++) - '0');
        }
        boolean comma = k < spec.length() && spec.charAt(k) == ',';
        if (comma) {
            k++;
        }
        int precision = -1;
        if (k < spec.length() && spec.charAt(k) == '.') {
            k++;
            precision = 0;
            while (k < spec.length() && Character.isDigit(spec.charAt(k))) {
                precision = precision * 10 + (spec.charAt(k++) - '0');
            }
        }
        char type = k < spec.length() ? spec.charAt(k) : 0;
        String body;
        boolean numeric = Values.isNumber(v) && !(v instanceof Value.Bool && type == 0);
        switch (type) {
            case 'f', 'F', '%' -> {
                double d = Values.asDouble(v) * (type == '%' ? 100 : 1);
                body = new BigDecimal(d).setScale(precision < 0 ? 6 : precision, RoundingMode.HALF_EVEN).toPlainString()
                        + (type == '%' ? "%" : "");
            }
            case 'e', 'E' -> body = String.format(Locale.ROOT, "%." + (precision < 0 ? 6 : precision) + (type == 'e' ? "e" : "E"),
                    Values.asDouble(v)).replaceAll("e([+-])(\\d)$", "e$10$2");
            case 'd' -> body = Long.toString(asLong(v, a));
            case 'x' -> body = Long.toHexString(asLong(v, a));
            case 'X' -> body = Long.toHexString(asLong(v, a)).toUpperCase(Locale.ROOT);
            case 'o' -> body = Long.toOctalString(asLong(v, a));
            case 'b' -> body = Long.toBinaryString(asLong(v, a));
            case 's' -> body = Values.toStr(v);
            default -> {
                if (precision >= 0 && v instanceof Value.Float f) {
                    body = new BigDecimal(f.value()).round(new java.math.MathContext(Math.max(1, precision)))
                            .stripTrailingZeros().toPlainString();
                } else if (precision >= 0 && v instanceof Value.Str s) {
                    body = s.value().substring(0, Math.min(precision, s.value().length()));
                } else {
                    body = Values.toStr(v);
                }
            }
        }
        if (comma && numeric) {
            int dot = body.indexOf('.');
            String intPart = dot < 0 ? body : body.substring(0, dot);
            String rest = dot < 0 ? "" : body.substring(dot);
            boolean neg = intPart.startsWith("-");
            String digits = neg ? intPart.substring(1) : intPart;
            StringBuilder grouped = new StringBuilder();
            for (int i = 0; i < digits.length(); i++) {
                if (i > 0 && (digits.length() - i) % 3 == 0) {
                    grouped.append(',');
                }
                grouped.append(digits.charAt(i));
            }
            body = (neg ? "-" : "") + grouped + rest;
        }
        if (numeric && sign != '-' && !body.startsWith("-")) {
            body = sign + body;
        }
        if (body.length() >= width) {
            return body;
        }
        int pad = width - body.length();
        if (align == 0) {
            align = numeric ? '>' : '<';
        }
        String f = String.valueOf(fill);
        return switch (align) {
            case '<' -> body + f.repeat(pad);
            case '^' -> f.repeat(pad / 2) + body + f.repeat(pad - pad / 2);
            case '=' -> body.startsWith("-") || body.startsWith("+")
                    ? body.charAt(0) + f.repeat(pad) + body.substring(1) : f.repeat(pad) + body;
            default -> f.repeat(pad) + body;
        };
    }

    private static long asLong(Value v, Args a) {
        if (v instanceof Value.Int i) {
            return i.value();
        }
        if (v instanceof Value.Bool b) {
            return b.value() ? 1 : 0;
        }
        throw a.bad("format code for integers used with `" + Values.typeName(v) + "`");
    }
}
