package dev.skiff.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.Compilation;
import dev.skiff.CompileRequest;
import dev.skiff.Skiff;
import dev.skiff.diag.Code;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Functions that change files ({@code file.write}, {@code file.mkdir}, {@code json.dump_to_file}, …) change them
 * only when the compilation carries writes out, as {@code skiff run} does; {@code skiff check} and the editor
 * compile the same program without touching the disk, and both refuse paths outside the project.
 */
class FileWritesTest {
    @TempDir
    Path dir;

    private Compilation compile(String program, boolean write) throws IOException {
        Path main = dir.resolve("main.k");
        Files.writeString(main, program);
        return Skiff.compile(CompileRequest.of(main).withWorkDir(dir).withFileWrites(write));
    }

    @Test
    void writesHappenOnlyWhenAsked() throws IOException {
        String program = """
                import file
                import json
                import yaml
                file.mkdir("out/nested")
                file.write("out/nested/note.txt", "hello")
                json.dump_to_file({a = 1}, "out/a.json")
                yaml.dump_all_to_file([{a = 1}, {b = 2}], "out/all.yaml")
                """;
        assertThat(compile(program, false).hasErrors()).isFalse();
        assertThat(dir.resolve("out")).doesNotExist();

        assertThat(compile(program, true).hasErrors()).isFalse();
        assertThat(dir.resolve("out/nested/note.txt")).hasContent("hello");
        assertThat(dir.resolve("out/a.json")).hasContent("{\"a\": 1}");
        assertThat(dir.resolve("out/all.yaml")).hasContent("a: 1\n\n---\nb: 2\n");
        try (var left = Files.list(dir.resolve("out/nested"))) {
            assertThat(left).as("no temporary file is left beside the target").hasSize(1);
        }
    }

    @Test
    void aWriteReplacesTheWholeFile() throws IOException {
        Files.writeString(dir.resolve("config.txt"), "a much longer old content");
        assertThat(compile("import file\nfile.write(\"config.txt\", \"new\")\n", true).hasErrors()).isFalse();
        assertThat(dir.resolve("config.txt")).hasContent("new");
    }

    @Test
    void copyMoveAndDeleteWorkOnFilesAndDirectories() throws IOException {
        Files.createDirectories(dir.resolve("templates/base"));
        Files.writeString(dir.resolve("templates/base/app.yaml"), "kind: App");
        Compilation c = compile("""
                import file
                file.cp("templates", "copied")
                file.mv("copied/base/app.yaml", "copied/app.yaml")
                file.delete("copied/base")
                entries = file.glob("copied/**")
                """, true);
        assertThat(c.hasErrors()).isFalse();
        assertThat(dir.resolve("copied/app.yaml")).hasContent("kind: App");
        assertThat(dir.resolve("copied/base")).doesNotExist();
        assertThat(dir.resolve("templates/base/app.yaml")).exists();
    }

    @Test
    void aPathOutsideTheProjectIsRefusedEvenWhenNothingIsWritten() throws IOException {
        for (boolean write : new boolean[] {false, true}) {
            Compilation c = compile("import file\nfile.write(\"../escaped.txt\", \"x\")\n", write);
            assertThat(c.diagnostics()).singleElement().satisfies(d -> assertThat(d.code()).isEqualTo(Code.E0511));
        }
        assertThat(dir.resolveSibling("escaped.txt")).doesNotExist();
    }

    @Test
    void aSymbolicLinkOutOfTheProjectDoesNotLeadOutOfIt(@TempDir Path elsewhere) throws IOException {
        Files.createSymbolicLink(dir.resolve("link"), elsewhere);
        Compilation c = compile("import file\nfile.write(\"link/planted.txt\", \"x\")\n", true);
        assertThat(c.diagnostics()).singleElement().satisfies(d -> assertThat(d.code()).isEqualTo(Code.E0511));
        assertThat(elsewhere.resolve("planted.txt")).doesNotExist();
    }
}
