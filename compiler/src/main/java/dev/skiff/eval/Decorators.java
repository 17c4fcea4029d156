package dev.skiff.eval;

import dev.skiff.diag.Code;
import dev.skiff.diag.Diagnostic;
import dev.skiff.eval.value.EvalException;
import dev.skiff.eval.value.Value;
import dev.skiff.eval.value.Values;
import dev.skiff.source.Span;
import dev.skiff.syntax.Expr;
import dev.skiff.syntax.Node;
import java.util.List;
import java.util.Map;

/**
 * KCL's decorators on schemas and attributes: {@code @deprecated(version, reason, strict)} makes using the
 * schema, or setting the attribute in a config, an error (or with {@code strict=False} a warning);
 * {@code @info(...)} only documents. (The parser reports any other name.)
 */
final class Decorators {
    private final Interpreter in;

    Decorators(Interpreter in) {
        this.in = in;
    }

    /** Using {@code what} (a schema or attribute) here: applies its {@code @deprecated}, if any. */
    void used(List<Node.Decorator> decorators, String what, Env env, Span at) {
        for (Node.Decorator d : decorators) {
            if (!(d.name() instanceof Expr.Name n) || !n.id().equals("deprecated")) {
                continue;
            }
            String version = "";
            String reason = "";
            boolean strict = true;
            List<String> positional = List.of("version", "reason", "strict");
            for (int i = 0; i < d.args().size() && i < positional.size(); i++) {
                Value v = in.eval(d.args().get(i), env);
                switch (positional.get(i)) {
                    case "version" -> version = Values.toStr(v);
                    case "reason" -> reason = Values.toStr(v);
                    default -> strict = Values.truthy(v);
                }
            }
            for (Node.Keyword k : d.keywords()) {
                Value v = in.eval(k.value(), env);
                switch (k.name().id()) {
                    case "version" -> version = Values.toStr(v);
                    case "reason" -> reason = Values.toStr(v);
                    case "strict" -> strict = Values.truthy(v);
                    default -> throw new EvalException(Code.E0305, k.name().span(), "`@deprecated` has no argument `"
                            + k.name().id() + "`; it takes version, reason and strict");
                }
            }
            String message = "`" + what + "` was deprecated" + (version.isEmpty() ? "" : " since version " + version)
                    + (reason.isEmpty() ? "" : ", " + reason);
            if (strict) {
                throw new EvalException(Diagnostic.error(Code.E0513, at, message)
                        .withLabel(d.span(), "deprecated here"));
            }
            in.modules.diagnostics.add(Diagnostic.warning(Code.E0513, at, message).withLabel(d.span(), "deprecated here"));
        }
    }

    /** The config of an instance sets deprecated attributes: report each one it sets. */
    void configSets(SchemaDef def, Map<String, Value> config, Map<String, Span> spans, Env env, Span instance) {
        for (String key : config.keySet()) {
            dev.skiff.types.SchemaType.Attribute attr = def.attrs().get(key);
            if (attr == null) {
                continue;
            }
            for (var decl : attr.decls()) {
                used(decl.decorators(), key, env, spans.getOrDefault(key, instance));
            }
        }
    }
}
