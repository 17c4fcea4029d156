package dev.skiff.cli;

import dev.skiff.emit.AtomicWrite;
import dev.skiff.k8s.SchemaRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code skiff init}: a new project that builds at once: {@code kcl.mod}, a {@code main.k} with a typed
 * Deployment and Service, a pre-commit configuration running Skiff's hooks, and a README. It never
 * overwrites: if any of its files exists, it writes nothing.
 */
@Command(name = "init",
        description = "Create a Skiff project: kcl.mod, main.k, .pre-commit-config.yaml and README.md.",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        footerHeading = "%nExamples:%n",
        footer = {
                "  skiff init                    a project in the current directory, named after it",
                "  skiff init shop               a project in ./shop",
                "  skiff init deploy --name shop --image registry.example.com/shop:1.0 --port 8080",
                "",
                "Then: skiff build shop (print the manifests), skiff check shop, pre-commit install.",
                "Exit codes: 0 created, 1 a file already exists (nothing written), 2 bad usage, 3 internal error."})
public final class InitCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "DIR", arity = "0..1", description = "Where to create the project (default: .).")
    Path dir = Path.of(".");

    @Option(names = "--name", paramLabel = "NAME",
            description = "The application's name (default: the directory's name, made a valid Kubernetes name).")
    String name;

    @Option(names = "--image", paramLabel = "IMAGE", description = "The container image (default: a placeholder).")
    String image;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
            description = "The port the container listens on (default: ${DEFAULT-VALUE}).")
    int port;

    @CommandLine.Mixin
    CommonOptions common = new CommonOptions();

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path root = dir.toAbsolutePath().normalize();
        String app = name != null ? name : kubernetesName(root.getFileName() == null ? "app" : root.getFileName().toString());
        if (!app.matches("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "`" + app + "` is not a valid Kubernetes name:"
                    + " use lower-case letters, digits and `-`, at most 63 characters");
        }
        if (port < 1 || port > 65535) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--port must be between 1 and 65535");
        }
        Map<String, String> files = new LinkedHashMap<>();
        files.put("kcl.mod", kclMod(app));
        files.put("main.k", mainK(app, image != null ? image : "registry.example.com/" + app + ":0.1.0", port));
        files.put(".pre-commit-config.yaml", PRE_COMMIT);
        files.put("README.md", readme(app));
        List<String> existing = new ArrayList<>();
        for (String f : files.keySet()) {
            if (Files.exists(root.resolve(f))) {
                existing.add(f);
            }
        }
        if (!existing.isEmpty()) {
            err.println("error: " + String.join(", ", existing) + (existing.size() == 1 ? " exists" : " exist")
                    + " in " + dir + "; skiff init writes nothing over existing files");
            err.flush();
            return ExitCodes.PROGRAM_ERROR;
        }
        for (Map.Entry<String, String> f : files.entrySet()) {
            AtomicWrite.write(root.resolve(f.getKey()), f.getValue());
        }
        String shown = dir.toString().equals(".") ? "." : dir.toString();
        out.println("created " + String.join(", ", files.keySet()) + " in " + shown);
        out.println("next: skiff build " + shown + "    (prints the manifests)");
        out.flush();
        return ExitCodes.OK;
    }

    /** Lower case, runs of other characters as one `-`, trimmed to 63 characters. */
    static String kubernetesName(String raw) {
        String s = raw.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (s.length() > 63) {
            s = s.substring(0, 63).replaceAll("-+$", "");
        }
        return s.isEmpty() ? "app" : s;
    }

    private static String kclMod(String app) {
        List<String> versions = SchemaRegistry.versions();
        String k8s = versions.isEmpty() ? "" : "\n[skiff]\n# the Kubernetes version whose API the manifests are checked against\nk8s = \""
                + versions.get(0) + "\"\n";
        return "[package]\nname = \"" + app + "\"\nversion = \"0.1.0\"\n" + k8s;
    }

    private static String mainK(String app, String image, int port) {
        return """
                # The Kubernetes objects of %1$s. `skiff build` prints them as YAML, checked against the
                # Kubernetes API; `skiff check` only checks.
                #
                # For a shorter start, the stdlib's App makes the Deployment and Service (and more) for you:
                #     import skiff.app as app
                #     web = app.App {name = "%1$s", image = "%2$s", port = %3$d}
                import k8s.api.apps.v1 as apps
                import k8s.api.core.v1 as core

                _name = "%1$s"
                _labels = {"app.kubernetes.io/name" = _name}

                deployment = apps.Deployment {
                    metadata = {name = _name, labels = _labels}
                    spec = {
                        replicas = 2
                        selector.matchLabels = _labels
                        template = {
                            metadata.labels = _labels
                            spec.containers = [{
                                name = _name
                                image = "%2$s"
                                ports = [{name = "http", containerPort = %3$d}]
                                resources = {
                                    requests = {cpu = "100m", memory = "128Mi"}
                                    limits.memory = "256Mi"
                                }
                                readinessProbe.httpGet = {path = "/", port = "http"}
                            }]
                        }
                    }
                }

                service = core.Service {
                    metadata = {name = _name, labels = _labels}
                    spec = {
                        selector = _labels
                        ports = [{name = "http", port = 80, targetPort = "http"}]
                    }
                }
                """.formatted(app, image, port);
    }

    private static final String PRE_COMMIT = """
            # pre-commit (https://pre-commit.com): `pre-commit install` once, then every commit runs these.
            # They call `skiff` from PATH. Hooks that install Skiff themselves (built with Maven on first use):
            #   - repo: https://github.com/skiff-lang/skiff
            #     rev: main
            #     hooks: [{id: skiff-fmt}, {id: skiff-check}]
            repos:
            - repo: local
              hooks:
              - id: skiff-fmt
                name: skiff fmt
                entry: skiff fmt --color never
                language: system
                files: \\.k$
                require_serial: true
              - id: skiff-check
                name: skiff check
                entry: skiff check --color never
                language: system
                files: (\\.k|(^|/)kcl\\.mod)$
                pass_filenames: false
                require_serial: true
            """;

    private static String readme(String app) {
        return """
                # %1$s

                Kubernetes manifests for %1$s, written in [Skiff](https://github.com/skiff-lang/skiff).

                ```sh
                skiff build                      # print the manifests
                skiff build -o manifests.yaml    # write them (atomically)
                skiff check                      # check only, as CI and the pre-commit hook do
                skiff fmt                        # lay out the code canonically
                pre-commit install               # run fmt and check before each commit
                ```

                `main.k` holds the objects; `kcl.mod` marks the project and pins the Kubernetes version the
                manifests are checked against.
                """.formatted(app);
    }
}
