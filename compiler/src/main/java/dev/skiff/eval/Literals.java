package dev.skiff.eval;

import dev.skiff.diag.Code;
import dev.skiff.emit.YamlWriter;
import dev.skiff.eval.value.EvalException;
import dev.skiff.eval.value.Value;
import dev.skiff.syntax.Expr;
import dev.skiff.syntax.Multipliers;
import java.util.Map;

/** Number literals with their multipliers, and the text forms used by string interpolation. */
final class Literals {
    private Literals() {
    }

    static Value intLiteral(Expr.IntLit i) {
        if (i.suffix() == null) {
            return new Value.Int(i.value());
        }
        Number v = Multipliers.value(i);
        if (v == null) {
            throw unknown(i.suffix(), i);
        }
        return v instanceof Long l ? new Value.Int(l, i.value() + i.suffix())
                : new Value.Float(v.doubleValue(), i.value() + i.suffix());
    }

    static Value floatLiteral(Expr.FloatLit f) {
        if (f.suffix() == null) {
            return new Value.Float(f.value());
        }
        Double v = Multipliers.value(f);
        if (v == null) {
            throw unknown(f.suffix(), f);
        }
        return new Value.Float(v);
    }

    private static EvalException unknown(String suffix, Expr at) {
        return new EvalException(Code.E0105, at.span(), "unknown number multiplier `" + suffix + "`");
    }

    /** {@code ${v: #json}}: compact JSON with Python's separators. */
    static String json(Value v) {
        StringBuilder sb = new StringBuilder();
        json(v.toJava(), sb);
        return sb.toString();
    }

    private static void json(Object o, StringBuilder sb) {
        switch (o) {
            case null -> sb.append("null");
            case String s -> quoteJson(s, sb);
            case Double d -> sb.append(dev.skiff.eval.value.Values.formatFloat(d));
            case java.util.List<?> l -> {
                sb.append('[');
                for (int i = 0; i < l.size(); i++) {
                    sb.append(i == 0 ? "" : ", ");
                    json(l.get(i), sb);
                }
                sb.append(']');
            }
            case Map<?, ?> m -> {
                sb.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    sb.append(first ? "" : ", ");
                    first = false;
                    quoteJson(String.valueOf(e.getKey()), sb);
                    sb.append(": ");
                    json(e.getValue(), sb);
                }
                sb.append('}');
            }
            default -> sb.append(o);
        }
    }

    private static void quoteJson(String s, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    /** {@code ${v: #yaml}}: the value as a YAML document, without the trailing newline. */
    static String yaml(Value v) {
        Object data = v.toJava();
        String text = data instanceof Map<?, ?> || data instanceof java.util.List<?>
                ? YamlWriter.write(data) : YamlWriter.write(Map.of("v", data)).substring(3);
        return text;
    }
}
