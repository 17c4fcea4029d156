package dev.skiff.eval.value;

import dev.skiff.emit.YamlWriter;
import java.util.List;
import java.util.Map;

/**
 * Writes values as YAML straight from the evaluator's values, with exactly the text {@link YamlWriter} writes
 * for their plain Java data ({@link Value#toJava()}, or {@code Values.toJavaWithPrivate} when private keys are
 * kept), but without making that data first: for a large output, the Java maps were a whole extra copy of it.
 * What the Java data leaves out (Undefined, functions, types, modules, and private keys unless kept) is skipped
 * here too, and a dict or list with nothing left is written as {@code {}} or {@code []}.
 */
public final class ValueYaml {
    private final boolean keepPrivate;
    private final StringBuilder sb;

    private ValueYaml(boolean keepPrivate, StringBuilder sb) {
        this.keepPrivate = keepPrivate;
        this.sb = sb;
    }

    /** One document: {@code YamlWriter.write(v.toJava())}, or of {@code toJavaWithPrivate(v)} with {@code keepPrivate}. */
    public static String write(Value v, boolean keepPrivate) {
        StringBuilder sb = new StringBuilder();
        new ValueYaml(keepPrivate, sb).document(v);
        return sb.toString();
    }

    /** Documents separated by {@code ---}: {@code YamlWriter.writeStream} of each one's data. */
    public static String writeStream(List<Value> documents, boolean keepPrivate) {
        StringBuilder sb = new StringBuilder();
        ValueYaml w = new ValueYaml(keepPrivate, sb);
        for (int i = 0; i < documents.size(); i++) {
            if (i > 0) {
                sb.append("---\n");
            }
            w.document(documents.get(i));
        }
        return sb.toString();
    }

    private void document(Value v) {
        Map<String, Value> entries = entriesOf(v);
        if (entries != null && hasEntries(entries)) {
            mapping(entries, 0);
        } else if (v instanceof Value.ListV l && hasItems(l)) {
            sequence(l, 0);
        } else {
            scalarLine(v, 0);
        }
    }

    private static Map<String, Value> entriesOf(Value v) {
        Map<String, Value> e = Values.entries(v);
        return e == null ? null : Values.present(e);
    }

    private boolean written(String key, Value v) {
        return Value.isEmitted(v) && (keepPrivate || !key.startsWith("_"));
    }

    private boolean hasEntries(Map<String, Value> entries) {
        for (Map.Entry<String, Value> e : entries.entrySet()) {
            if (written(e.getKey(), e.getValue())) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasItems(Value.ListV l) {
        for (Value x : l.items()) {
            if (Value.isEmitted(x)) {
                return true;
            }
        }
        return false;
    }

    private void mapping(Map<String, Value> m, int indent) {
        boolean first = true;
        for (Map.Entry<String, Value> e : m.entrySet()) {
            if (!written(e.getKey(), e.getValue())) {
                continue;
            }
            if (!first) {
                YamlWriter.indent(indent, sb);
            }
            first = false;
            YamlWriter.appendKey(e.getKey(), sb);
            value(e.getValue(), indent);
        }
    }

    /** A value after {@code key:}; block collections go on the following lines. */
    private void value(Value v, int indent) {
        Map<String, Value> entries = entriesOf(v);
        if (entries != null && hasEntries(entries)) {
            sb.append('\n');
            YamlWriter.indent(indent + 2, sb);
            mapping(entries, indent + 2);
        } else if (v instanceof Value.ListV l && hasItems(l)) {
            sb.append('\n');
            YamlWriter.indent(indent, sb);
            sequence(l, indent);
        } else {
            sb.append(' ');
            scalarLine(v, indent);
        }
    }

    private void sequence(Value.ListV l, int indent) {
        boolean first = true;
        for (Value item : l.items()) {
            if (!Value.isEmitted(item)) {
                continue;
            }
            if (!first) {
                YamlWriter.indent(indent, sb);
            }
            first = false;
            sb.append("- ");
            Map<String, Value> entries = entriesOf(item);
            if (entries != null && hasEntries(entries)) {
                mapping(entries, indent + 2);
            } else if (item instanceof Value.ListV inner && hasItems(inner)) {
                sequence(inner, indent + 2);
            } else {
                scalarLine(item, indent);
            }
        }
    }

    /** A scalar (or an empty collection) and its line end, as {@code YamlWriter} writes its Java form. */
    private void scalarLine(Value v, int indent) {
        switch (v) {
            case Value.Str s -> {
                YamlWriter.appendStringLine(s.value(), indent, sb);
                return;
            }
            case Value.Int i -> sb.append(i.value());
            case Value.Float f -> sb.append(YamlWriter.doubleText(f.value()));
            case Value.Bool b -> sb.append(b.value() ? "true" : "false");
            case Value.DictV d -> sb.append("{}");
            case Value.SchemaV s -> sb.append("{}");
            case Value.ListV l -> sb.append("[]");
            default -> sb.append("null"); // None, and what has no plain form (Undefined, functions, types)
        }
        sb.append('\n');
    }
}
