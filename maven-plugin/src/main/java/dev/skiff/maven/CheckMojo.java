package dev.skiff.maven;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * {@code skiff:check}: compiles every program and validates its Kubernetes objects, as {@code skiff check} does;
 * the build fails on any error. The programs' own file writes are checked, not carried out. Bound to
 * {@code verify}.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends SkiffMojo {
    @Override
    public void execute() throws MojoFailureException {
        if (skip) {
            getLog().info("Skipping skiff:check");
            return;
        }
        List<Outcome> failed = new ArrayList<>();
        int checked = 0;
        for (File source : existingSources()) {
            Outcome o = compile(source, false);
            checked++;
            if (o.failed()) {
                failed.add(o);
            }
        }
        if (!failed.isEmpty()) {
            throw failure(failed);
        }
        getLog().info("Skiff checked " + checked + (checked == 1 ? " program" : " programs") + ": no errors");
    }
}
