package dev.skiff.maven;

import dev.skiff.emit.AtomicWrite;
import dev.skiff.emit.YamlWriter;
import dev.skiff.validate.Manifest;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code skiff:build}: writes the programs' validated Kubernetes objects into {@code outputDirectory}, one file per
 * object named after its kind and name ({@code deployment-shop.yaml}), as {@code skiff build -o DIR/} does. With
 * any error nothing is written and the build fails. Bound to {@code generate-resources}.
 */
@Mojo(name = "build", defaultPhase = LifecyclePhase.GENERATE_RESOURCES, threadSafe = true)
public class BuildMojo extends SkiffMojo {
    /** Where the manifests go. */
    @Parameter(property = "skiff.outputDirectory", defaultValue = "${project.build.directory}/skiff")
    File outputDirectory;

    @Override
    public void execute() throws MojoFailureException, MojoExecutionException {
        if (skip) {
            getLog().info("Skipping skiff:build");
            return;
        }
        List<Outcome> outcomes = new ArrayList<>();
        List<Outcome> failed = new ArrayList<>();
        for (File source : existingSources()) {
            Outcome o = compile(source, true);
            outcomes.add(o);
            if (o.failed()) {
                failed.add(o);
            }
        }
        if (!failed.isEmpty()) {
            throw failure(failed);
        }
        try {
            Files.createDirectories(outputDirectory.toPath());
            Set<String> used = new HashSet<>();
            int written = 0;
            for (Outcome o : outcomes) {
                for (Manifest m : o.objects()) {
                    // one file per object, named as `skiff build -o DIR/` names them
                    String base = (m.kind() + "-" + (m.name() == null ? "unnamed" : m.name())).toLowerCase(Locale.ROOT)
                            .replaceAll("[^a-z0-9.-]", "-");
                    String name = base + ".yaml";
                    for (int i = 2; !used.add(name); i++) {
                        name = base + "-" + i + ".yaml";
                    }
                    AtomicWrite.write(outputDirectory.toPath().resolve(name), YamlWriter.write(m.data()));
                    written++;
                }
            }
            getLog().info("Skiff wrote " + written + (written == 1 ? " object" : " objects") + " to "
                    + basedir.toPath().relativize(outputDirectory.toPath().toAbsolutePath()));
        } catch (IOException e) {
            throw new MojoExecutionException("cannot write to " + outputDirectory + ": " + e.getMessage(), e);
        }
    }
}
