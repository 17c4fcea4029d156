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
}
