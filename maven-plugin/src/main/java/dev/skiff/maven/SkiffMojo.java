package dev.skiff.maven;

import dev.skiff.Compilation;
import dev.skiff.CompileRequest;
import dev.skiff.Skiff;
import dev.skiff.diag.Diagnostic;
import dev.skiff.diag.TextRenderer;
import dev.skiff.validate.Manifest;
import java.io.File;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What {@code skiff:check} and {@code skiff:build} share: the programs (each a {@code .k} file or a directory
 * whose {@code .k} files form one program), their {@code -D} options, the Kubernetes version and CRDs, and how
 * diagnostics reach the build log (rendered as the CLI renders them, with file, line, column and caret).
 */
abstract class SkiffMojo extends AbstractMojo {
    /** The programs: {@code .k} files or directories. */
    @Parameter(defaultValue = "${project.basedir}/src/main/skiff")
    List<File> sources = new ArrayList<>();

    /** Options, as {@code -D key=value}: the program reads them with {@code option("key")}. */
    @Parameter
    Map<String, String> options = new LinkedHashMap<>();

    /** The Kubernetes version of the schemas (default: kcl.mod's {@code [skiff] k8s}, else the newest). */
    @Parameter(property = "skiff.k8sVersion")
    String k8sVersion;

    /** CustomResourceDefinition files or directories that type custom resources. */
    @Parameter
    List<File> crds = new ArrayList<>();

    @Parameter(defaultValue = "${project.basedir}", readonly = true)
    File basedir;

    /** Skips the goal. */
    @Parameter(property = "skiff.skip", defaultValue = "false")
    boolean skip;

    /** One program's outcome: the compilation and its objects, with every diagnostic of both. */
    record Outcome(File source, Compilation compilation, List<Manifest> objects, List<Diagnostic> diagnostics) {
        boolean failed() {
            return diagnostics.stream().anyMatch(Diagnostic::isError);
        }
    }

    Outcome compile(File source, boolean writeFiles) {
        Path work = basedir.toPath().toAbsolutePath();
        CompileRequest request = new CompileRequest(List.of(source.toPath().toAbsolutePath()), options, work,
                new PrintStream(OutputStream.nullOutputStream()), k8sVersion,
                crds.stream().map(f -> f.toPath().toAbsolutePath()).toList()).withFileWrites(writeFiles)
                .withValidation(true);
        Compilation c = Skiff.compile(request);
        report(c.diagnostics());
        return new Outcome(source, c, c.manifests(), c.diagnostics());
    }

    private void report(List<Diagnostic> diagnostics) {
        for (Diagnostic d : diagnostics) {
            String text = new TextRenderer(false).render(d).stripTrailing();
            switch (d.severity()) {
                case ERROR -> getLog().error(text);
                case WARNING -> getLog().warn(text);
                default -> getLog().info(text);
            }
        }
    }

    /** The sources that exist; a missing default directory means nothing to do, a missing named one is an error. */
    List<File> existingSources() throws MojoFailureException {
        List<File> out = new ArrayList<>();
        for (File s : sources) {
            if (s.exists()) {
                out.add(s);
            } else if (!(sources.size() == 1 && s.toPath().endsWith(Path.of("src", "main", "skiff")))) {
                throw new MojoFailureException("Skiff source " + s + " does not exist");
            }
        }
        if (out.isEmpty()) {
            getLog().info("No Skiff sources (" + sources + ")");
        }
        return out;
    }

    MojoFailureException failure(List<Outcome> failed) {
        long errors = failed.stream().flatMap(o -> o.diagnostics().stream()).filter(Diagnostic::isError).count();
        return new MojoFailureException("Skiff found " + errors + (errors == 1 ? " error" : " errors") + " in "
                + failed.stream().map(o -> basedir.toPath().relativize(o.source().toPath().toAbsolutePath()).toString())
                .toList());
    }
}
