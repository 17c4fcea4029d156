package dev.skiff.cli;

import dev.skiff.diag.Code;
import dev.skiff.diag.Diagnostic;
import dev.skiff.diag.Result;
import dev.skiff.diag.TextRenderer;
import dev.skiff.packages.Dependency;
import dev.skiff.packages.ModFile;
import dev.skiff.packages.PackageManager;
import dev.skiff.packages.PackageStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code skiff mod}: KCL's package commands ({@code kcl mod add|pull|update|vendor|graph}) over the same
 * {@code kcl.mod}, {@code kcl.mod.lock} and package cache.
 */
@Command(name = "mod",
        description = "Manage packages: kcl.mod dependencies from OCI registries, git and paths, and kcl.mod.lock.",
        mixinStandardHelpOptions = true,
        subcommands = {ModCommand.Add.class, ModCommand.Pull.class, ModCommand.Update.class, ModCommand.Vendor.class,
                ModCommand.Graph.class},
        footerHeading = "%nExamples:%n",
        footer = {
                "  skiff mod add k8s:1.31.2                                 a package of ghcr.io/kcl-lang",
                "  skiff mod add oci://ghcr.io/kcl-lang/helloworld --tag 0.1.0",
                "  skiff mod add --git https://github.com/kcl-lang/konfig --tag v0.4.0",
                "  skiff mod pull --locked --offline                        in CI: nothing fetched, nothing changed",
                "",
                "Packages are cached in $KCL_PKG_PATH, or KCL's default cache; a project's vendor/ is used first.",
                "Exit codes: 0 success, 1 a package could not be installed or the lock is out of date, 2 bad usage."})
public final class ModCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: try `skiff mod pull`");
    }

    /** Options every {@code mod} command takes. */
    static final class ProjectOptions {
        @Option(names = {"-C", "--dir"}, paramLabel = "DIR", description = "The project (default: the one holding the "
                + "current directory).")
        Path dir;

        @Option(names = "--offline", description = "Use no network: only vendor/ and the package cache.")
        boolean offline;

        @Option(names = "--locked", description = "Fail, and change nothing, if kcl.mod.lock would change.")
        boolean locked;

        @Option(names = "--color", paramLabel = "auto|always|never", defaultValue = "auto", hidden = true)
        CommonOptions.Color color;

        Path root(CommandLine cli) {
            Path start = (dir != null ? dir : Path.of("")).toAbsolutePath().normalize();
            for (Path d = start; d != null; d = d.getParent()) {
                if (ModFile.exists(d)) {
                    return d;
                }
            }
            throw new CommandLine.ParameterException(cli, "no `kcl.mod` in `" + start + "` or above it: run `skiff init` "
                    + "or `kcl mod init` first");
        }

        PackageManager manager(PrintWriter err, boolean update) {
            String plain = System.getenv("OCI_REG_PLAIN_HTTP");
            return new PackageManager(new PackageManager.Options(PackageStore.fromEnvironment(), offline, locked, update,
                    "on".equalsIgnoreCase(plain) || "true".equalsIgnoreCase(plain), line -> {
                err.println(line);
                err.flush();
            }));
        }

        /** Prints the diagnostics; the exit code they make. */
        int report(List<Diagnostic> diagnostics, PrintWriter err) {
            if (!diagnostics.isEmpty()) {
                CommonOptions c = new CommonOptions();
                c.color = color;
                err.print(new TextRenderer(c.useColor()).render(diagnostics));
                err.flush();
            }
            return diagnostics.stream().anyMatch(Diagnostic::isError) ? ExitCodes.PROGRAM_ERROR : ExitCodes.OK;
        }
    }

    /** A package named on the command line, in {@code kcl mod add}'s forms. */
    static final class Source {
        @Parameters(paramLabel = "PACKAGE", arity = "0..1", description = "NAME[:VERSION] of ghcr.io/kcl-lang, "
                + "oci://REGISTRY/REPO, git://HOST/REPO, or a local directory.")
        String spec;

        @Option(names = "--git", paramLabel = "URL", description = "A git repository.")
        String git;

        @Option(names = "--oci", paramLabel = "URL", description = "An OCI repository (oci:// or https://).")
        String oci;

        @Option(names = "--tag", paramLabel = "TAG", description = "The git or OCI tag.")
        String tag;

        @Option(names = "--commit", paramLabel = "SHA", description = "The git commit.")
        String commit;

        @Option(names = "--branch", paramLabel = "BRANCH", description = "The git branch.")
        String branch;

        @Option(names = "--rename", paramLabel = "NAME", description = "Import the package by this name.")
        String rename;

        boolean given() {
            return spec != null || git != null || oci != null;
        }

        Dependency dependency(CommandLine cli, Path root) {
            String git = this.git;
            String oci = this.oci;
            Dependency d;
            if (spec != null && (spec.startsWith("oci://") || spec.startsWith(Dependency.Oci.LAYOUT + "://"))) {
                oci = spec;
            } else if (spec != null && spec.startsWith("git://")) {
                git = "https://" + spec.substring("git://".length());
            } else if (spec != null && (spec.contains("/") || spec.equals(".") || spec.equals(".."))) {
                Path p = root.resolve(spec).normalize();
                if (!Files.isDirectory(p)) {
                    throw new CommandLine.ParameterException(cli, "`" + spec + "` is not a directory");
                }
                String name = ModFile.exists(p) ? ModFile.read(p).value().name() : p.getFileName().toString();
                return new Dependency.Local(rename != null ? rename : name, p);
            }
            if (git != null) {
                int refs = (tag != null ? 1 : 0) + (commit != null ? 1 : 0) + (branch != null ? 1 : 0);
                if (refs != 1) {
                    throw new CommandLine.ParameterException(cli, "a git package needs exactly one of --tag, --commit "
                            + "and --branch");
                }
                String base = git.replaceAll("/+$", "");
                base = base.substring(base.lastIndexOf('/') + 1).replaceFirst("\\.git$", "");
                d = new Dependency.Git(rename != null ? rename : base, git, tag, commit, branch);
            } else if (oci != null) {
                if (tag == null) {
                    throw new CommandLine.ParameterException(cli, "an OCI package needs --tag (Skiff does not look up the "
                            + "latest tag)");
                }
                String[] why = new String[1];
                String repo = oci.replaceAll("/+$", "");
                d = Dependency.oci(rename != null ? rename : repo.substring(repo.lastIndexOf('/') + 1), oci, tag, root, why);
                if (d == null) {
                    throw new CommandLine.ParameterException(cli, why[0]);
                }
            } else if (spec != null) {
                int colon = spec.indexOf(':');
                if (colon <= 0 || colon == spec.length() - 1) {
                    throw new CommandLine.ParameterException(cli, "give the version: `" + spec + ":1.0.0` (Skiff does "
                            + "not look up the latest version)");
                }
                String name = spec.substring(0, colon);
                String version = spec.substring(colon + 1);
                d = rename != null ? new Dependency.Oci(rename, Dependency.DEFAULT_REGISTRY,
                        Dependency.DEFAULT_NAMESPACE + "/" + name, version) : new Dependency.Registry(name, version);
            } else {
                throw new CommandLine.ParameterException(cli, "name a package: NAME:VERSION, oci://…, --git URL or a directory");
            }
            if (!d.name().matches("[A-Za-z_][A-Za-z0-9_-]*")) {
                throw new CommandLine.ParameterException(cli, "`" + d.name() + "` cannot be imported: use --rename NAME");
            }
            return d;
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add a dependency to kcl.mod, fetch it and update kcl.mod.lock.")
    static final class Add implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @CommandLine.Mixin
        ProjectOptions project = new ProjectOptions();
        @CommandLine.Mixin
        Source source = new Source();

        @Override
        public Integer call() throws IOException {
            PrintWriter err = spec.commandLine().getErr();
            Path root = project.root(spec.commandLine());
            Dependency d = source.dependency(spec.commandLine(), root);
            Path mod = root.resolve(ModFile.NAME);
            String before = Files.readString(mod);
            Files.writeString(mod, ModFile.withDependency(before, d, root));
            Result<PackageManager.Installation> r = project.manager(err, false).install(root);
            int code = project.report(r.diagnostics(), err);
            if (code != ExitCodes.OK) {
                Files.writeString(mod, before); // a dependency that cannot be installed is not added
            } else {
                err.println("added '" + d.name() + "' (" + ModFile.line(d, root) + ")");
            }
            return code;
        }
    }

    @Command(name = "pull", mixinStandardHelpOptions = true,
            description = "Fetch the project's dependencies into the cache and update kcl.mod.lock; or fetch one "
                    + "package into the cache and print where it is.")
    static final class Pull implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @CommandLine.Mixin
        ProjectOptions project = new ProjectOptions();
        @CommandLine.Mixin
        Source source = new Source();

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            if (source.given()) {
                Path base = (project.dir != null ? project.dir : Path.of("")).toAbsolutePath().normalize();
                Dependency d = source.dependency(spec.commandLine(), base);
                if (d instanceof Dependency.Local) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "a local directory needs no pulling");
                }
                PackageStore store = PackageStore.fromEnvironment();
                Path at = store.locate(base, d);
                if (at == null) {
                    if (project.offline) {
                        return project.report(List.of(Diagnostic.error(Code.E0208, null, "`" + d.name()
                                + "` is not in the package cache, and `--offline` was given")), err);
                    }
                    Result<Path> pulled = project.manager(err, false).pull(d);
                    if (pulled.value() == null) {
                        return project.report(pulled.diagnostics(), err);
                    }
                    at = pulled.value();
                }
                spec.commandLine().getOut().println(at);
                return ExitCodes.OK;
            }
            Path root = project.root(spec.commandLine());
            return project.report(project.manager(err, false).install(root).diagnostics(), err);
        }
    }

    @Command(name = "update", mixinStandardHelpOptions = true,
            description = "Fetch branches again, accept the packages' current checksums and rewrite kcl.mod.lock.")
    static final class Update implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @CommandLine.Mixin
        ProjectOptions project = new ProjectOptions();

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            Path root = project.root(spec.commandLine());
            return project.report(project.manager(err, true).install(root).diagnostics(), err);
        }
    }

    @Command(name = "vendor", mixinStandardHelpOptions = true,
            description = "Copy every fetched dependency into the project's vendor/ directory, which is then used first.")
    static final class Vendor implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @CommandLine.Mixin
        ProjectOptions project = new ProjectOptions();

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            Path root = project.root(spec.commandLine());
            return project.report(project.manager(err, false).vendor(root).diagnostics(), err);
        }
    }

    @Command(name = "graph", mixinStandardHelpOptions = true,
            description = "Print the dependency graph, one `package@version dependency@version` edge a line.")
    static final class Graph implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @CommandLine.Mixin
        ProjectOptions project = new ProjectOptions();

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            Path root = project.root(spec.commandLine());
            Result<PackageManager.Installation> r = project.manager(err, false).install(root);
            int code = project.report(r.diagnostics(), err);
            if (code == ExitCodes.OK) {
                PrintWriter out = spec.commandLine().getOut();
                r.value().edges().forEach(out::println);
                out.flush();
            }
            return code;
        }
    }
}
