package dev.skiff.lsp;

import dev.skiff.modules.Program;
import dev.skiff.resolve.Symbol;
import dev.skiff.source.Span;
import dev.skiff.syntax.SourceUnit;
import dev.skiff.syntax.Stmt;
import dev.skiff.types.Occurrences;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;

/**
 * Definition, references and rename, from the compiler's {@link Occurrences}: a name's declaration wherever it
 * is (another file of the project, a package, a read-only copy of a stdlib module), and every place in the
 * project that names the same declaration — found by analysing the project's files (their open buffers where
 * open) that mention the name.
 */
final class Navigation {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Set<String> KEYWORDS = Set.of("import", "as", "schema", "mixin", "protocol", "rule",
            "check", "if", "elif", "else", "for", "in", "not", "and", "or", "is", "lambda", "assert", "type",
            "True", "False", "None", "Undefined", "all", "any", "filter", "map");

    private final Analyzer analyzer;
    private final ProjectFiles project;

    Navigation(Analyzer analyzer, ProjectFiles project) {
        this.analyzer = analyzer;
        this.project = project;
    }

    /** What is at an offset: the occurrence, or the module an import's path names. */
    private record At(Occurrences.Occurrence occurrence, Stmt.Import importPath) {
    }

    private static At at(DocumentAnalysis d, int offset) {
        if (!d.available()) {
            return null;
        }
        for (Stmt s : d.unit().body()) {
            if (s instanceof Stmt.Import i && i.pathSpan() != null && i.pathSpan().touches(offset)) {
                return new At(null, i);
            }
        }
        Occurrences.Occurrence o = d.occurrences().at(d.file(), offset);
        return o == null ? null : new At(o, null);
    }

    // ---------------------------------------------------------------- definition

    List<Location> definition(DocumentAnalysis d, int offset) {
        At at = at(d, offset);
        if (at == null) {
            return List.of();
        }
        if (at.importPath() != null) {
            Program.Target t = d.analysis().program().target(at.importPath());
            if (t instanceof Program.Target.Package p && !p.module().units().isEmpty()) {
                SourceUnit first = p.module().units().get(0);
                return List.of(location(d, Span.at(first.file(), 0)));
            }
            return List.of();
        }
        Span declared = declaration(at.occurrence().target());
        return declared == null ? List.of() : List.of(location(d, declared));
    }

    private static Span declaration(Occurrences.Target t) {
        return switch (t) {
            case Occurrences.Target.Of of -> of.symbol().span();
            case Occurrences.Target.Attribute a -> a.attribute().declared();
            case Occurrences.Target.Library l -> null;
        };
    }

    private static Location location(DocumentAnalysis d, Span s) {
        return new Location(Uris.uriOf(s.file(), d.uri(), Uris.documentPath(d.uri())), Positions.range(s));
    }

    // ---------------------------------------------------------------- references and rename

    /** The name at an offset and its span, for rename; null when there is none. */
    Span nameAt(DocumentAnalysis d, int offset) {
        At at = at(d, offset);
        return at == null || at.occurrence() == null ? null : at.occurrence().span();
    }

    /** Why the name at an offset cannot be renamed to {@code newName} (null: it can). */
    String refusal(DocumentAnalysis d, int offset, String newName) {
        if (newName != null && (!IDENTIFIER.matcher(newName).matches() || KEYWORDS.contains(newName))) {
            return "`" + newName + "` is not a valid name" + (KEYWORDS.contains(newName) ? ": it is a keyword" : "");
        }
        At at = at(d, offset);
        if (at == null) {
            return "there is no name here to rename";
        }
        if (at.importPath() != null) {
            return "a module is renamed by moving its file";
        }
        Occurrences.Target t = at.occurrence().target();
        String name = switch (t) {
            case Occurrences.Target.Of of -> of.symbol().name();
            case Occurrences.Target.Attribute a -> a.attribute().name();
            case Occurrences.Target.Library l -> l.qualified();
        };
        Span declared = declaration(t);
        if (declared == null && t instanceof Occurrences.Target.Of of && of.symbol().kind() == Symbol.Kind.BUILTIN) {
            return "`" + name + "` is a builtin and cannot be renamed";
        }
        if (declared == null && t instanceof Occurrences.Target.Library) {
            return "`" + name + "` is part of the library and cannot be renamed";
        }
        if (declared == null) {
            return "`" + name + "` comes from the Kubernetes schemas and cannot be renamed";
        }
        if ("skiff-stdlib".equals(declared.file().uri().getScheme())) {
            return "`" + name + "` is declared in the Skiff stdlib and cannot be renamed";
        }
        if (t instanceof Occurrences.Target.Of of && of.symbol().kind() == Symbol.Kind.IMPORT
                && of.symbol().declaration() instanceof Stmt.Import i && i.alias() == null) {
            return "an import without `as` is renamed by renaming its module";
        }
        return null;
    }

    /** Every place naming what the name at {@code offset} names, by URI; empty when nothing is there. */
    Map<String, List<Span>> references(DocumentAnalysis d, int offset, boolean includeDeclaration,
                                       CancelChecker cancel) {
        At at = at(d, offset);
        Map<String, List<Span>> out = new LinkedHashMap<>();
        if (at == null || at.occurrence() == null) {
            return out;
        }
        Occurrences.Target target = at.occurrence().target();
        Object key = Occurrences.key(target);
        String name = switch (target) {
            case Occurrences.Target.Of of -> of.symbol().name();
            case Occurrences.Target.Attribute a -> a.attribute().name();
            case Occurrences.Target.Library l -> l.qualified();
        };
        Set<String> seen = new LinkedHashSet<>();
        collect(d, key, includeDeclaration, out, seen);
        if (!local(target)) {
            Path self = Uris.pathOf(d.uri());
            for (Path file : project.files(self == null ? Uris.documentPath(d.uri()) : self, openUris)) {
                if (cancel != null) {
                    cancel.checkCanceled();
                }
                if (file.equals(self) || !mentions(file, name)) {
                    continue;
                }
                DocumentAnalysis other = analyzer.file(file);
                if (other != null && other.available()) {
                    collect(other, key, includeDeclaration, out, seen);
                }
            }
        }
        return out;
    }

    private Set<String> openUris = Set.of();

    /** The open documents, which the project's files include even outside its folders. */
    void setOpen(Set<String> uris) {
        this.openUris = uris;
    }

    /** Names no other file can see: parameters, locals, loop variables, config keys. */
    private static boolean local(Occurrences.Target t) {
        return t instanceof Occurrences.Target.Of of && switch (of.symbol().kind()) {
            case PARAMETER, LOCAL, LOOP_VARIABLE, CONFIG_KEY, INDEX_KEY -> true;
            default -> of.symbol().name().startsWith("_") && of.symbol().kind() == Symbol.Kind.VARIABLE;
        };
    }

    /** Whether a file's text (its buffer where open) mentions a name: only those can name the declaration. */
    private boolean mentions(Path file, String name) {
        String text = analyzer.textOf(file);
        return text != null && text.contains(name);
    }

    /** Adds the spans of {@code d}'s program (its own file and the others it reads) naming {@code key}. */
    private static void collect(DocumentAnalysis d, Object key, boolean includeDeclaration,
                                Map<String, List<Span>> out, Set<String> seen) {
        if (!d.available()) {
            return;
        }
        Path documentPath = Uris.documentPath(d.uri());
        for (Program.Module m : d.analysis().program().modules().values()) {
            for (SourceUnit u : m.units()) {
                for (Occurrences.Occurrence o : d.occurrences().in(u.file())) {
                    if (!key.equals(Occurrences.key(o.target())) || !includeDeclaration && o.declaration()) {
                        continue;
                    }
                    String uri = Uris.uriOf(o.span().file(), d.uri(), documentPath);
                    if (seen.add(uri + "#" + o.span().start() + "-" + o.span().end())) {
                        out.computeIfAbsent(uri, k -> new ArrayList<>()).add(o.span());
                    }
                }
            }
        }
    }

    static List<Location> locations(Map<String, List<Span>> refs) {
        List<Location> out = new ArrayList<>();
        refs.forEach((uri, spans) -> spans.forEach(s -> out.add(new Location(uri, Positions.range(s)))));
        return out;
    }

    /** The edits renaming every place naming what {@code offset} names, by URI. */
    Map<String, List<TextEdit>> rename(DocumentAnalysis d, int offset, String newName, CancelChecker cancel) {
        Map<String, List<TextEdit>> out = new LinkedHashMap<>();
        references(d, offset, true, cancel).forEach((uri, spans) -> {
            if (uri.startsWith("file:") && !StdlibSources.contains(Uris.pathOf(uri))) {
                List<TextEdit> edits = new ArrayList<>();
                spans.forEach(s -> edits.add(new TextEdit(Positions.range(s), newName)));
                out.put(uri, edits);
            }
        });
        return out;
    }
}
