package dev.skiff.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A short campaign with a fixed seed, as part of every build: a few hundred generated and mutated programs
 * through every stage, the formatter and the language server, and not one crash, hang, out-of-memory or
 * formatter meaning change. (The long campaigns run with {@code fuzz/campaign.sh}.)
 */
class FuzzSmokeTest {
    private static final int INPUTS = 160;

    @Test
    void aShortCampaignFindsNoDefect() throws Exception {
        // one worker, so the same seed gives the same inputs
        Campaign.Options o = new Campaign.Options(Duration.ofMinutes(5), INPUTS, 20261207, 1,
                Path.of("target/fuzz-smoke"), 10_000, 1_000, 8, Duration.ofSeconds(20), Duration.ofMinutes(5));
        Campaign.Report r = new Campaign(o, Corpus.load(Corpus.findRepository()), new PrintStream(System.out)).run();
        System.out.print(r.figures());
        assertThat(r.defects()).as(r.findings()).isZero();
        assertThat(r.inputs()).isEqualTo(INPUTS);
        Figures f = r.counts();
        assertThat(f.total(Stage.PARSE)).isEqualTo(INPUTS);
        assertThat(f.total(Stage.COMPILE)).isEqualTo(INPUTS);
        // the mix reaches every stage with both outcomes a user sees
        for (Stage s : new Stage[] {Stage.PARSE, Stage.COMPILE}) {
            assertThat(f.count(s, Verdict.OK)).as(s + " accepted").isGreaterThan(INPUTS / 10);
            assertThat(f.count(s, Verdict.DIAGNOSTIC)).as(s + " rejected").isGreaterThan(INPUTS / 10);
        }
        assertThat(f.count(Stage.EMIT, Verdict.OK)).isGreaterThan(INPUTS / 10);
        assertThat(f.total(Stage.FORMAT)).isGreaterThan(INPUTS / 5);
        assertThat(f.count(Stage.LSP, Verdict.OK)).isGreaterThan(5);
    }
}
