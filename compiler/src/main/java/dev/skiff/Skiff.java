package dev.skiff;

import dev.skiff.diag.Code;
import dev.skiff.diag.Diagnostic;
import dev.skiff.diag.Result;
import dev.skiff.eval.EvalOptions;
import dev.skiff.eval.Evaluator;
import dev.skiff.eval.Limits;
import dev.skiff.modules.Project;
import dev.skiff.modules.ProjectResolver;
import dev.skiff.syntax.SourceUnit;
import dev.skiff.k8s.SchemaRegistry;
import dev.skiff.modules.ParseCache;
import dev.skiff.modules.Program;
import dev.skiff.resolve.Bindings;
import dev.skiff.resolve.Resolver;
import dev.skiff.types.Checker;
import dev.skiff.types.Inference;
import dev.skiff.types.KubernetesSchemas;
import dev.skiff.types.SchemaTypes;
import dev.skiff.eval.lib.Library;
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

    /** Stack for the compiling thread: deep but legal nesting must not overflow the default stack. */
    private static final long STACK_BYTES = 1L << 30;

    public static Compilation compile(CompileRequest request) {
        return onCompileThread(() -> {
            Analysis analysis = analyzeHere(request, ParseCache.NONE);
            return analysis.hasErrors() || !analysis.available()
                    ? new Compilation(analysis.diagnostics(), null, null, analysis.internal())
                    : evaluateHere(analysis, request, () -> false);
        });
    }

    /**
     * The front end alone: the program read, parsed (through {@code cache}), resolved, typed and checked, without
     * running it. The language server calls this on every change.
     */
    public static Analysis analyze(CompileRequest request, ParseCache cache) {
        return onCompileThread(() -> analyzeHere(request, cache));
    }

    /**
     * Runs an analysed program (and validates its objects when the request asks for it); an analysis with errors
     * gives its diagnostics. {@code request} is the one the analysis was made from.
     */
    public static Compilation evaluate(Analysis analysis, CompileRequest request) {
        return evaluate(analysis, request, () -> false);
    }

    /**
     * {@link #evaluate(Analysis, CompileRequest)}, stopped as soon as it can be once {@code cancelled} answers
     * true (an editor's compile of a text that has changed since); null when it was stopped.
     */
    public static Compilation evaluate(Analysis analysis, CompileRequest request,
                                       java.util.function.BooleanSupplier cancelled) {
        if (analysis.hasErrors() || !analysis.available()) {
            return new Compilation(analysis.diagnostics(), null, null, analysis.internal());
        }
        return onCompileThread(() -> evaluateHere(analysis, request, cancelled));
    }

    /** Runs {@code work} on a thread with a deep stack: deep but legal nesting must not overflow the default one. */
    private static <T> T onCompileThread(java.util.function.Supplier<T> work) {
        Object[] result = new Object[1];
        Thread worker = new Thread(null, () -> result[0] = work.get(), "skiff-compile", STACK_BYTES);
        worker.start();
        boolean interrupted = false;
        while (true) {
            try {
                worker.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        @SuppressWarnings("unchecked")
        T t = (T) result[0];
        return t;
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

    private static Analysis analyzeHere(CompileRequest request, ParseCache cache) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        StageTimes clock = StageTimes.fromSystem();
        try {
            List<Path> files = new ArrayList<>();
            for (Path input : request.inputs()) {
                Path p = request.workDir().resolve(withModRoot(input, request.workDir()));
                if (Files.isDirectory(p)) {
                    // a directory is its package, or the [profile] entries of the kcl.mod at its root
                    // (a malformed kcl.mod is reported once, by Project.discover below)
                    List<Path> inDir = dev.skiff.modules.Programs.ofDirectory(p).value();
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
                return Analysis.failed(diagnostics);
            }
            Result<Project> project = Project.discover(files.get(0));
            diagnostics.addAll(project.diagnostics());
            ProjectResolver resolver = new ProjectResolver(project.value(), request.workDir())
                    .withOverlay(request.overlay()).withParseCache(cache);
            clock.mark("discover");
            Result<List<SourceUnit>> parsed = resolver.loadMain(files);
            clock.mark("parse");
            diagnostics.addAll(parsed.diagnostics());
            boolean parses = !hasErrors(diagnostics);
            Object k8s = project.value().skiff().get("k8s");
            String k8sVersion = request.k8sVersion() != null ? request.k8sVersion() : k8s == null ? null : k8s.toString();
            List<Path> crdFiles = crds(request, project.value());
            KubernetesSchemas kubernetes = new KubernetesSchemas(() -> SchemaRegistry.with(k8sVersion, crdFiles));
            Program program = Program.load(parsed.value(), resolver);
            clock.mark("imports");
            Bindings bindings = Resolver.resolve(program, Library.builtinNames(), Library.systemModuleNames());
            clock.mark("resolve");
            SchemaTypes types = new SchemaTypes(bindings, kubernetes, Library::systemType);
            Inference inference = new Inference(types, Library.declarations());
            if (parses && request.staticChecks()) {
                // what the source alone shows to be wrong is reported before evaluation, all of it at once
                List<Diagnostic> typeProblems = new ArrayList<>(bindings.diagnostics());
                typeProblems.addAll(types.declarationProblems());
                typeProblems.addAll(Checker.check(inference, request.validate()));
                typeProblems.sort(java.util.Comparator.comparing((Diagnostic d) -> d.span() == null ? ""
                        : d.span().file().name()).thenComparingInt(d -> d.span() == null ? 0 : d.span().start()));
                diagnostics.addAll(typeProblems);
            }
            clock.mark("check");
            return new Analysis(diagnostics, project.value(), resolver, program, bindings, types, inference,
                    kubernetes, k8sVersion, crdFiles, null);
        } catch (IOException e) {
            diagnostics.add(Diagnostic.error(Code.E0206, null, "cannot read input: " + e.getMessage()));
            return Analysis.failed(diagnostics);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            diagnostics.add(internalError(e));
            return new Analysis(diagnostics, null, null, null, null, null, null, null, null, List.of(), e);
        } finally {
            clock.print(System.err);
        }
    }

    private static Compilation evaluateHere(Analysis analysis, CompileRequest request,
                                            java.util.function.BooleanSupplier cancelled) {
        List<Diagnostic> diagnostics = new ArrayList<>(analysis.diagnostics());
        StageTimes clock = StageTimes.fromSystem();
        try {
            EvalOptions options = new EvalOptions(request.options(), analysis.resolver(), analysis.project().root(),
                    request.printOut(), Limits.defaults(), analysis.k8sVersion(), analysis.crds(), request.writeFiles(),
                    cancelled);
            Result<Evaluator.Output> result = new Evaluator(options).evaluate(analysis.program(), analysis.types());
            clock.mark("evaluate");
            diagnostics.addAll(result.diagnostics());
            if (hasErrors(diagnostics) || result.value() == null) {
                return new Compilation(diagnostics, null, null, null);
            }
            Evaluator.Output out = result.value();
            dev.skiff.validate.Validation validation = null;
            if (request.validate()) {
                validation = dev.skiff.validate.Validation.of(out, analysis.kubernetes(), request.validationOptions());
                diagnostics.addAll(validation.diagnostics());
                clock.mark("validate");
            }
            // the plain data is made when asked for: printing YAML writes the values themselves
            return Compilation.of(diagnostics, out, validation);
        } catch (java.util.concurrent.CancellationException e) {
            return null;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            diagnostics.add(internalError(e));
            return new Compilation(diagnostics, null, null, e);
        } finally {
            clock.print(System.err);
        }
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
        for (Path crd : dev.skiff.packages.InstalledPackages.crdFiles(project.dependencies().values())) {
            if (!out.contains(crd)) {
                out.add(crd); // a CRD model package types its custom resources
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
