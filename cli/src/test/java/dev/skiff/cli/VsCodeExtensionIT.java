package dev.skiff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The VS Code extension in {@code lsp/vscode} as VS Code runs it: its own Node test bundles it and starts the
 * jar built here through the real {@code vscode-languageclient} library (which adds {@code --stdio} to the
 * server's command line), and {@code vsce package} packages it with none of its checks skipped. The npm
 * packages come from the extension's lock file ({@code npm ci}); without Node.js and npm the tests are skipped.
 */
class VsCodeExtensionIT {
    private static final Path EXTENSION = Path.of(System.getProperty("skiff.repo", "..")).resolve("lsp/vscode");

    @TempDir
    static Path dir;

    @BeforeAll
    static void installPackages() throws Exception {
        Assumptions.assumeTrue(RepositoryIT.which("npm") != null && RepositoryIT.which("node") != null,
                "Node.js and npm are not installed");
        Path installed = EXTENSION.resolve("node_modules/.package-lock.json");
        FileTime lock = Files.getLastModifiedTime(EXTENSION.resolve("package-lock.json"));
        if (!Files.exists(installed) || Files.getLastModifiedTime(installed).compareTo(lock) < 0) {
            RepositoryIT.Run ci = run(EXTENSION, 600, "npm", "ci", "--no-audit", "--no-fund");
            Assumptions.assumeTrue(ci.exit() == 0, "npm ci failed (no registry?): " + ci.err());
        }
    }

    @Test
    void theRealLanguageClientStartsTheServerAndShowsItsDiagnostics() throws Exception {
        Path launcher = RepositoryIT.launcher(dir);
        RepositoryIT.Run test = run(EXTENSION, 300, "env", "SKIFF_COMMAND=" + launcher, "npm", "test");
        assertThat(test.exit()).as(test.out() + test.err()).isZero();
        assertThat(test.out()).contains("# pass 1").contains("# fail 0");
    }

    @Test
    void vscePackagesTheExtensionWithoutSkippingItsChecks() throws Exception {
        Path vsix = dir.resolve("skiff.vsix");
        RepositoryIT.Run pack = run(EXTENSION, 300, "npx", "vsce", "package", "--out", vsix.toString());
        assertThat(pack.exit()).as(pack.out() + pack.err()).isZero();
        try (ZipFile zip = new ZipFile(vsix.toFile())) {
            List<String> names = zip.stream().map(java.util.zip.ZipEntry::getName).toList();
            assertThat(names).contains("extension/dist/extension.js", "extension/package.json",
                    "extension/images/icon.png", "extension/syntaxes/skiff.tmLanguage.json");
            assertThat(names).anyMatch(n -> n.toLowerCase(java.util.Locale.ROOT).startsWith("extension/license"));
            assertThat(names).noneMatch(n -> n.contains("node_modules") || n.contains("/src/") || n.contains("/test/"));
            String bundle = new String(zip.getInputStream(zip.getEntry("extension/dist/extension.js")).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertThat(bundle).as("vscode-languageclient is bundled").contains("--clientProcessId");
        }
    }

    private static RepositoryIT.Run run(Path cwd, int seconds, String... command) throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = new ProcessBuilder(command).directory(cwd.toFile()).redirectInput(ProcessBuilder.Redirect.from(
                new java.io.File("/dev/null"))).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish in " + seconds + " s");
        }
        return new RepositoryIT.Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }
}
