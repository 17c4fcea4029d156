package dev.skiff.lsp;

import dev.skiff.source.Span;
import dev.skiff.syntax.ConfigEntry;
import dev.skiff.syntax.Expr;
import dev.skiff.syntax.Stmt;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;

/**
 * Definition, references and rename across the project's files: top-level names (used in their package's
 * files by name and elsewhere through an import's alias), schemas and schema attributes (declared in one
 * file, set as config keys and read as {@code x.attr} anywhere), and into the stdlib. Local names
 * (parameters, loop variables) stay with the single-file features.
 */
final class CrossFile {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Set<String> KEYWORDS = Set.of("import", "as", "schema", "mixin", "protocol", "rule",
            "check", "if", "elif", "else", "for", "in", "not", "and", "or", "is", "lambda", "assert", "type",
            "True", "False", "None", "Undefined", "all", "any", "filter", "map");

    /** What a position names. */
    sealed interface Target {
    }

    /** A top-level declaration of a file. */
    record Global(Analysis analysis, Analysis.Decl decl) implements Target {
    }

    /** A schema attribute, by where it is declared. */
    record Attribute(String name, Span declared) implements Target {
    }

    /** A module an import names. */
    record Module(List<Path> files) implements Target {
    }

    /** A Kubernetes field or kind: it has no source to jump to and cannot be renamed. */
    record Kubernetes(String name) implements Target {
    }

    /** Anything else: the single-file features handle it. */
    record Local() implements Target {
    }

    /** The name at {@code offset} and its span. */
    record Named(Target target, Span span) {
    }

    private final ProjectIndex index;
    private final Set<String> openUris;

    CrossFile(ProjectIndex index, Set<String> openUris) {
        this.index = index;
        this.openUris = openUris;
    }

    // ---------------------------------------------------------------- what is at a position

    Named at(Analysis a, int offset) {
        Optional<Analysis.ConfigContext> config = a.configAt(offset);
        if (config.isPresent()) {
            for (ConfigEntry e : config.get().config().entries()) {
                if (e instanceof ConfigEntry.KeyValue kv && Analysis.within(kv.key().span(), offset)) {
                    Named key = key(kv.key(), config.get().schema(), offset);
                    if (key != null) {
                        return key;
                    }
                }
            }
        }
        for (Analysis.Decl d : a.globals.values()) {
            if (d.node() instanceof Stmt.Import i && i.pathSpan() != null && Analysis.within(i.pathSpan(), offset)) {
                return new Named(module(a, i), i.pathSpan());
            }
        }
        for (Expr.Selector s : a.selectors) {
            if (s.attr() != null && s.attr().span() != null && Analysis.within(s.attr().span(), offset)) {
                return new Named(selected(a, s), s.attr().span());
            }
        }
        Optional<Expr.Name> use = a.nameAt(offset);
        Optional<Analysis.Decl> decl = a.declAt(offset);
        Span span = use.map(Expr.Name::span).orElse(decl.map(Analysis.Decl::span).orElse(null));
        if (decl.isPresent()) {
            Analysis.Decl d = decl.get();
            if (d.kind() == Analysis.Decl.Kind.IMPORT && d.node() instanceof Stmt.Import i) {
                if (i.pathSpan() != null && Analysis.within(i.pathSpan(), offset) || use.isPresent() && i.alias() == null) {
                    return new Named(module(a, i), span);
                }
                return new Named(new Local(), span);
            }
            if (a.globals.get(d.name()) == d && d.kind() != Analysis.Decl.Kind.IMPORT) {
                return new Named(new Global(a, d), span);
            }
            if (d.kind() == Analysis.Decl.Kind.ATTRIBUTE && d.node() instanceof Stmt.SchemaAttr) {
                return new Named(new Attribute(d.name(), d.span()), span);
            }
            return new Named(new Local(), span);
        }
        for (Expr.Name n : a.unresolved) {
            if (Analysis.within(n.span(), offset)) {
                Path self = ProjectIndex.pathOf(a.uri);
                if (self != null) {
                    for (Path sibling : siblings(self)) {
                        Analysis other = index.analysis(sibling);
                        if (other != null && other.globals.containsKey(n.id())) {
                            return new Named(new Global(other, other.globals.get(n.id())), n.span());
                        }
                    }
                }
            }
        }
        return new Named(new Local(), span);
    }

    /** The part of a config key ({@code name}, or a part of {@code spec.replicas}) at the offset. */
    private static Named key(Expr key, SchemaInfo schema, int offset) {
        List<Expr.Name> parts = new ArrayList<>();
        Expr k = key;
        while (k instanceof Expr.Selector sel) {
            parts.add(0, sel.attr());
            k = sel.value();
        }
        if (!(k instanceof Expr.Name root)) {
            return null;
        }
        parts.add(0, root);
        SchemaInfo s = schema;
        for (Expr.Name part : parts) {
            if (s == null || part == null) {
                return null;
            }
            Optional<SchemaInfo.Attr> attr = s.attr(part.id());
            if (Analysis.within(part.span(), offset)) {
                return attr.map(x -> new Named(x.declared() == null ? new Kubernetes(part.id())
                        : new Attribute(part.id(), x.declared()), part.span())).orElse(null);
            }
            s = s.attrSchema(part.id()).orElse(null);
        }
        return null;
    }

    private Target module(Analysis a, Stmt.Import i) {
        if (i.path().startsWith("k8s.") || i.path().startsWith("crds.")) {
            return new Kubernetes(i.path());
        }
        List<Path> files = index.moduleFiles(a, i.path());
        return files.isEmpty() ? new Local() : new Module(files);
    }

    /** What {@code x.attr} selects: an imported module's member, or an attribute of a schema instance. */
    private Target selected(Analysis a, Expr.Selector s) {
        if (s.value() instanceof Expr.Name alias) {
            Analysis.Decl d = a.uses.get(alias);
            if (d != null && d.kind() == Analysis.Decl.Kind.IMPORT && d.node() instanceof Stmt.Import i) {
                if (i.path().startsWith("k8s.") || i.path().startsWith("crds.")) {
                    return new Kubernetes(s.attr().id());
                }
                return index.global(a, i.path(), s.attr().id()).<Target>map(g -> new Global(g.analysis(), g.decl()))
                        .orElse(new Local());
            }
        }
        if (s.value() != null && s.value().span() != null) {
            Optional<SchemaInfo.Attr> attr = a.schemaOfPath(s.value().span().text()).flatMap(x -> x.attr(s.attr().id()));
            if (attr.isPresent()) {
                return attr.get().declared() == null ? new Kubernetes(s.attr().id())
                        : new Attribute(s.attr().id(), attr.get().declared());
            }
        }
        return new Local();
    }

    private static List<Path> siblings(Path file) {
        try {
            return dev.skiff.modules.ProjectResolver.moduleFiles(file.getParent()).stream()
                    .map(p -> p.toAbsolutePath().normalize()).filter(p -> !p.equals(file)).toList();
        } catch (java.io.IOException | RuntimeException e) {
            return List.of();
        }
    }

    // ---------------------------------------------------------------- definition

    /** The definition, or null when the single-file feature should answer. */
    List<Location> definition(Analysis a, int offset) {
        Named n = at(a, offset);
        return switch (n.target()) {
            case Global g -> List.of(location(g.analysis().uri, g.decl().span()));
            case Attribute at -> List.of(location(at.declared().file().uri().toString(), at.declared()));
            case Module m -> List.of(new Location(ProjectIndex.uriOf(m.files().get(0)),
                    new Range(new Position(0, 0), new Position(0, 0))));
            case Kubernetes k -> List.of();
            case Local l -> null;
        };
    }

    private static Location location(String uri, Span s) {
        return new Location(uri, Positions.range(s));
    }

    // ---------------------------------------------------------------- references

    /** Where the target is declared, or null. */
    Span declaration(Named n) {
        return switch (n.target()) {
            case Global g -> g.decl().span();
            case Attribute at -> at.declared();
            default -> null;
        };
    }

    /** Every place that names the target, by file URI; null when the single-file feature should answer. */
    Map<String, List<Span>> references(Analysis a, int offset, CancelChecker cancel) {
        Named n = at(a, offset);
        return switch (n.target()) {
            case Global g -> globalReferences(g, cancel);
            case Attribute at -> attributeReferences(at, ProjectIndex.pathOf(a.uri), cancel);
            case Kubernetes k -> Map.of();
            case Module m -> null;
            case Local l -> null;
        };
    }

    private Map<String, List<Span>> globalReferences(Global g, CancelChecker cancel) {
        Map<String, List<Span>> out = new LinkedHashMap<>();
        Analysis home = g.analysis();
        Analysis.Decl decl = g.decl();
        String name = decl.name();
        Path homeFile = ProjectIndex.pathOf(home.uri);
        for (Span s : home.references(decl)) {
            add(out, home.uri, s);
        }
        if (homeFile == null) {
            return out;
        }
        List<Path> siblings = siblings(homeFile);
        for (Path f : index.projectFiles(homeFile, openUris)) {
            cancel.checkCanceled();
            if (f.equals(homeFile)) {
                continue;
            }
            Analysis other = index.analysis(f);
            if (other == null) {
                continue;
            }
            if (siblings.contains(f)) {
                for (Expr.Name u : other.unresolved) {
                    if (u.id().equals(name)) {
                        add(out, other.uri, u.span());
                    }
                }
            }
            for (Analysis.Decl imp : other.globals.values()) {
                if (imp.kind() != Analysis.Decl.Kind.IMPORT || !(imp.node() instanceof Stmt.Import i)
                        || !index.moduleFiles(other, i.path()).contains(homeFile)) {
                    continue;
                }
                for (Expr.Selector s : other.selectors) {
                    if (s.value() instanceof Expr.Name alias && other.uses.get(alias) == imp && s.attr() != null
                            && s.attr().id().equals(name)) {
                        add(out, other.uri, s.attr().span());
                    }
                }
            }
        }
        return out;
    }

    private Map<String, List<Span>> attributeReferences(Attribute at, Path from, CancelChecker cancel) {
        Map<String, List<Span>> out = new LinkedHashMap<>();
        Span declared = at.declared();
        String homeUri = declared.file().uri().toString();
        add(out, homeUri, declared);
        Path homeFile = ProjectIndex.pathOf(homeUri);
        Set<Path> files = new LinkedHashSet<>();
        if (homeFile != null) {
            files.add(homeFile);
            if (!StdlibSources.contains(homeFile)) {
                files.addAll(index.projectFiles(homeFile, openUris));
            }
        }
        if (from != null) {
            files.addAll(index.projectFiles(from, openUris));
        }
        for (Path f : files) {
            cancel.checkCanceled();
            Analysis a = index.analysis(f);
            if (a == null) {
                continue;
            }
            if (f.equals(homeFile)) {
                for (Analysis.Decl d : a.all) {
                    if (d.kind() == Analysis.Decl.Kind.ATTRIBUTE && d.span().start() == declared.start()) {
                        a.references(d).forEach(s -> add(out, a.uri, s));
                    }
                }
            }
            for (ConfigWalker.Visit v : ConfigWalker.configs(a)) {
                for (ConfigEntry e : v.config().entries()) {
                    keys(e, v.schema(), at, a.uri, out);
                }
            }
            for (Expr.Selector s : a.selectors) {
                if (s.attr() != null && s.attr().id().equals(at.name()) && s.value() != null && s.value().span() != null
                        && a.schemaOfPath(s.value().span().text()).flatMap(x -> x.attr(at.name()))
                        .map(x -> same(x.declared(), declared)).orElse(false)) {
                    add(out, a.uri, s.attr().span());
                }
            }
        }
        return out;
    }

    /** Config keys naming the attribute: {@code name = …}, and each part of {@code a.b.name = …}. */
    private static void keys(ConfigEntry e, SchemaInfo schema, Attribute at, String uri, Map<String, List<Span>> out) {
        if (e instanceof ConfigEntry.If i) {
            i.entries().forEach(x -> keys(x, schema, at, uri, out));
            i.orElse().forEach(x -> keys(x, schema, at, uri, out));
            return;
        }
        if (!(e instanceof ConfigEntry.KeyValue kv)) {
            return;
        }
        List<Expr.Name> parts = new ArrayList<>();
        Expr k = kv.key();
        while (k instanceof Expr.Selector sel) {
            parts.add(0, sel.attr());
            k = sel.value();
        }
        if (!(k instanceof Expr.Name root)) {
            return;
        }
        parts.add(0, root);
        SchemaInfo s = schema;
        for (Expr.Name part : parts) {
            if (s == null || part == null) {
                return;
            }
            SchemaInfo owner = s;
            if (part.id().equals(at.name()) && owner.attr(part.id()).map(x -> same(x.declared(), at.declared())).orElse(false)) {
                add(out, uri, part.span());
            }
            s = owner.attrSchema(part.id()).orElse(null);
        }
    }

    private static boolean same(Span a, Span b) {
        return a != null && b != null && a.start() == b.start() && a.file().uri().equals(b.file().uri());
    }

    private static void add(Map<String, List<Span>> out, String uri, Span s) {
        List<Span> list = out.computeIfAbsent(uri, u -> new ArrayList<>());
        for (Span x : list) {
            if (x.start() == s.start() && x.end() == s.end()) {
                return;
            }
        }
        list.add(s);
    }

    // ---------------------------------------------------------------- rename

    /** Why the name at {@code offset} cannot be renamed to {@code newName} (null: it can), checked before any edit. */
    String refusal(Named n, String newName) {
        if (newName != null && (!IDENTIFIER.matcher(newName).matches() || KEYWORDS.contains(newName))) {
            return "`" + newName + "` is not a valid name" + (KEYWORDS.contains(newName) ? ": it is a keyword" : "");
        }
        return switch (n.target()) {
            case Kubernetes k -> "`" + k.name() + "` comes from the Kubernetes schemas and cannot be renamed";
            case Global g -> inStdlib(g.analysis().uri) ? "`" + g.decl().name() + "` is declared in the Skiff stdlib and cannot be renamed" : null;
            case Attribute at -> inStdlib(at.declared().file().uri().toString())
                    ? "`" + at.name() + "` is declared in the Skiff stdlib and cannot be renamed" : null;
            case Module m -> "a module is renamed by moving its file";
            case Local l -> null;
        };
    }

    private static boolean inStdlib(String uri) {
        Path p = ProjectIndex.pathOf(uri);
        return p == null ? uri.startsWith("skiff-stdlib:") : StdlibSources.contains(p);
    }

    /** The edits renaming the target, by URI; null when the single-file feature should answer. */
    Map<String, List<TextEdit>> rename(Analysis a, int offset, String newName, CancelChecker cancel) {
        Map<String, List<Span>> refs = references(a, offset, cancel);
        if (refs == null) {
            return null;
        }
        Map<String, List<TextEdit>> out = new LinkedHashMap<>();
        refs.forEach((uri, spans) -> {
            List<TextEdit> edits = new ArrayList<>();
            for (Span s : spans) {
                edits.add(new TextEdit(Positions.range(s), newName));
            }
            out.put(uri, edits);
        });
        return out;
    }
}
