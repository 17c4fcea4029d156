package dev.skiff.validate;

import dev.skiff.diag.Code;
import dev.skiff.diag.Diagnostic;
import dev.skiff.eval.value.Value;
import dev.skiff.eval.value.Values;
import dev.skiff.source.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Objects that name the same object of a cluster: the same API group (any version), kind, namespace and name.
 * Applied together, the last would replace the others without a word, so each repeat is an {@link Code#E0416}
 * at its {@code metadata.name}, labelled with the first.
 */
public final class Duplicates {
    private static final FieldPath NAME = FieldPath.ROOT.key("metadata").key("name");

    private Duplicates() {
    }

    /** Every repeat among {@code objects}, in order. */
    public static List<Finding> among(List<Manifest> objects) {
        Map<String, Manifest> seen = new HashMap<>();
        List<Finding> out = new ArrayList<>();
        for (Manifest m : objects) {
            if (m.name() == null) {
                continue;
            }
            String av = m.apiVersion();
            String group = av.contains("/") ? av.substring(0, av.indexOf('/')) : "";
            String ns = m.namespace() == null ? "" : m.namespace();
            Manifest first = seen.putIfAbsent(group + "|" + m.kind() + "|" + ns + "|" + m.name(), m);
            if (first == null) {
                continue;
            }
            String what = m.kind() + " `" + (ns.isEmpty() ? "" : ns + "/") + m.name() + "`";
            Diagnostic d = Diagnostic.error(Code.E0416, nameSpan(m.value()),
                    what + " is emitted twice: applied together, one would replace the other");
            Span earlier = nameSpan(first.value());
            d = (earlier == null ? d : d.withLabel(earlier, "first emitted here"))
                    .withHint("give the objects different names or namespaces, or emit the object once");
            out.add(new Finding(d, m, NAME));
        }
        return out;
    }

    /** Where {@code metadata.name} was written, else {@code metadata}, else {@code kind}. */
    private static Span nameSpan(Value object) {
        Span kind = Validator.spanOf(object, "kind", null);
        Span meta = Validator.spanOf(object, "metadata", kind);
        Map<String, Value> entries = Values.entries(object);
        Value metadata = entries == null ? null : entries.get("metadata");
        return metadata == null ? meta : Validator.spanOf(metadata, "name", meta);
    }
}
