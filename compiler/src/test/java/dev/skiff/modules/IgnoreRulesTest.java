package dev.skiff.modules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a directory search leaves out: gitignore(5) patterns as git reads them, and build folders. */
class IgnoreRulesTest {
    @TempDir
    Path repo;

    private boolean ignored(IgnoreRules rules, String path, boolean dir) {
        return rules.ignores(repo.resolve(path), dir);
    }

    @Test
    void patternsFollowGitignore() throws Exception {
        Files.createDirectories(repo.resolve(".git"));
        Files.writeString(repo.resolve(".gitignore"), String.join("\n",
                "# a comment",
                "*.gen.k",
                "!keep.gen.k",
                "/rendered",
                "build/",
                "docs/**/draft.k",
                "a?c.k",
                "[xy].k",
                "\\#literal.k",
                ""));
        IgnoreRules rules = IgnoreRules.at(repo);
        assertThat(ignored(rules, "deep/x.gen.k", false)).isTrue();
        assertThat(ignored(rules, "deep/keep.gen.k", false)).as("re-included by !").isFalse();
        assertThat(ignored(rules, "rendered", true)).isTrue();
        assertThat(ignored(rules, "apps/rendered", true)).as("a leading / anchors to the .gitignore's folder").isFalse();
        assertThat(ignored(rules, "apps/build", true)).isTrue();
        assertThat(ignored(rules, "apps/build", false)).as("a trailing / matches folders only").isFalse();
        assertThat(ignored(rules, "docs/draft.k", false)).as("** matches no folder too").isTrue();
        assertThat(ignored(rules, "docs/a/b/draft.k", false)).isTrue();
        assertThat(ignored(rules, "other/docs/draft.k", false)).as("a pattern with a / is anchored").isFalse();
        assertThat(ignored(rules, "abc.k", false)).isTrue();
        assertThat(ignored(rules, "abbc.k", false)).isFalse();
        assertThat(ignored(rules, "y.k", false)).isTrue();
        assertThat(ignored(rules, "z.k", false)).isFalse();
        assertThat(ignored(rules, "#literal.k", false)).isTrue();
        assertThat(ignored(rules, "main.k", false)).isFalse();
    }

    @Test
    void deeperGitignoresAddRulesAndBuildFoldersAreNeverSearched() throws Exception {
        Files.createDirectories(repo.resolve(".git"));
        Files.createDirectories(repo.resolve("app"));
        Files.writeString(repo.resolve(".gitignore"), "*.tmp.k\n");
        Files.writeString(repo.resolve("app/.gitignore"), "local.k\n!important.tmp.k\n");
        // the rules in force in app/ include the root's, found by walking up to the repository
        IgnoreRules inApp = IgnoreRules.at(repo.resolve("app"));
        assertThat(ignored(inApp, "app/local.k", false)).isTrue();
        assertThat(ignored(inApp, "app/x.tmp.k", false)).isTrue();
        assertThat(ignored(inApp, "app/important.tmp.k", false)).isFalse();
        IgnoreRules atRoot = IgnoreRules.at(repo);
        assertThat(ignored(atRoot, "local.k", false)).as("app/.gitignore does not reach up").isFalse();
        for (String dir : new String[] {"target", "node_modules", ".cache", "app/.venv"}) {
            assertThat(ignored(atRoot, dir, true)).as(dir).isTrue();
        }
        assertThat(ignored(atRoot, ".hidden.k", false)).as("hidden files are sources like any").isFalse();
    }
}
