package dev.skiff.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.skiff.Compilation;
import dev.skiff.CompileRequest;
import dev.skiff.OptionArgument;
import dev.skiff.emit.Shaping;
import dev.skiff.modules.CliSettings;
import dev.skiff.Skiff;
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
import java.util.stream.Stream;

/**
 * Runs KCL's own grammar test suite (kcl-lang/kcl, {@code tests/grammar}) against Skiff, in process, and
 * reports the pass rate per top-level folder. The suite is not part of this repository: point
 * {@code -Dkcl.suite=/path/to/kcl/tests/grammar} at a checkout.
 *
 * <p>A case with {@code stdout.golden} passes when Skiff succeeds and its standard output (anything
 * printed, then the YAML) equals the golden as YAML data, document by document, as KCL's own runner
 * compares. A case with {@code stderr.golden} passes when Skiff reports an error: Skiff's messages are its
 * own, so only the failure itself is compared. Cases whose {@code settings.yaml} uses options Skiff does not
 * have are counted apart as unsupported.
 */
public final class KclGrammarSuite {
    private static final ObjectMapper YAML = new YAMLMapper();

    /** The outcome of one case. */
    enum Verdict { PASS, FAIL, UNSUPPORTED }

    /** A case's verdict and, for failures, a one-line reason. */
    record CaseResult(String name, boolean expectsError, Verdict verdict, String reason) {
    }

    private KclGrammarSuite() {
    }

    public static void main(String[] args) throws Exception {
        Path suite = Path.of(args.length > 0 ? args[0] : System.getProperty("kcl.suite"));
        List<CaseResult> results = run(suite);
        System.out.print(report(results, args.length > 1 && args[1].equals("--failures")));
    }

    /**
     * Runs every case. As {@code kcl run} does, a program's file writes happen ({@code file.write},
     * {@code json.dump_to_file}, …), so the cases run on a copy of the suite, which is left as it was.
     */
    static List<CaseResult> run(Path suite) throws IOException {
        Path copy = Files.createTempDirectory("kcl-grammar-");
        try {
            copyTree(suite, copy);
            return runCases(copy);
        } finally {
            deleteTree(copy);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static List<CaseResult> runCases(Path suite) throws IOException {
        List<Path> dirs;
        try (Stream<Path> s = Files.walk(suite)) {
            dirs = s.filter(p -> p.getFileName().toString().equals("main.k")).map(Path::getParent).sorted().toList();
        }
        List<CaseResult> out = new ArrayList<>();
        ExecutorService pool = Executors.newSingleThreadExecutor(daemon());
        for (Path dir : dirs) {
            String name = suite.relativize(dir).toString().replace('\\', '/');
            boolean expectsError = Files.exists(dir.resolve("stderr.golden"));
            if (!expectsError && !Files.exists(dir.resolve("stdout.golden"))) {
                continue;
            }
            Future<CaseResult> f = pool.submit(() -> runCase(name, dir, expectsError));
            try {
                out.add(f.get(20, TimeUnit.SECONDS));
            } catch (TimeoutException e) {
                f.cancel(true);
                pool.shutdownNow();
                pool = Executors.newSingleThreadExecutor(daemon());
                out.add(new CaseResult(name, expectsError, Verdict.FAIL, "timeout (20 s)"));
            } catch (Exception e) {
                out.add(new CaseResult(name, expectsError, Verdict.FAIL, "harness: " + e));
            }
        }
        pool.shutdownNow();
        return out;
    }

    private static java.util.concurrent.ThreadFactory daemon() {
        return r -> {
            Thread t = new Thread(null, r, "kcl-case", 512L * 1024 * 1024);
            t.setDaemon(true);
            return t;
        };
    }

    @SuppressWarnings("unchecked")
    private static CaseResult runCase(String name, Path dir, boolean expectsError) throws IOException {
        Map<String, String> options = new LinkedHashMap<>();
        List<Path> inputs = new ArrayList<>();
        List<Path> settingsFiles = new ArrayList<>();
        List<String> overrides = new ArrayList<>();
        boolean disableNone = false;
        boolean sortKeys = false;
        String selector = null;
        Path settings = dir.resolve("settings.yaml");
        if (Files.exists(settings)) {
            JsonNode s = YAML.readTree(settings.toFile());
            String line = s == null ? "" : s.path("kcl_options").asText("");
            String[] words = line.trim().isEmpty() ? new String[0] : line.trim().split("\\s+");
            for (int i = 0; i < words.length; i++) {
                String w = words[i];
                if (w.equals("-D") && i + 1 < words.length) {
                    OptionArgument option;
                    try {
                        option = OptionArgument.parse(words[++i]);
                    } catch (IllegalArgumentException e) {
                        // `kcl run` refuses the option before running anything, as `skiff run` does
                        return expectsError ? new CaseResult(name, true, Verdict.PASS, null)
                                : new CaseResult(name, false, Verdict.FAIL, e.getMessage());
                    }
                    options.put(option.key(), option.value());
                } else if (w.equals("-S") && i + 1 < words.length) {
                    selector = words[++i];
                } else if (w.equals("-Y")) {
                    // as `skiff run -Y`: every following word up to the next flag is a settings file
                    while (i + 1 < words.length && !words[i + 1].startsWith("-")) {
                        settingsFiles.add(dir.resolve(words[++i]));
                    }
                } else if (w.equals("-O") && i + 1 < words.length) {
                    overrides.add(words[++i]);
                } else if (w.equals("-d") || w.equals("--debug")) {
                    continue; // KCL's debug mode changes nothing a case compares
                } else if (w.equals("-n") || w.equals("--disable_none")) {
                    disableNone = true;
                } else if (w.equals("-k") || w.equals("--sort_keys")) {
                    sortKeys = true;
                } else if (w.endsWith(".k")) {
                    inputs.add(Path.of(w));
                } else {
                    return new CaseResult(name, expectsError, Verdict.UNSUPPORTED, "option " + w);
                }
            }
        }
        if (selector != null && !selector.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z0-9_]+)*")) {
            return new CaseResult(name, expectsError, Verdict.UNSUPPORTED, "option -S " + selector);
        }
        // the settings files as `skiff run -Y` reads them (CliSettings): their options under -D's, their inputs
        var read = CliSettings.read(settingsFiles);
        if (read.hasErrors()) {
            return new CaseResult(name, expectsError, expectsError ? Verdict.PASS : Verdict.FAIL,
                    expectsError ? null : read.diagnostics().get(0).message());
        }
        CliSettings kcl = read.value();
        Map<String, String> merged = new LinkedHashMap<>();
        kcl.options().forEach((k, v) -> merged.put(k, CliSettings.asArgument(v)));
        merged.putAll(options);
        disableNone |= Boolean.TRUE.equals(kcl.disableNone());
        sortKeys |= Boolean.TRUE.equals(kcl.sortKeys());
        overrides.addAll(0, kcl.overrides());
        // KCL's runner calls `kcl run main.k <kcl_options>`: main.k first, then any files the options list; the
        // settings' own files take main.k's place
        if (kcl.files().isEmpty()) {
            inputs.add(0, Path.of("main.k"));
        } else {
            inputs.addAll(0, kcl.files());
        }
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Compilation c = Skiff.compile(new CompileRequest(inputs, merged, dir,
                new PrintStream(printed, true, StandardCharsets.UTF_8)).withFileWrites(true));
        if (c.internal() != null) {
            return new CaseResult(name, expectsError, Verdict.FAIL, "internal error: " + c.internal());
        }
        if (expectsError) {
            return c.hasErrors() ? new CaseResult(name, true, Verdict.PASS, null)
                    : new CaseResult(name, true, Verdict.FAIL, "expected an error, got output");
        }
        if (c.hasErrors()) {
            String first = c.diagnostics().get(0).code() + " " + c.diagnostics().get(0).message();
            return new CaseResult(name, false, Verdict.FAIL, first.lines().findFirst().orElse(first));
        }
        String output = c.yaml();
        if (disableNone || sortKeys || !overrides.isEmpty()) {
            Object data = c.stream() != null ? c.stream() : c.data();
            try {
                for (String o : overrides) {
                    data = Shaping.override(data, o);
                }
            } catch (Shaping.OverrideException e) {
                return new CaseResult(name, false, Verdict.FAIL, e.getMessage());
            }
            data = disableNone ? Shaping.disableNone(data) : data;
            data = sortKeys ? Shaping.sortKeys(data) : data;
            c = new Compilation(c.diagnostics(), c.stream() != null ? null : data,
                    c.stream() != null ? (List<Object>) data : null, null);
            output = c.yaml();
        }
        String actual = printed.toString(StandardCharsets.UTF_8) + (selector == null ? output : select(c, selector));
        String golden = Files.readString(dir.resolve("stdout.golden"), StandardCharsets.UTF_8);
        return sameData(actual, golden) ? new CaseResult(name, false, Verdict.PASS, null)
                : new CaseResult(name, false, Verdict.FAIL, "output differs");
    }

    /** The value a plain dotted {@code -S} path selects, as YAML (a list as a stream, as kcl prints it). */
    private static String select(Compilation c, String selector) {
        Object v = c.data();
        for (String part : selector.split("\\.")) {
            if (v instanceof Map<?, ?> m && m.containsKey(part)) {
                v = m.get(part);
            } else if (v instanceof List<?> l && part.matches("\\d+") && Integer.parseInt(part) < l.size()) {
                v = l.get(Integer.parseInt(part));
            } else {
                return "";
            }
        }
        if (v instanceof List<?> l) {
            return dev.skiff.emit.YamlWriter.writeStream(l);
        }
        if (v instanceof Map<?, ?>) {
            return dev.skiff.emit.YamlWriter.write(v);
        }
        return String.valueOf(v) + "\n";
    }

    /** Compares two YAML streams as data, ignoring empty documents, as KCL's own runner does. */
    static boolean sameData(String actual, String golden) {
        try {
            return documents(actual).equals(documents(golden));
        } catch (IOException | RuntimeException e) {
            return actual.strip().equals(golden.strip());
        }
    }

    private static List<JsonNode> documents(String text) throws IOException {
        List<JsonNode> docs = new ArrayList<>();
        try (var parser = new YAMLFactory().createParser(text)) {
            var it = YAML.readValues(parser, JsonNode.class);
            while (it.hasNext()) {
                JsonNode n = it.next();
                if (n != null && !n.isNull() && !(n.isContainerNode() && n.isEmpty())) {
                    docs.add(n);
                }
            }
        }
        return docs;
    }

    static String report(List<CaseResult> results, boolean listFailures) {
        Map<String, int[]> byFolder = new TreeMap<>();
        int[] total = new int[5];
        for (CaseResult r : results) {
            String folder = r.name().contains("/") ? r.name().substring(0, r.name().indexOf('/')) : r.name();
            int[] row = byFolder.computeIfAbsent(folder, k -> new int[5]);
            int col = switch (r.verdict()) {
                case PASS -> r.expectsError() ? 1 : 0;
                case FAIL -> r.expectsError() ? 3 : 2;
                case UNSUPPORTED -> 4;
            };
            row[col]++;
            total[col]++;
        }
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%-24s %9s %9s %9s %6s%n", "folder", "stdout", "stderr", "all", "unsup"));
        for (Map.Entry<String, int[]> e : byFolder.entrySet()) {
            sb.append(row(e.getKey(), e.getValue()));
        }
        sb.append(row("TOTAL", total));
        if (listFailures) {
            for (CaseResult r : results) {
                if (r.verdict() == Verdict.FAIL) {
                    sb.append("FAIL ").append(r.name()).append(": ").append(r.reason()).append('\n');
                }
            }
        }
        return sb.toString();
    }

    private static String row(String name, int[] c) {
        int stdout = c[0] + c[2];
        int stderr = c[1] + c[3];
        return String.format("%-24s %4d/%-4d %4d/%-4d %4d/%-4d %6d%n", name, c[0], stdout, c[1], stderr,
                c[0] + c[1], stdout + stderr, c[4]);
    }
}
