package dev.skiff.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Measures how much real KCL code runs unchanged when {@code -Dkcl.corpus} names checked-out KCL repositories
 * (comma-separated, each {@code name=path} or a path), writing one report per repository to
 * {@code target/kcl-corpus/<name>.txt} and the summary to {@code target/kcl-corpus-report.txt}. The repositories
 * are not redistributed with Skiff: without the property, or for a path that is absent, nothing runs and the
 * test is reported as skipped.
 */
class KclCorpusTest {
    @Test
    void kclCorpus() throws Exception {
        String corpus = System.getProperty("kcl.corpus", "");
        assumeTrue(!corpus.isBlank(), "set -Dkcl.corpus=konfig=/path/to/konfig,... to measure real KCL code");
        Path dir = Path.of("target", "kcl-corpus");
        Files.createDirectories(dir);
        StringBuilder summary = new StringBuilder();
        List<KclCorpus.Outcome> all = new ArrayList<>();
        for (String spec : corpus.split(",")) {
            String[] named = KclCorpus.named(spec.strip());
            Path repo = Path.of(named[1]);
            if (!Files.isDirectory(repo)) {
                summary.append(String.format("%-14s absent (%s)%n", named[0], repo));
                continue;
            }
            List<KclCorpus.Outcome> outcomes = KclCorpus.run(repo);
            all.addAll(outcomes);
            Files.writeString(dir.resolve(named[0] + ".txt"), KclCorpus.report(named[0], outcomes, true),
                    StandardCharsets.UTF_8);
            summary.append(KclCorpus.report(named[0], outcomes, false));
        }
        assumeTrue(!all.isEmpty(), "none of the repositories named by -Dkcl.corpus is checked out");
        summary.append(KclCorpus.report("TOTAL", all, false));
        Files.writeString(Path.of("target", "kcl-corpus-report.txt"), summary.toString(), StandardCharsets.UTF_8);
        System.out.print(summary);
        assertThat(all).isNotEmpty();
    }

    /**
     * konfig's quick start in KCL's documentation (kcl-lang.io) shows the objects {@code kcl run -D appenv=dev}
     * prints in {@code examples/appops/nginx-example/dev}: Skiff must print the same, compared as YAML data. Both
     * checkouts come from {@code -Dkcl.corpus} (named {@code konfig} and {@code kcl-lang.io}); without them the
     * test is skipped.
     */
    @Test
    void konfigQuickStartPrintsWhatKclsDocumentationShows() throws Exception {
        java.util.Map<String, Path> repos = new java.util.HashMap<>();
        for (String spec : System.getProperty("kcl.corpus", "").split(",")) {
            if (!spec.isBlank()) {
                String[] named = KclCorpus.named(spec.strip());
                repos.put(named[0], Path.of(named[1]));
            }
        }
        Path konfig = repos.get("konfig");
        Path site = repos.get("kcl-lang.io");
        Path doc = site == null ? null : site.resolve("docs/user_docs/guides/working-with-konfig/3-quick-start.md");
        assumeTrue(konfig != null && Files.isDirectory(konfig) && doc != null && Files.isRegularFile(doc),
                "needs konfig and kcl-lang.io in -Dkcl.corpus");
        List<String> lines = Files.readAllLines(doc, StandardCharsets.UTF_8);
        int command = -1;
        for (int i = 0; i < lines.size() && command < 0; i++) {
            if (lines.get(i).contains("nginx-example/dev") && lines.get(i).contains("kcl run -D appenv=dev")) {
                command = i;
            }
        }
        assertThat(command).as("the quick start's command in " + doc).isNotNegative();
        int open = command;
        while (!lines.get(open).strip().equals("```yaml")) {
            open++;
        }
        int close = open + 1;
        while (!lines.get(close).strip().equals("```")) {
            close++;
        }
        String documented = String.join("\n", lines.subList(open + 1, close)) + "\n";
        Path stack = konfig.resolve("examples/appops/nginx-example/dev");
        dev.skiff.Compilation c = dev.skiff.Skiff.compile(new dev.skiff.CompileRequest(List.of(Path.of(".")),
                java.util.Map.of("appenv", "dev"), stack, new java.io.PrintStream(java.io.OutputStream.nullOutputStream())));
        assertThat(c.hasErrors()).as(c.diagnostics().toString()).isFalse();
        assertThat(KclGrammarSuite.sameData(c.yaml(), documented)).as(c.yaml() + "\n---- documented:\n" + documented)
                .isTrue();
    }
}
