package dev.skiff.eval;

import dev.skiff.diag.Code;
import dev.skiff.diag.Diagnostic;
import dev.skiff.diag.Result;
import dev.skiff.eval.value.EvalException;
import dev.skiff.eval.value.Value;
import dev.skiff.syntax.SourceUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates a program: the main module's files in order, imports on demand. The output is every public
 * top-level name in the order first bound, as {@code kcl run} prints it.
 */
public final class Evaluator {
    /**
     * What a program produces.
     *
     * @param document the top-level names and their values
     * @param stream   documents chosen with {@code manifests.yaml_stream}, or null
     * @param k8sVersion the Kubernetes version the program was typed against (null: the newest)
     * @param crds     the CRD files it could use
     */
    public record Output(Value document, List<Value> stream, String k8sVersion, List<java.nio.file.Path> crds) {
    }

    private final EvalOptions options;

    public Evaluator(EvalOptions options) {
        this.options = options;
    }

    /** A top-level expression's value joins the output: configs unify with it, a lone scalar replaces it. */
    private static Value join(Value document, ModuleState.Output o) {
        Map<String, Value> entries = dev.skiff.eval.value.Values.entries(document);
        if (dev.skiff.eval.value.Values.entries(o.value()) != null && entries != null) {
            return Merge.unify(document, o.value(), o.span(), "");
        }
        if (entries != null && entries.isEmpty()) {
            return o.value();
        }
        if (dev.skiff.eval.value.Values.equal(document, o.value())) {
            return document;
        }
        throw new EvalException(Code.E0503, o.span(), "conflicting values for the output: "
                + describe(document) + " and " + dev.skiff.eval.value.Values.repr(o.value()));
    }

    private static String describe(Value v) {
        return dev.skiff.eval.value.Values.entries(v) != null ? "{...}" : dev.skiff.eval.value.Values.repr(v);
    }

    /**
     * Evaluates a program whose names are resolved and whose types are known ({@code types} was made from
     * {@code program}'s bindings).
     */
    public Result<Output> evaluate(dev.skiff.modules.Program program, dev.skiff.types.SchemaTypes types) {
        List<SourceUnit> units = program.main().units();
        Interpreter in = new Interpreter(options, program, types);
        ModuleState main = new ModuleState("__main__");
        List<Diagnostic> diagnostics = new ArrayList<>();
        try {
            in.modules.enter(main);
            units.forEach(u -> in.mainFiles.add(u.file()));
            in.statements.execModule(units, main);
            main.done = true;
            Map<String, Value> out = new LinkedHashMap<>();
            for (Map.Entry<String, Env.Binding> e : main.globals.vars.entrySet()) {
                if (e.getKey().startsWith("_")) {
                    continue;
                }
                Value v = in.valueOf(e.getValue());
                if (Value.isEmitted(v)) {
                    out.put(e.getKey(), v);
                }
            }
            for (Map.Entry<String, Value> e : out.entrySet()) {
                in.schemas.requireComplete(e.getValue(), main.globals.vars.get(e.getKey()).declared);
            }
            Value document = new Value.DictV(out);
            for (ModuleState.Output o : main.expressionOutputs) {
                in.schemas.requireComplete(o.value(), o.span());
                document = join(document, o);
            }
            if (in.outputStream != null) {
                in.outputStream.forEach(doc -> in.schemas.requireComplete(doc, null));
            }
            diagnostics.addAll(in.modules.diagnostics);
            return Result.of(new Output(document, in.outputStream, options.k8sVersion(), options.crds()), diagnostics);
        } catch (EvalException e) {
            diagnostics.addAll(in.modules.diagnostics);
            diagnostics.add(e.diagnostic());
            return Result.failed(diagnostics);
        } catch (StackOverflowError e) {
            diagnostics.add(Diagnostic.error(Code.E0506, in.statement, "the program nests or recurses too deeply to evaluate")
                    .withHint("look for a function or schema default that refers to itself"));
            return Result.failed(diagnostics);
        }
    }
}
