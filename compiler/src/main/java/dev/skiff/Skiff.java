package dev.skiff;

import dev.skiff.diag.Code;
import dev.skiff.diag.Diagnostic;
import dev.skiff.diag.Result;
import dev.skiff.eval.EvalOptions;
import dev.skiff.eval.Evaluator;
import dev.skiff.eval.Limits;
import dev.skiff.eval.value.Value;
import dev.skiff.modules.Project;
import dev.skiff.modules.ProjectResolver;
import dev.skiff.syntax.SourceUnit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The library entry point: compile Skiff programs from Java. Every stage's diagnostics are collected;
 * nothing a user writes makes this throw. A failure inside Skiff itself becomes an {@link Code#E0901}
 * diagnostic (the exception is kept in {@link Compilation#internal()} for debugging).
 *
 * <pre>{@code
 * Compilation c = Skiff.compile(CompileRequest.of(Path.of("main.k")));
 * if (!c.hasErrors()) System.out.print(c.yaml());
 * }</pre>
 */
public final class Skiff {
    private Skiff() {
    }

    /**
     * Stack for the compiling thread. Deep but legal programs (200 nested brackets, 1,000 nested calls, 2,000
     * levels of operators) run in 4 MiB; the limits on nesting ({@code Parser}, {@code Interpreter}) keep
     * what a program can reach within this. It bounds what one compilation can take outside the heap: a
     * stack overflow commits the whole stack, which a 1 GiB stack made a gigabyte per compilation.
     */
    private static final long STACK_BYTES = 64L << 20;

    public static Compilation compile(CompileRequest request) {
        Compilation[] result = new Compilation[1];
        // named after the caller, so a thread dump shows whose compilation is running
        Thread worker = new Thread(null, () -> result[0] = compileHere(request),
                "skiff-compile (" + Thread.currentThread().getName() + ")", STACK_BYTES);
        worker.start();
        boolean interrupted = false;
        while (true) {
            try {
                worker.join();
                break;
            } catch (InterruptedException e) {
                // the caller gave up (an editor's stale request, a watchdog): the evaluation stops at its next step
                interrupted = true;
                worker.interrupt();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return result[0];
    }

    /** {@code ${KCL_MOD}/pkg/a.k}: as with {@code kcl}, the variable names the root of the working directory's project. */
    private static Path withModRoot(Path input, Path workDir) {
        String text = input.toString();
        if (!text.startsWith("${KCL_MOD}")) {
            return input;
        }
        Path root = Project.discover(workDir).value().root();
        return Path.of(root + text.substring("${KCL_MOD}".length()));
    }

    private static Compilation compileHere(CompileRequest request) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        try {
            List<Path> files = new ArrayList<>();
            for (Path input : request.inputs()) {
                Path p = request.workDir().resolve(withModRoot(input, request.workDir()));
                if (Files.isDirectory(p)) {
                    List<Path> inDir = ProjectResolver.moduleFiles(p);
                    if (inDir.isEmpty()) {
                        diagnostics.add(Diagnostic.error(Code.E0206, null,
                                "directory `" + input + "` has no `.k` files"));
                    }
                    files.addAll(inDir);
                } else if (Files.isRegularFile(p) || request.overlay().containsKey(p.toAbsolutePath().normalize())) {
                    files.add(p); // an unsaved text (an editor buffer, an import not yet written) counts as a file
                } else {
                    diagnostics.add(Diagnostic.error(Code.E0206, null, "no such file or directory: `" + input + "`"));
                }
            }
            if (files.isEmpty()) {
                if (diagnostics.isEmpty()) {
                    diagnostics.add(Diagnostic.error(Code.E0206, null, "no input files"));
                }
                return new Compilation(diagnostics, null, null, null);
            }
            Result<Project> project = Project.discover(files.get(0));
            diagnostics.addAll(project.diagnostics());
            ProjectResolver resolver = new ProjectResolver(project.value(), request.workDir())
                    .withOverlay(request.overlay());
            Result<List<SourceUnit>> parsed = resolver.loadMain(files);
            diagnostics.addAll(parsed.diagnostics());
            if (hasErrors(diagnostics)) {
                return new Compilation(diagnostics, null, null, null);
            }
            Object k8s = project.value().skiff().get("k8s");
            String k8sVersion = request.k8sVersion() != null ? request.k8sVersion() : k8s == null ? null : k8s.toString();
            // what the source alone shows to be wrong is reported before evaluation, all of it at once
            List<Path> crdFiles = crds(request, project.value());
            List<Diagnostic> typeProblems = new ArrayList<>(dev.skiff.types.NameChecker.checkProgram(parsed.value(),
                    resolver, dev.skiff.eval.lib.Library.builtinNames(), dev.skiff.eval.lib.Library.systemModuleNames()));
            typeProblems.addAll(dev.skiff.types.StaticChecker.check(parsed.value(),
                    () -> dev.skiff.k8s.SchemaRegistry.with(k8sVersion, crdFiles).value(), resolver));
            typeProblems.sort(java.util.Comparator.comparing((Diagnostic d) -> d.span() == null ? "" : d.span().file().name())
                    .thenComparingInt(d -> d.span() == null ? 0 : d.span().start()));
            if (!typeProblems.isEmpty()) {
                diagnostics.addAll(typeProblems);
                return new Compilation(diagnostics, null, null, null);
            }
            Limits.Configured limits = Limits.of(project.value().skiff());
            if (!limits.problems().isEmpty()) {
                diagnostics.addAll(limits.problems());
                return new Compilation(diagnostics, null, null, null);
            }
            EvalOptions options = new EvalOptions(request.options(), resolver, project.value().root(),
                    request.printOut(), limits.limits(), k8sVersion, crdFiles, request.writeFiles());
            Result<Evaluator.Output> result = new Evaluator(options).evaluate(parsed.value());
            diagnostics.addAll(result.diagnostics());
            if (hasErrors(diagnostics) || result.value() == null) {
                return new Compilation(diagnostics, null, null, null);
            }
            Evaluator.Output out = result.value();
            Diagnostic tooDeep = tooDeep(out.document(), out.stream());
            if (tooDeep != null) {
                diagnostics.add(tooDeep);
                return new Compilation(diagnostics, null, null, null);
            }
            List<Object> stream = null;
            if (out.stream() != null) {
                stream = new ArrayList<>();
                for (Value doc : out.stream()) {
                    // manifests.yaml_stream has already left out what its options say (private keys by default)
                    stream.add(dev.skiff.eval.value.Values.toJavaWithPrivate(doc));
                }
            }
            return new Compilation(diagnostics, out.document().toJava(), stream, null, out);
        } catch (IOException e) {
            diagnostics.add(Diagnostic.error(Code.E0206, null, "cannot read input: " + e.getMessage()));
            return new Compilation(diagnostics, null, null, null);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            diagnostics.add(internalError(e));
            return new Compilation(diagnostics, null, null, e);
        }
    }

    /** An error for output nested deeper than Skiff writes, at the top-level name that holds it; or null. */
    private static Diagnostic tooDeep(Value document, List<Value> stream) {
        int limit = dev.skiff.emit.Depth.MAX_OUTPUT;
        String hint = "YAML and JSON readers refuse data nested this deep; look for a recursion or a dotted key"
                + " that builds it";
        java.util.Map<String, Value> top = dev.skiff.eval.value.Values.entries(document);
        for (java.util.Map.Entry<String, Value> e : top == null ? java.util.Map.<String, Value>of().entrySet() : top.entrySet()) {
            if (depth(e.getValue(), limit) >= limit) {
                return Diagnostic.error(Code.E0509, firstSpan(e.getValue()), "the value of `" + e.getKey()
                        + "` nests more than " + limit + " levels deep; Skiff writes at most " + limit).withHint(hint);
            }
        }
        for (Value doc : stream == null ? List.<Value>of() : stream) {
            if (depth(doc, limit) >= limit) {
                return Diagnostic.error(Code.E0509, firstSpan(doc), "a document of the output stream nests more than " + limit
                        + " levels deep; Skiff writes at most " + limit).withHint(hint);
            }
        }
        return null;
    }

    /** How deeply a value nests (configs, schema instances, lists), counted without recursion up to {@code limit}. */
    private static int depth(Value v, int limit) {
        java.util.ArrayDeque<Object[]> work = new java.util.ArrayDeque<>();
        work.push(new Object[] {v, 0});
        int deepest = 0;
        while (!work.isEmpty() && deepest < limit) {
            Object[] item = work.pop();
            int d = (int) item[1];
            deepest = Math.max(deepest, d);
            java.util.Map<String, Value> entries = dev.skiff.eval.value.Values.entries((Value) item[0]);
            if (entries != null) {
                entries.values().forEach(x -> work.push(new Object[] {x, d + 1}));
            } else if (item[0] instanceof Value.ListV l) {
                l.items().forEach(x -> work.push(new Object[] {x, d + 1}));
            }
        }
        return deepest;
    }

    /** Where the first entry of a value (or of its first item, and so on) was written, or null. */
    private static dev.skiff.source.Span firstSpan(Value v) {
        for (int i = 0; i < 8 && v != null; i++) {
            java.util.Map<String, dev.skiff.source.Span> spans = v instanceof Value.DictV d ? d.spans()
                    : v instanceof Value.SchemaV s ? s.spans() : java.util.Map.of();
            if (!spans.isEmpty()) {
                return spans.values().iterator().next();
            }
            java.util.Map<String, Value> entries = dev.skiff.eval.value.Values.entries(v);
            v = entries != null && !entries.isEmpty() ? entries.values().iterator().next()
                    : v instanceof Value.ListV l && !l.items().isEmpty() ? l.items().get(0) : null;
        }
        return null;
    }

    /** CRDs named on the command line, then those of {@code [skiff] crds} in {@code kcl.mod} (relative to it). */
    public static List<Path> crds(CompileRequest request, Project project) {
        List<Path> out = new ArrayList<>();
        for (Path p : request.crds()) {
            out.add(request.workDir().resolve(p));
        }
        if (project.skiff().get("crds") instanceof List<?> listed) {
            for (Object o : listed) {
                out.add(project.root().resolve(String.valueOf(o)));
            }
        }
        return out;
    }

    static Diagnostic internalError(Throwable e) {
        if (e instanceof StackOverflowError) {
            return Diagnostic.error(Code.E0506, null, "the program nests or recurses too deeply to evaluate")
                    .withHint("look for a function or schema default that refers to itself");
        }
        if (e instanceof OutOfMemoryError) {
            return Diagnostic.error(Code.E0509, null, "the program needs more memory than is available")
                    .withHint("look for a comprehension or recursion that builds a very large value");
        }
        return Diagnostic.error(Code.E0901, null, "internal error: " + e)
                .withHint("this is a bug in Skiff; run with `--debug` for the stack trace and please report it");
    }

    private static boolean hasErrors(List<Diagnostic> ds) {
        return ds.stream().anyMatch(Diagnostic::isError);
    }
}
