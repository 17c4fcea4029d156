package dev.skiff.modules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.Compilation;
import dev.skiff.CompileRequest;
import dev.skiff.Skiff;
import dev.skiff.diag.Code;
import dev.skiff.diag.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Imports load code from the project and its declared dependencies only, as the {@code file} functions
 * read files only inside the project: a relative import that climbs out of it, or a package directory that
 * is a symbolic link to somewhere else, is refused with the import's place.
 */
class ImportSandboxTest {
    @TempDir
    Path tmp;

    private Path project() throws IOException {
        Path project = Files.createDirectories(tmp.resolve("project"));
        Files.writeString(project.resolve("kcl.mod"), "[package]\nname = \"shop\"\n");
        Files.writeString(tmp.resolve("outside.k"), "secret = \"from outside\"\n");
        return project;
    }

    private static Compilation compile(Path main, String text) throws IOException {
        Files.writeString(main, text);
        return Skiff.compile(CompileRequest.of(main).withWorkDir(main.getParent()));
    }

    private static void refused(Compilation c, String module, int line) {
        assertThat(c.hasErrors()).isTrue();
        Diagnostic d = c.diagnostics().get(0);
        assertThat(d.code()).isEqualTo(Code.E0202);
        assertThat(d.message()).isEqualTo("module `" + module + "` is outside the project");
        assertThat(d.span()).isNotNull();
        assertThat(d.span().line()).isEqualTo(line);
    }

    @Test
    void aRelativeImportMayNotClimbOutOfTheProject() throws IOException {
        Compilation c = compile(project().resolve("main.k"), "import ..outside as o\n\nx = o.secret\n");
        refused(c, "..outside", 1);
    }

    @Test
    void aSymbolicLinkToAPackageOutsideTheProjectIsRefused() throws IOException {
        Path project = project();
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere/lib"));
        Files.writeString(elsewhere.resolve("lib.k"), "secret = \"from elsewhere\"\n");
        Files.createSymbolicLink(project.resolve("lib"), elsewhere);
        refused(compile(project.resolve("main.k"), "import lib\n\nx = lib.secret\n"), "lib", 1);
        Files.createSymbolicLink(project.resolve("single.k"), tmp.resolve("outside.k"));
        refused(compile(project.resolve("main.k"), "import .single\n\nx = single.secret\n"), ".single", 1);
    }

    @Test
    void packagesOfTheProjectAndOfDeclaredDependenciesStillLoad() throws IOException {
        Path project = project();
        Path lib = Files.createDirectories(tmp.resolve("lib"));
        Files.writeString(lib.resolve("names.k"), "team = \"platform\"\n");
        Files.writeString(project.resolve("kcl.mod"), "[package]\nname = \"shop\"\n\n[dependencies]\nlib = { path = \"../lib\" }\n");
        Files.createDirectories(project.resolve("sub"));
        Files.writeString(project.resolve("sub/defaults.k"), "replicas = 2\n");
        Files.createSymbolicLink(project.resolve("alias"), project.resolve("sub"));
        Compilation c = compile(project.resolve("main.k"),
                "import lib\nimport .sub\nimport alias\n\nteam = lib.team\nreplicas = sub.replicas + alias.replicas\n");
        assertThat(c.diagnostics()).isEmpty();
        assertThat(c.data()).isEqualTo(Map.of("team", "platform", "replicas", 4L));
    }
}
