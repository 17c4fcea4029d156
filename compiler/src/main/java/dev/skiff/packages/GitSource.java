package dev.skiff.packages;

import dev.skiff.diag.Code;
import dev.skiff.diag.Diagnostic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Fetches a git dependency with the {@code git} executable, as KCL does: the user's transports, credential helpers
 * and SSH configuration apply unchanged, which a Java reimplementation (JGit) would not honour and would add a
 * large dependency for. A tag or branch is cloned shallowly; a commit is checked out of a full clone. The clone's
 * {@code .git} is removed: the package is its files (KCL's checksum leaves {@code .git} out as well). Git never
 * prompts ({@code GIT_TERMINAL_PROMPT=0}): a remote that needs credentials fails with a message instead.
 */
final class GitSource {
    private static final long TIMEOUT_MINUTES = 10;

    private GitSource() {
    }

    static void fetch(Dependency.Git g, Path into) throws PackageException {
        boolean local = !g.url().contains("://") && !g.url().matches("^[^/]+@[^/]+:.*") || g.url().startsWith("file://");
        List<String> clone = new ArrayList<>(List.of("git", "clone", "--quiet"));
        if (g.commit() == null) {
            if (!local) {
                clone.addAll(List.of("--depth", "1"));
            }
            clone.addAll(List.of("--branch", g.ref()));
        }
        clone.addAll(List.of("--", g.url(), into.toString()));
        run(clone, g, into.getParent());
        if (g.commit() != null) {
            run(List.of("git", "-c", "advice.detachedHead=false", "checkout", "--quiet", g.commit()), g, into);
        }
        try {
            Files.deleteIfExists(into.resolve(".git/shallow"));
            FileTrees.delete(into.resolve(".git"));
        } catch (IOException e) {
            throw new PackageException(Diagnostic.error(Code.E0209, null, "cannot remove the clone's `.git` in `" + into
                    + "`: " + e.getMessage()));
        }
    }

    private static void run(List<String> command, Dependency.Git g, Path dir) throws PackageException {
        Process p;
        try {
            ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
            pb.environment().put("GIT_TERMINAL_PROMPT", "0");
            p = pb.start();
        } catch (IOException e) {
            throw new PackageException(Diagnostic.error(Code.E0209, null, "cannot run `git` to fetch `" + g.name()
                    + "`: " + e.getMessage()).withHint("install git, or vendor the package (`skiff mod vendor`) where git is"));
        }
        try {
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new PackageException(Diagnostic.error(Code.E0209, null, "`git` took more than " + TIMEOUT_MINUTES
                        + " minutes to fetch `" + g.url() + "`"));
            }
            if (p.exitValue() != 0) {
                String said = out.lines().map(String::strip).filter(l -> !l.isEmpty()).reduce((a, b) -> b).orElse("");
                throw new PackageException(Diagnostic.error(Code.E0209, null, "cannot fetch `" + g.url() + "` at "
                        + (g.tag() != null ? "tag" : g.commit() != null ? "commit" : "branch") + " `" + g.ref() + "`: " + said)
                        .withHint("check that the remote is reachable and has that " + (g.tag() != null ? "tag"
                                : g.commit() != null ? "commit" : "branch") + "; without a network, use `--offline` with "
                                + "a vendored or cached copy"));
            }
        } catch (IOException e) {
            throw new PackageException(Diagnostic.error(Code.E0209, null, "`git` failed: " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new PackageException(Diagnostic.error(Code.E0209, null, "interrupted while fetching `" + g.url() + "`"));
        }
    }
}
