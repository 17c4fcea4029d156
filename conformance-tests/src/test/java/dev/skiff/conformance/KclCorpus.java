package dev.skiff.conformance;

import dev.skiff.Compilation;
import dev.skiff.CompileRequest;
import dev.skiff.OptionArgument;
import dev.skiff.Skiff;
import dev.skiff.diag.Diagnostic;
import dev.skiff.diag.Severity;
import dev.skiff.emit.Shaping;
import dev.skiff.modules.CliSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs the programs of real KCL repositories (kcl-lang's konfig, modules, examples, krm-kcl, the kcl-lang.io
 * samples, the runner tests of kcl-lang/kcl) as {@code skiff run} would in each program's directory, and reports
 * per repository how many pass, fail, crash or hang, with the reasons grouped. {@link CorpusPrograms} says what
 * a program is. A program passes when it runs without error (or, expected to fail, fails) and, where the
 * repository holds its expected output, prints that output (compared as YAML data, document by document).
 * The repositories are not part of Skiff: {@code -Dkcl.corpus=konfig=/path/to/konfig,/path/to/modules,…}.
 * Programs run in process, with their file writes checked but not carried out, so the checkouts stay as they are.
 */
public final class KclCorpus {
    /** The outcome of one program. */
    enum Verdict { PASS, FAIL, CRASH, HANG, UNSUPPORTED }

    /** A program's verdict and, unless it passed, a one-line reason. */
    record Outcome(CorpusPrograms.Program program, String name, Verdict verdict, String reason) {
    }

    private static final int TIMEOUT_SECONDS = 30;

    private KclCorpus() {
    }

    public static void main(String[] args) throws Exception {
        for (String repo : args) {
            String[] named = named(repo);
            List<Outcome> outcomes = run(Path.of(named[1]));
            System.out.print(report(named[0], outcomes, true));
        }
    }

    /** {@code name=path} or a path (named after its last part). */
    static String[] named(String spec) {
        int eq = spec.indexOf('=');
        if (eq > 0) {
            return new String[] {spec.substring(0, eq), spec.substring(eq + 1)};
        }
        Path p = Path.of(spec);
        return new String[] {p.getFileName() == null ? spec : p.getFileName().toString(), spec};
    }

    static List<Outcome> run(Path repo) throws IOException {
        List<Outcome> out = new ArrayList<>();
        ExecutorService pool = Executors.newSingleThreadExecutor(daemon());
        for (CorpusPrograms.Program p : CorpusPrograms.find(repo)) {
            String name = repo.toAbsolutePath().normalize().relativize(p.dir()).toString().replace('\\', '/');
            name = (name.isEmpty() ? "." : name) + (p.args().isEmpty() ? "" : " " + String.join(" ", p.args()))
                    + (p.krmInput() == null ? "" : " < " + p.krmInput().getFileName());
            String shown = name;
            Future<Outcome> f = pool.submit(() -> runOne(p, shown));
            try {
                out.add(f.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
            } catch (TimeoutException e) {
                f.cancel(true);
                pool.shutdownNow();
                pool = Executors.newSingleThreadExecutor(daemon());
                out.add(new Outcome(p, name, Verdict.HANG, "no answer within " + TIMEOUT_SECONDS + " s"));
            } catch (Exception e) {
                out.add(new Outcome(p, name, Verdict.CRASH, "harness: " + e.getCause()));
            }
        }
        pool.shutdownNow();
        return out;
    }

    private static java.util.concurrent.ThreadFactory daemon() {
        return r -> {
            Thread t = new Thread(null, r, "kcl-corpus", 512L * 1024 * 1024);
            t.setDaemon(true);
            return t;
        };
    }

    /** The words after {@code kcl run}, read as {@code skiff run} reads them. */
    private record Command(List<Path> files, List<Path> settings, Map<String, String> options, List<String> overrides,
                           String selector, boolean disableNone, boolean sortKeys) {
    }

    private static Object command(List<String> words) {
        List<Path> files = new ArrayList<>();
        List<Path> settings = new ArrayList<>();
        Map<String, String> options = new LinkedHashMap<>();
        List<String> overrides = new ArrayList<>();
        String selector = null;
        boolean disableNone = false;
        boolean sortKeys = false;
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            boolean hasNext = i + 1 < words.size();
            if ((w.equals("-D") || w.equals("--argument")) && hasNext) {
                OptionArgument o = OptionArgument.parse(words.get(++i));
                options.put(o.key(), o.value());
            } else if ((w.equals("-Y") || w.equals("--setting")) && hasNext) {
                settings.add(Path.of(words.get(++i)));
            } else if ((w.equals("-O") || w.equals("--overrides")) && hasNext) {
                overrides.add(words.get(++i));
            } else if ((w.equals("-S") || w.equals("--path_selector")) && hasNext) {
                selector = words.get(++i);
            } else if (w.equals("-n") || w.equals("--disable_none")) {
                disableNone = true;
            } else if (w.equals("-k") || w.equals("--sort_keys")) {
                sortKeys = true;
            } else if (w.equals("-d") || w.equals("--debug") || w.equals("-r") || w.equals("--strict_range_check")) {
                continue; // change nothing a run's output shows
            } else if (!w.startsWith("-")) {
                files.add(Path.of(w));
            } else {
                return "option " + w;
            }
        }
        return new Command(files, settings, options, overrides, selector, disableNone, sortKeys);
    }

    @SuppressWarnings("unchecked")
    private static Outcome runOne(CorpusPrograms.Program p, String name) throws IOException {
        Object parsed;
        try {
            parsed = command(p.args());
        } catch (IllegalArgumentException e) {
            return new Outcome(p, name, Verdict.FAIL, "bad -D: " + e.getMessage());
        }
        if (parsed instanceof String unsupported) {
            return new Outcome(p, name, Verdict.UNSUPPORTED, unsupported);
        }
        Command cmd = (Command) parsed;
        List<Path> settingsFiles = new ArrayList<>();
        cmd.settings().forEach(s -> settingsFiles.add(p.dir().resolve(s)));
        Path settingsHere = cmd.files().isEmpty() && settingsFiles.isEmpty() ? CliSettings.defaultIn(List.of(), p.dir()) : null;
        if (settingsHere != null) {
            settingsFiles.add(settingsHere); // as `kcl run` (and `skiff run`) in a directory with a kcl.yaml
        }
        var read = CliSettings.read(settingsFiles);
        if (read.hasErrors()) {
            return new Outcome(p, name, Verdict.FAIL, read.diagnostics().get(0).message());
        }
        CliSettings kcl = read.value();
        Map<String, String> options = new LinkedHashMap<>();
        kcl.options().forEach((k, v) -> options.put(k, CliSettings.asArgument(v)));
        if (p.krmInput() != null) {
            options.putAll(krmOptions(p.krmInput()));
        }
        options.putAll(cmd.options());
        List<Path> inputs = !cmd.files().isEmpty() ? cmd.files() : !kcl.files().isEmpty() ? kcl.files() : List.of(Path.of("."));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Compilation c;
        try {
            c = Skiff.compile(new CompileRequest(inputs, options, p.dir(),
                    new PrintStream(printed, true, StandardCharsets.UTF_8)));
        } catch (RuntimeException e) {
            return new Outcome(p, name, Verdict.CRASH, "exception: " + e);
        }
        if (c.internal() != null) {
            return new Outcome(p, name, Verdict.CRASH, "internal error: " + c.internal());
        }
        if (p.expect() == CorpusPrograms.Expect.FAIL) {
            return c.hasErrors() ? new Outcome(p, name, Verdict.PASS, null)
                    : new Outcome(p, name, Verdict.FAIL, "expected an error, got output");
        }
        if (c.hasErrors()) {
            Diagnostic first = c.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).findFirst()
                    .orElse(c.diagnostics().get(0));
            return new Outcome(p, name, Verdict.FAIL, first.code() + " " + first.message().lines().findFirst().orElse(""));
        }
        if (p.golden() == null) {
            return new Outcome(p, name, Verdict.PASS, null);
        }
        boolean none = cmd.disableNone() || Boolean.TRUE.equals(kcl.disableNone());
        boolean sort = cmd.sortKeys() || Boolean.TRUE.equals(kcl.sortKeys());
        List<String> overrides = new ArrayList<>(kcl.overrides());
        overrides.addAll(cmd.overrides());
        String output = c.yaml();
        if (none || sort || !overrides.isEmpty()) {
            Object data = c.stream() != null ? c.stream() : c.data();
            try {
                for (String o : overrides) {
                    data = Shaping.override(data, o);
                }
            } catch (Shaping.OverrideException e) {
                return new Outcome(p, name, Verdict.FAIL, e.getMessage());
            }
            data = none ? Shaping.disableNone(data) : data;
            data = sort ? Shaping.sortKeys(data) : data;
            output = new Compilation(c.diagnostics(), c.stream() != null ? null : data,
                    c.stream() != null ? (List<Object>) data : null, null).yaml();
        }
        String actual = printed.toString(StandardCharsets.UTF_8) + output;
        String golden = Files.readString(p.golden(), StandardCharsets.UTF_8);
        return KclGrammarSuite.sameData(actual, golden) ? new Outcome(p, name, Verdict.PASS, null)
                : new Outcome(p, name, Verdict.FAIL, "output differs from " + p.golden().getFileName());
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper YAML =
            new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());

    /**
     * The options a KRM function reads, as KCL's KRM runtime (krm-kcl) gives them: the input's {@code KCLRun}
     * document is the function config, its {@code spec.params} the params, the other documents the items.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, String> krmOptions(Path input) throws IOException {
        List<Object> items = new ArrayList<>();
        Object config = null;
        try (var parser = YAML.getFactory().createParser(input.toFile())) {
            var it = YAML.readValues(parser, Object.class);
            while (it.hasNext()) {
                Object doc = it.next();
                if (doc instanceof Map<?, ?> m && "KCLRun".equals(m.get("kind")) && config == null) {
                    config = doc;
                } else if (doc != null) {
                    items.add(doc);
                }
            }
        }
        Object params = config instanceof Map<?, ?> c && c.get("spec") instanceof Map<?, ?> spec ? spec.get("params") : null;
        params = params == null ? Map.of() : params; // krm-kcl's default: an empty config
        Map<String, Object> list = new LinkedHashMap<>();
        list.put("items", items);
        list.put("functionConfig", config);
        Map<String, String> out = new LinkedHashMap<>();
        out.put("items", CliSettings.asArgument(items));
        out.put("params", CliSettings.asArgument(params));
        out.put("resource_list", CliSettings.asArgument(list));
        return out;
    }

    /** A reason with its particulars (names, paths, numbers in quotes) left out, so like failures group together. */
    static String group(Outcome o) {
        String r = o.reason() == null ? "" : o.reason();
        return o.verdict() + " " + r.replaceAll("`[^`]*`", "`…`").replaceAll("\"[^\"]*\"", "\"…\"")
                .replaceAll("/[^ :]+", "…");
    }

    static String report(String repo, List<Outcome> outcomes, boolean listAll) {
        Map<Verdict, Integer> counts = new java.util.EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            counts.put(v, 0);
        }
        Map<String, List<String>> groups = new TreeMap<>();
        int golden = 0;
        int goldenPass = 0;
        for (Outcome o : outcomes) {
            counts.merge(o.verdict(), 1, Integer::sum);
            if (o.program().golden() != null) {
                golden++;
                goldenPass += o.verdict() == Verdict.PASS ? 1 : 0;
            }
            if (o.verdict() != Verdict.PASS) {
                groups.computeIfAbsent(group(o), k -> new ArrayList<>()).add(o.name());
            }
        }
        StringBuilder sb = new StringBuilder();
        int total = outcomes.size();
        int pass = counts.get(Verdict.PASS);
        sb.append(String.format("%-14s %4d/%-4d pass (%5.1f%%)  fail %d  crash %d  hang %d  unsupported %d"
                        + "  (with golden output: %d/%d)%n", repo, pass, total, total == 0 ? 0.0 : 100.0 * pass / total,
                counts.get(Verdict.FAIL), counts.get(Verdict.CRASH), counts.get(Verdict.HANG),
                counts.get(Verdict.UNSUPPORTED), goldenPass, golden));
        if (listAll) {
            groups.entrySet().stream()
                    .sorted((a, b) -> b.getValue().size() != a.getValue().size()
                            ? b.getValue().size() - a.getValue().size() : a.getKey().compareTo(b.getKey()))
                    .forEach(e -> {
                        sb.append(String.format("  %3d× %s%n", e.getValue().size(), e.getKey()));
                        e.getValue().stream().limit(4).forEach(n -> sb.append("         ").append(n).append('\n'));
                    });
            for (Outcome o : outcomes) {
                if (o.verdict() != Verdict.PASS) {
                    sb.append(o.verdict()).append(' ').append(o.name()).append(": ").append(o.reason()).append('\n');
                }
            }
        }
        return sb.toString();
    }
}
