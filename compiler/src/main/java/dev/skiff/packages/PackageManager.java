package dev.skiff.packages;

import dev.skiff.diag.Code;
import dev.skiff.diag.Diagnostic;
import dev.skiff.diag.Result;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * KCL's package manager for a project: installs its dependencies and theirs (from the project's {@code vendor/},
 * the package cache, or their OCI registry or git remote), checks them against {@code kcl.mod.lock} and writes
 * the lock. What {@code skiff mod pull|update|vendor|graph} and {@code add} do.
 */
public final class PackageManager {
    /**
     * @param offline  never use the network: what is not vendored or cached is an error
     * @param locked   fail, writing nothing, when {@code kcl.mod.lock} would change (CI)
     * @param update   take what the sources hold now: fetch branches again and accept new checksums
     * @param plainHttp speak HTTP rather than HTTPS to every registry ({@code OCI_REG_PLAIN_HTTP=on})
     */
    public record Options(PackageStore store, boolean offline, boolean locked, boolean update, boolean plainHttp,
                          Consumer<String> log) {
        public static Options of(PackageStore store) {
            return new Options(store, false, false, false, false, s -> { });
        }

        public Options offline(boolean b) {
            return new Options(store, b, locked, update, plainHttp, log);
        }

        public Options locked(boolean b) {
            return new Options(store, offline, b, update, plainHttp, log);
        }

        public Options update(boolean b) {
            return new Options(store, offline, locked, b, plainHttp, log);
        }

        public Options log(Consumer<String> l) {
            return new Options(store, offline, locked, update, plainHttp, l);
        }
    }

    /**
     * An installed project.
     *
     * @param packages  each package's name with its directory (local ones included; the built-in {@code k8s} not)
     * @param lock      the lock as it now stands
     * @param edges     {@code pkg@version dep@version}, as {@code kcl mod graph} prints them
     * @param lockWritten whether {@code kcl.mod.lock} was (re)written
     */
    public record Installation(Map<String, Path> packages, LockFile lock, List<String> edges, boolean lockWritten) {
    }

    private final Options options;

    public PackageManager(Options options) {
        this.options = options;
    }

    /** Installs every dependency of the project at {@code root} and brings its lock up to date. */
    public Result<Installation> install(Path root) {
        List<Diagnostic> problems = new ArrayList<>();
        Result<ModFile> mod = ModFile.read(root);
        problems.addAll(mod.diagnostics());
        Result<LockFile> lockRead = LockFile.read(root);
        problems.addAll(lockRead.diagnostics());
        LockFile before = lockRead.value();
        Map<String, LockFile.Entry> entries = new LinkedHashMap<>();
        Map<String, Path> packages = new LinkedHashMap<>();
        Map<String, Dependency> chosen = new LinkedHashMap<>();
        Set<String> edges = new LinkedHashSet<>();
        Deque<ModFile> pending = new ArrayDeque<>(List.of(mod.value()));
        Set<Path> seen = new java.util.HashSet<>();
        while (!pending.isEmpty()) {
            ModFile m = pending.removeFirst();
            if (!seen.add(m.root())) {
                continue;
            }
            String from = m.name() + (m.version().isEmpty() ? "" : "@" + m.version());
            for (Dependency d : m.dependencies()) {
                Dependency earlier = chosen.get(d.name());
                if (earlier != null) {
                    edges.add(from + " " + label(earlier, packages.get(earlier.name())));
                    if (!earlier.equals(d) && !(earlier instanceof Dependency.Local) && !(d instanceof Dependency.Local)) {
                        problems.add(Diagnostic.warning(Code.E0209, null, "`" + m.name() + "` depends on `" + d.name()
                                + "` " + InstalledPackages.describe(d) + ", but " + InstalledPackages.describe(earlier)
                                + " is used, as declared first"));
                    }
                    continue;
                }
                chosen.put(d.name(), d);
                try {
                    LockFile.Entry entry = install(root, d, before.entries().get(d.name()), packages);
                    entries.put(d.name(), entry);
                } catch (PackageException e) {
                    problems.add(e.diagnostic());
                    continue;
                }
                Path at = packages.get(d.name());
                edges.add(from + " " + label(d, at));
                if (at != null && ModFile.exists(at)) {
                    Result<ModFile> sub = ModFile.read(at);
                    problems.addAll(sub.diagnostics());
                    pending.add(sub.value());
                }
            }
        }
        LockFile after = new LockFile(entries);
        boolean failed = problems.stream().anyMatch(Diagnostic::isError);
        boolean changed = !after.entries().equals(before.entries());
        if (changed && options.locked() && !failed) {
            problems.add(Diagnostic.error(Code.E0211, null, "`" + LockFile.NAME + "` is out of date: " + difference(before, after))
                    .withHint("run `skiff mod update` (or `kcl mod update`) and commit `" + LockFile.NAME + "`"));
            failed = true;
        }
        boolean written = false;
        if (changed && !failed) {
            try {
                writeAtomically(root.resolve(LockFile.NAME), after.render());
                written = true;
            } catch (IOException e) {
                problems.add(Diagnostic.error(Code.E0206, null, "cannot write `" + LockFile.NAME + "`: " + e.getMessage()));
            }
        }
        return Result.of(new Installation(packages, changed && !written ? before : after, List.copyOf(edges), written),
                problems);
    }

    private LockFile.Entry install(Path root, Dependency d, LockFile.Entry locked, Map<String, Path> packages)
            throws PackageException {
        if (d.isBuiltinKubernetes()) {
            // Skiff's built-in schemas stand for it, so it is not fetched; a lock entry KCL wrote is kept as it is
            LockFile.Entry mine = entry(d, "");
            return locked != null && locked.sameSource(mine) ? locked : mine;
        }
        if (d instanceof Dependency.Local l) {
            packages.put(d.name(), l.path());
            String version = ModFile.exists(l.path()) ? ModFile.read(l.path()).value().version() : "";
            return new LockFile.Entry(d.name(), d.name() + "_" + version, version, "", "", "", "", "", "", "", "");
        }
        Path at = options.store().locate(root, d);
        boolean refetch = options.update() && d instanceof Dependency.Git g && g.branch() != null
                && at != null && !at.startsWith(root.resolve(PackageStore.VENDOR));
        if (at == null || refetch) {
            if (options.offline()) {
                throw new PackageException(InstalledPackages.notInstalled(d, root).withHint(
                        "`--offline` was given; run `skiff mod pull` once with a network, or `skiff mod vendor`"));
            }
            at = fetch(d);
        }
        packages.put(d.name(), at);
        String sum;
        try {
            sum = Checksum.of(at);
        } catch (IOException e) {
            throw new PackageException(Diagnostic.error(Code.E0209, null, "cannot read `" + at + "`: " + e.getMessage()));
        }
        LockFile.Entry mine = entry(d, sum);
        if (locked != null && locked.sameSource(mine) && !locked.sum().isEmpty() && !locked.sum().equals(sum)
                && !options.update()) {
            throw new PackageException(Diagnostic.error(Code.E0210, null, "package `" + d.name() + "` ("
                    + InstalledPackages.describe(d) + ") has checksum " + sum + ", but `" + LockFile.NAME + "` records "
                    + locked.sum() + " (in `" + at + "`)")
                    .withHint("the copy was changed, or the package was published again under the same tag; delete the "
                            + "copy to fetch it again, or run `skiff mod update` to accept what it holds now"));
        }
        return mine;
    }

    /** Fetches {@code d} into the package cache, as {@code kcl mod pull NAME} does; where it now is. */
    public Result<Path> pull(Dependency d) {
        try {
            return Result.ok(fetch(d));
        } catch (PackageException e) {
            return Result.failed(List.of(e.diagnostic()));
        }
    }

    /** Fetches {@code d} into the package cache (through a temporary directory, so a failed fetch leaves nothing). */
    private Path fetch(Dependency d) throws PackageException {
        Path target = options.store().cached(d);
        Path tmp;
        try {
            Files.createDirectories(options.store().cache());
            tmp = Files.createTempDirectory(options.store().cache(), ".skiff-fetch-");
        } catch (IOException e) {
            throw new PackageException(Diagnostic.error(Code.E0209, null, "cannot create the package cache `"
                    + options.store().cache() + "`: " + e.getMessage()).withHint("set `" + PackageStore.ENV
                    + "` to a writable directory"));
        }
        try {
            Path into = tmp.resolve("pkg");
            switch (d) {
                case Dependency.Git g -> {
                    options.log().accept("downloading '" + g.url() + "' with " + refKind(g) + " '" + g.ref() + "'");
                    GitSource.fetch(g, into);
                }
                case Dependency.Registry r -> pullOci(r.asOci(), into);
                case Dependency.Oci o -> pullOci(o, into);
                case Dependency.Local l -> throw new IllegalArgumentException("a local dependency is not fetched");
            }
            FileTrees.delete(target);
            try {
                Files.move(into, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
                Files.move(into, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } catch (IOException e) {
            throw new PackageException(Diagnostic.error(Code.E0209, null, "cannot store `" + d.name() + "` in `"
                    + target + "`: " + e.getMessage()));
        } finally {
            try {
                FileTrees.delete(tmp);
            } catch (IOException ignored) {
                // a stray temporary directory in the cache is harmless and is never read as a package
            }
        }
    }

    private void pullOci(Dependency.Oci o, Path into) throws PackageException {
        OciSource source = o.isLayout() ? new LayoutSource(Path.of(o.repository()))
                : new RegistryClient(o.registry(), o.repository(), options.plainHttp());
        options.log().accept("downloading '" + o.repository() + ":" + o.tag() + "' from '" + source.describe() + ":"
                + o.tag() + "'");
        source.pull(o.tag(), into);
    }

    /** Copies every fetched package into {@code root/vendor/}, and removes what is vendored but no longer used. */
    public Result<Installation> vendor(Path root) {
        Result<Installation> installed = install(root);
        if (installed.diagnostics().stream().anyMatch(Diagnostic::isError)) {
            return installed;
        }
        List<Diagnostic> problems = new ArrayList<>(installed.diagnostics());
        Map<String, Path> packages = new LinkedHashMap<>(installed.value().packages());
        Path vendor = root.resolve(PackageStore.VENDOR);
        Set<String> keep = new java.util.HashSet<>();
        try {
            for (Map.Entry<String, Path> e : installed.value().packages().entrySet()) {
                LockFile.Entry entry = installed.value().lock().entries().get(e.getKey());
                if (entry == null || entry.sum().isEmpty()) {
                    continue; // local packages stay where they are
                }
                Path target = vendor.resolve(entry.fullName());
                keep.add(entry.fullName());
                if (!e.getValue().equals(target)) {
                    FileTrees.delete(target);
                    FileTrees.copy(e.getValue(), target);
                    packages.put(e.getKey(), target);
                }
            }
            if (Files.isDirectory(vendor)) {
                try (var s = Files.list(vendor)) {
                    for (Path p : s.toList()) {
                        if (Files.isDirectory(p) && !keep.contains(p.getFileName().toString())) {
                            FileTrees.delete(p);
                        }
                    }
                }
            }
        } catch (IOException e) {
            problems.add(Diagnostic.error(Code.E0206, null, "cannot write `" + vendor + "`: " + e.getMessage()));
        }
        Installation i = installed.value();
        return Result.of(new Installation(packages, i.lock(), i.edges(), i.lockWritten()), problems);
    }

    /** The lock entry KCL writes for {@code d}. */
    static LockFile.Entry entry(Dependency d, String sum) {
        return switch (d) {
            case Dependency.Registry r -> entry(r.asOci(), sum);
            case Dependency.Oci o -> new LockFile.Entry(o.name(), o.storeName(), o.tag(), sum, "", "", "", "",
                    o.registry(), o.repository(), o.tag());
            case Dependency.Git g -> new LockFile.Entry(g.name(), g.storeName(), g.ref(), sum, g.url(),
                    g.branch() == null ? "" : g.branch(), g.commit() == null ? "" : g.commit(),
                    g.tag() == null ? "" : g.tag(), "", "", "");
            case Dependency.Local l -> new LockFile.Entry(l.name(), l.name() + "_", "", "", "", "", "", "", "", "", "");
        };
    }

    private static String label(Dependency d, Path at) {
        String version = d instanceof Dependency.Local && at != null && ModFile.exists(at)
                ? ModFile.read(at).value().version() : d.ref();
        return d.name() + (version.isEmpty() ? "" : "@" + version);
    }

    private static String refKind(Dependency.Git g) {
        return g.tag() != null ? "tag" : g.commit() != null ? "commit" : "branch";
    }

    private static String difference(LockFile before, LockFile after) {
        List<String> parts = new ArrayList<>();
        for (String name : after.entries().keySet()) {
            LockFile.Entry was = before.entries().get(name);
            if (was == null) {
                parts.add("`" + name + "` would be added");
            } else if (!was.equals(after.entries().get(name))) {
                parts.add("`" + name + "` would change" + (was.sameSource(after.entries().get(name)) ? " its checksum"
                        : " from " + (was.version().isEmpty() ? was.fullName() : was.version()) + " to "
                        + after.entries().get(name).version()));
            }
        }
        for (String name : before.entries().keySet()) {
            if (!after.entries().containsKey(name)) {
                parts.add("`" + name + "` would be removed");
            }
        }
        return String.join(", ", parts);
    }

    private static void writeAtomically(Path file, String text) throws IOException {
        Path tmp = Files.createTempFile(file.getParent(), ".kcl.mod.lock", ".tmp");
        try {
            Files.writeString(tmp, text);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
