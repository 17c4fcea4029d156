package dev.skiff.eval.lib.template;

import dev.skiff.emit.FloatText;
import dev.skiff.eval.lib.template.Node.Expr;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a template tree over plain data (maps, lists, strings, numbers, booleans, null) with Handlebars'
 * semantics as the Rust {@code handlebars} crate that KCL uses has them: a missing value renders as nothing, a
 * list as {@code [a, b]}, a dict as {@code [object]}; the block helpers are {@code if}, {@code unless},
 * {@code each} and {@code with}, the others {@code eq ne gt gte lt lte and or not len lookup raw}.
 */
final class TemplateRenderer {
    private static final List<String> HELPERS = List.of("eq", "ne", "gt", "gte", "lt", "lte", "and", "or", "not",
            "len", "lookup", "raw");

    /** One level of context: the value {@code this} names, and the data variables its block set. */
    private record Frame(Object value, Map<String, Object> data) {
    }

    private final String source;
    private final List<Frame> frames = new ArrayList<>();
    private final StringBuilder out = new StringBuilder();

    private TemplateRenderer(String source) {
        this.source = source;
    }

    static String render(List<Node> nodes, Object data, String source) throws TemplateException {
        TemplateRenderer r = new TemplateRenderer(source);
        r.frames.add(new Frame(data, Map.of()));
        r.nodes(nodes);
        return r.out.toString();
    }

    private TemplateException error(String message, int offset) {
        return new TemplateException(message, source, offset);
    }

    private void nodes(List<Node> nodes) throws TemplateException {
        for (Node n : nodes) {
            switch (n) {
                case Node.Text t -> out.append(t.text());
                case Node.Output o -> output(o);
                case Node.Block b -> block(b);
            }
        }
    }

    private void output(Node.Output o) throws TemplateException {
        boolean escape = o.escape();
        Object value;
        if (o.expr() instanceof Expr.Call c && c.helper().equals("raw")) {
            value = single(c);
            escape = false;
        } else {
            value = eval(o.expr());
        }
        String text = text(value);
        out.append(escape ? Template.htmlEscape(text) : text);
    }

    // ---------------------------------------------------------------- blocks

    private void block(Node.Block b) throws TemplateException {
        Expr.Call c = b.open();
        switch (c.helper()) {
            case "if" -> {
                Object v = single(c);
                Expr zero = c.hash().get("includeZero");
                boolean includeZero = zero != null && truthy(eval(zero), false);
                nodes(truthy(v, includeZero) ? b.body() : b.inverse());
            }
            case "unless" -> nodes(truthy(single(c), false) ? b.inverse() : b.body());
            case "with" -> {
                Object v = single(c);
                if (truthy(v, false)) {
                    inFrame(new Frame(v, Map.of()), b.body());
                } else {
                    nodes(b.inverse());
                }
            }
            case "each" -> each(c, single(c), b);
            default -> throw error("`{{#" + c.helper() + "}}` is not a block helper; the blocks are `if`, `unless`, "
                    + "`each` and `with`", b.offset());
        }
    }

    private void each(Expr.Call c, Object v, Node.Block b) throws TemplateException {
        if (v instanceof List<?> l && !l.isEmpty()) {
            for (int i = 0; i < l.size(); i++) {
                inFrame(new Frame(l.get(i), position(i, l.size(), null)), b.body());
            }
        } else if (v instanceof Map<?, ?> m && !m.isEmpty()) {
            int i = 0;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                inFrame(new Frame(e.getValue(), position(i++, m.size(), String.valueOf(e.getKey()))), b.body());
            }
        } else if (!truthy(v, false)) {
            nodes(b.inverse());
        } else {
            throw error("`{{#each}}` needs a list or a dict, found " + kind(v), c.offset());
        }
    }

    private static Map<String, Object> position(int index, int size, String key) {
        Map<String, Object> data = new HashMap<>();
        data.put("index", (long) index);
        data.put("first", index == 0);
        data.put("last", index == size - 1);
        if (key != null) {
            data.put("key", key);
        }
        return data;
    }

    private void inFrame(Frame f, List<Node> body) throws TemplateException {
        frames.add(f);
        try {
            nodes(body);
        } finally {
            frames.remove(frames.size() - 1);
        }
    }

    /** The one argument of a helper that takes one. */
    private Object single(Expr.Call c) throws TemplateException {
        if (c.args().size() != 1) {
            String example = switch (c.helper()) {
                case "each" -> "items";
                case "with" -> "settings";
                default -> "ready";
            };
            throw error("`" + c.helper() + "` takes one value, as in `{{#" + c.helper() + " " + example + "}}`; "
                    + c.args().size() + " given", c.offset());
        }
        return eval(c.args().get(0));
    }

    // ---------------------------------------------------------------- values

    private Object eval(Expr e) throws TemplateException {
        return switch (e) {
            case Expr.Literal l -> l.value();
            case Expr.Path p -> lookup(p);
            case Expr.Call c -> helper(c);
        };
    }

    private Object lookup(Expr.Path p) {
        List<String> segments = p.segments();
        Object v;
        if (p.data()) {
            if (segments.isEmpty()) {
                return null;
            }
            String name = segments.get(0);
            v = name.equals("root") ? frames.get(0).value() : dataVariable(name);
            segments = segments.subList(1, segments.size());
        } else {
            int at = frames.size() - 1 - p.up();
            if (at < 0) {
                return null;
            }
            v = frames.get(at).value();
        }
        for (String s : segments) {
            v = member(v, s);
        }
        return v;
    }

    private Object dataVariable(String name) {
        for (int i = frames.size() - 1; i >= 0; i--) {
            if (frames.get(i).data().containsKey(name)) {
                return frames.get(i).data().get(name);
            }
        }
        return null;
    }

    private static Object member(Object v, String name) {
        if (v instanceof Map<?, ?> m) {
            return m.get(name);
        }
        if (v instanceof List<?> l && name.matches("\\d{1,9}")) {
            int i = Integer.parseInt(name);
            return i < l.size() ? l.get(i) : null;
        }
        return null;
    }

    private Object helper(Expr.Call c) throws TemplateException {
        List<Object> args = new ArrayList<>();
        for (Expr a : c.args()) {
            args.add(eval(a));
        }
        return switch (c.helper()) {
            case "eq" -> equal(arg(c, args, 0), arg(c, args, 1));
            case "ne" -> !equal(arg(c, args, 0), arg(c, args, 1));
            case "gt" -> compare(c, args) > 0;
            case "gte" -> compare(c, args) >= 0;
            case "lt" -> compare(c, args) < 0;
            case "lte" -> compare(c, args) <= 0;
            case "and" -> args.stream().allMatch(a -> truthy(a, false));
            case "or" -> args.stream().anyMatch(a -> truthy(a, false));
            case "not" -> !truthy(arg(c, args, 0), false);
            case "len" -> length(c, arg(c, args, 0));
            case "lookup" -> member(arg(c, args, 0), text(arg(c, args, 1)));
            case "raw" -> arg(c, args, 0);
            default -> throw error("unknown helper `" + c.helper() + "`; the helpers are " + String.join(", ", HELPERS)
                    + ", and the blocks `if`, `unless`, `each`, `with`", c.offset());
        };
    }

    private Object arg(Expr.Call c, List<Object> args, int index) throws TemplateException {
        if (index >= args.size()) {
            throw error("`" + c.helper() + "` is missing its value number " + (index + 1), c.offset());
        }
        return args.get(index);
    }

    private static boolean equal(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return x.doubleValue() == y.doubleValue();
        }
        return a == null ? b == null : a.equals(b);
    }

    private int compare(Expr.Call c, List<Object> args) throws TemplateException {
        Object a = arg(c, args, 0);
        Object b = arg(c, args, 1);
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        if (a instanceof String x && b instanceof String y) {
            return x.compareTo(y);
        }
        throw error("`" + c.helper() + "` compares two numbers or two strings, found " + kind(a) + " and " + kind(b),
                c.offset());
    }

    private long length(Expr.Call c, Object v) throws TemplateException {
        return switch (v) {
            case List<?> l -> l.size();
            case Map<?, ?> m -> m.size();
            case String s -> s.codePointCount(0, s.length());
            default -> throw error("`len` needs a list, a dict or a string, found " + kind(v), c.offset());
        };
    }

    /** Handlebars' truth: false, 0, null, "" and empty lists and dicts are false ({@code includeZero} keeps 0). */
    static boolean truthy(Object v, boolean includeZero) {
        return switch (v) {
            case null -> false;
            case Boolean b -> b;
            case Number n -> !Double.isNaN(n.doubleValue()) && (includeZero || n.doubleValue() != 0);
            case String s -> !s.isEmpty();
            case List<?> l -> !l.isEmpty();
            case Map<?, ?> m -> !m.isEmpty();
            default -> true;
        };
    }

    /** A value as Handlebars writes it. */
    static String text(Object v) {
        return switch (v) {
            case null -> "";
            case String s -> s;
            case Double d -> FloatText.format(d);
            case List<?> l -> {
                List<String> items = new ArrayList<>();
                for (Object x : l) {
                    items.add(text(x));
                }
                yield "[" + String.join(", ", items) + "]";
            }
            case Map<?, ?> m -> "[object]";
            default -> String.valueOf(v);
        };
    }

    private static String kind(Object v) {
        return switch (v) {
            case null -> "null";
            case String s -> "a string";
            case Boolean b -> "a bool";
            case Number n -> "a number";
            case List<?> l -> "a list";
            case Map<?, ?> m -> "a dict";
            default -> "a value";
        };
    }
}
