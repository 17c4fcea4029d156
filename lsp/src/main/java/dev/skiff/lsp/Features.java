package dev.skiff.lsp;

import dev.skiff.diag.Diagnostic;
import dev.skiff.diag.Label;
import dev.skiff.diag.Severity;
import dev.skiff.source.Span;
import dev.skiff.syntax.Expr;
import dev.skiff.syntax.Stmt;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.DiagnosticRelatedInformation;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.InsertTextFormat;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.lsp4j.TextEdit;

/** The editor features, each a function of one {@link Analysis}; none of them mutates anything. */
final class Features {
    private static final List<String> KEYWORDS = List.of("import", "as", "schema", "mixin", "protocol", "rule",
            "check", "if", "elif", "else", "for", "in", "not", "and", "or", "is", "lambda", "assert", "type",
            "True", "False", "None", "Undefined");

    private Features() {
    }

    // ---------------------------------------------------------------- diagnostics

    static org.eclipse.lsp4j.Diagnostic diagnostic(Diagnostic d, String uri) {
        Range range = d.span() == null ? new Range(new org.eclipse.lsp4j.Position(0, 0), new org.eclipse.lsp4j.Position(0, 0))
                : Positions.range(d.span());
        String message = d.message() + (d.hints().isEmpty() ? "" : "\n" + String.join("\n", d.hints()));
        org.eclipse.lsp4j.Diagnostic out = new org.eclipse.lsp4j.Diagnostic(range, message,
                d.severity() == Severity.ERROR ? DiagnosticSeverity.Error
                        : d.severity() == Severity.WARNING ? DiagnosticSeverity.Warning : DiagnosticSeverity.Information,
                "skiff", d.code().id());
        List<DiagnosticRelatedInformation> related = new ArrayList<>();
        for (Label l : d.labels()) {
            if (l.span() != null) {
                related.add(new DiagnosticRelatedInformation(new Location(uriOf(l.span(), uri), Positions.range(l.span())),
                        l.message()));
            }
        }
        if (!related.isEmpty()) {
            out.setRelatedInformation(related);
        }
        CodeActions.attach(d, out);
        return out;
    }

    private static String uriOf(Span s, String fallback) {
        String u = s.file().uri().toString();
        return u.startsWith("file:") ? u : fallback;
    }

    // ---------------------------------------------------------------- completion

    static List<CompletionItem> completion(Analysis a, int offset) {
        String text = a.file.text();
        int start = offset;
        while (start > 0 && (Character.isLetterOrDigit(text.charAt(start - 1)) || text.charAt(start - 1) == '_')) {
            start--;
        }
        String typed = text.substring(start, Math.min(offset, text.length()));
        // right after a number is not a name being typed
        String prefix = !typed.isEmpty() && Character.isDigit(typed.charAt(0)) ? "" : typed;
        List<CompletionItem> out = new ArrayList<>();
        int lineStart = start == 0 ? 0 : text.lastIndexOf('\n', start - 1) + 1;
        java.util.regex.Matcher importing = IMPORT_LINE.matcher(text.substring(lineStart, Math.min(offset, text.length())));
        if (importing.matches()) {
            return importPaths(a, importing.group(1));
        }
        if (start > 0 && text.charAt(start - 1) == '.') {
            int end = start - 1;
            int s = end;
            while (s > 0 && (Character.isLetterOrDigit(text.charAt(s - 1)) || text.charAt(s - 1) == '_')) {
                s--;
            }
            String alias = text.substring(s, end);
            int chainStart = end;
            while (chainStart > 0 && (Character.isLetterOrDigit(text.charAt(chainStart - 1))
                    || "_.[]".indexOf(text.charAt(chainStart - 1)) >= 0)) {
                chainStart--;
            }
            String chain = text.substring(chainStart, end);
            if (chain.contains(".") || chain.contains("[") || a.moduleMembers(alias).isEmpty()) {
                // a value's attributes: `deployment.spec.template.spec.containers[0].`
                a.schemaOfPath(chain).ifPresent(info -> {
                    for (SchemaInfo.Attr attr : info.attrs()) {
                        if (attr.name().startsWith(prefix)) {
                            CompletionItem item = new CompletionItem(attr.name());
                            item.setKind(CompletionItemKind.Field);
                            item.setDetail(attr.type());
                            item.setDocumentation(markdown(attr.doc()));
                            out.add(item);
                        }
                    }
                });
                return out;
            }
            for (String m : a.moduleMembers(alias)) {
                if (m.startsWith(prefix)) {
                    CompletionItem item = new CompletionItem(m);
                    item.setKind(CompletionItemKind.Class);
                    item.setDetail(alias + "." + m);
                    a.schemaOf(new Expr.Selector(null, new Expr.Name(null, alias), new Expr.Name(null, m), false))
                            .ifPresent(info -> item.setDocumentation(markdown(info.doc())));
                    out.add(item);
                }
            }
            return out;
        }
        Optional<Analysis.ConfigContext> config = a.configAt(offset);
        if (config.isPresent()) {
            Set<String> present = config.get().present();
            List<SchemaInfo.Attr> attrs = new ArrayList<>(config.get().schema().attrs());
            attrs.sort(Comparator.comparing((SchemaInfo.Attr x) -> !x.required()));
            int rank = 0;
            for (SchemaInfo.Attr attr : attrs) {
                if (present.contains(attr.name()) || !attr.name().startsWith(prefix)) {
                    continue;
                }
                CompletionItem item = new CompletionItem(attr.name());
                item.setKind(CompletionItemKind.Field);
                item.setDetail(attr.type() + (attr.required() ? " (required)" : ""));
                item.setDocumentation(markdown(attr.doc()));
                item.setSortText(String.format("%04d", rank++));
                if (!attr.values().isEmpty()) {
                    item.setInsertText(attr.name() + " = \"${1|" + String.join(",", attr.values()) + "|}\"");
                    item.setInsertTextFormat(InsertTextFormat.Snippet);
                } else {
                    item.setInsertText(attr.name() + " = ");
                }
                out.add(item);
            }
            return out;
        }
        for (String k : KEYWORDS) {
            if (k.startsWith(prefix)) {
                CompletionItem item = new CompletionItem(k);
                item.setKind(CompletionItemKind.Keyword);
                out.add(item);
            }
        }
        for (Map.Entry<String, Analysis.Decl> e : a.globals.entrySet()) {
            if (e.getKey().startsWith(prefix)) {
                CompletionItem item = new CompletionItem(e.getKey());
                Analysis.Decl d = e.getValue();
                item.setKind(switch (d.kind()) {
                    case SCHEMA, RULE -> CompletionItemKind.Class;
                    case IMPORT -> CompletionItemKind.Module;
                    case TYPE -> CompletionItemKind.Interface;
                    default -> CompletionItemKind.Variable;
                });
                item.setDetail(d.detail());
                if (d.kind() == Analysis.Decl.Kind.SCHEMA) {
                    item.setInsertText(e.getKey() + " {\n\t$0\n}");
                    item.setInsertTextFormat(InsertTextFormat.Snippet);
                    item.setDocumentation(markdown(d.doc()));
                }
                out.add(item);
            }
        }
        for (String b : dev.skiff.eval.lib.Library.builtinNames()) {
            if (b.startsWith(prefix)) {
                CompletionItem item = new CompletionItem(b);
                item.setKind(CompletionItemKind.Function);
                out.add(item);
            }
        }
        return out;
    }

    private static final java.util.regex.Pattern IMPORT_LINE = java.util.regex.Pattern.compile("\\s*import\\s+([\\w.]*)");

    /**
     * After `import `: the next segment of every module path that continues what is typed — Kubernetes
     * groups and versions ({@code k8s.api.apps.v1}), CRD modules, system modules, the stdlib and the
     * project's own packages.
     */
    private static List<CompletionItem> importPaths(Analysis a, String typed) {
        java.util.Set<String> paths = new java.util.TreeSet<>(dev.skiff.modules.ProjectResolver.SYSTEM_MODULES);
        paths.add("skiff.app");
        dev.skiff.k8s.SchemaRegistry r = a.registry();
        if (r != null) {
            paths.addAll(r.modulePaths().keySet());
        }
        paths.addAll(projectPackages(a));
        int dot = typed.lastIndexOf('.');
        String done = typed.substring(0, dot + 1);
        String prefix = typed.substring(dot + 1);
        java.util.Map<String, Boolean> next = new java.util.TreeMap<>(); // segment -> whether a path ends there
        for (String p : paths) {
            if (!p.startsWith(done) || p.length() == done.length()) {
                continue;
            }
            String rest = p.substring(done.length());
            int end = rest.indexOf('.');
            String segment = end < 0 ? rest : rest.substring(0, end);
            if (segment.startsWith(prefix)) {
                next.merge(segment, end < 0, Boolean::logicalOr);
            }
        }
        List<CompletionItem> out = new ArrayList<>();
        next.forEach((segment, complete) -> {
            CompletionItem item = new CompletionItem(segment);
            item.setKind(CompletionItemKind.Module);
            item.setDetail(done + segment + (complete ? "" : "…"));
            out.add(item);
        });
        return out;
    }

    /** The project's packages as dotted paths: directories with `.k` files below the kcl.mod root. */
    private static List<String> projectPackages(Analysis a) {
        List<String> out = new ArrayList<>();
        try {
            java.nio.file.Path file = java.nio.file.Path.of(java.net.URI.create(a.uri));
            dev.skiff.modules.Project project = dev.skiff.modules.Project.discover(file).value();
            if (project == null) {
                return out;
            }
            java.nio.file.Path root = project.root();
            try (var walk = java.nio.file.Files.walk(root, 6)) {
                walk.filter(p -> p.toString().endsWith(".k") && !p.getParent().equals(root))
                        .map(p -> root.relativize(p.getParent()).toString().replace(java.io.File.separatorChar, '.'))
                        .filter(p -> p.matches("[A-Za-z_][\\w.]*") && !p.contains("target") && !p.startsWith("."))
                        .distinct().forEach(out::add);
            }
        } catch (RuntimeException | java.io.IOException e) {
            // not a file, or unreadable: offer the rest
        }
        return out;
    }

    // ---------------------------------------------------------------- hover

    static Hover hover(Analysis a, int offset) {
        Optional<SchemaInfo.Attr> key = a.keyAt(offset);
        if (key.isPresent()) {
            SchemaInfo.Attr at = key.get();
            String text = "```\n" + at.name() + ": " + at.type() + (at.required() ? "  (required)" : "") + "\n```"
                    + (at.doc().isEmpty() ? "" : "\n\n" + at.doc())
                    + (at.values().isEmpty() ? "" : "\n\nOne of: " + String.join(", ", at.values()));
            return new Hover(markdown(text));
        }
        Optional<Analysis.Decl> d = a.declAt(offset);
        if (d.isEmpty()) {
            return null;
        }
        Analysis.Decl decl = d.get();
        StringBuilder sb = new StringBuilder("```\n");
        sb.append(switch (decl.kind()) {
            case IMPORT -> "import " + decl.detail();
            case SCHEMA, RULE, TYPE -> decl.detail();
            case ATTRIBUTE -> "(attribute) " + decl.detail();
            case PARAMETER -> "(parameter) " + decl.detail();
            case LOOP_VARIABLE -> "(loop variable) " + decl.name();
            case VARIABLE -> decl.name() + (decl.detail() == null ? "" : ": " + decl.detail());
        }).append("\n```");
        if (decl.doc() != null && !decl.doc().isBlank()) {
            sb.append("\n\n").append(decl.doc());
        }
        if (decl.node() instanceof Stmt.SchemaDecl s) {
            a.schemaOf(s.name()).ifPresent(info -> {
                sb.append("\n\n");
                for (SchemaInfo.Attr at : info.attrs()) {
                    sb.append("- `").append(at.name()).append(": ").append(at.type()).append('`')
                            .append(at.required() ? " (required)" : "").append('\n');
                }
            });
        }
        return new Hover(markdown(sb.toString().stripTrailing()));
    }

    private static MarkupContent markdown(String text) {
        return new MarkupContent(MarkupKind.MARKDOWN, text == null ? "" : text);
    }

    // ---------------------------------------------------------------- navigation

    static List<Location> definition(Analysis a, int offset) {
        Optional<SchemaInfo.Attr> key = a.keyAt(offset);
        if (key.isPresent() && key.get().declared() != null) {
            return List.of(new Location(uriOf(key.get().declared(), a.uri), Positions.range(key.get().declared())));
        }
        return a.declAt(offset).map(d -> List.of(new Location(a.uri, Positions.range(d.span())))).orElse(List.of());
    }

    static List<Location> references(Analysis a, int offset, boolean includeDeclaration) {
        Optional<Analysis.Decl> d = a.declAt(offset);
        if (d.isEmpty()) {
            return List.of();
        }
        List<Location> out = new ArrayList<>();
        for (Span s : a.references(d.get())) {
            if (includeDeclaration || s != d.get().span()) {
                out.add(new Location(a.uri, Positions.range(s)));
            }
        }
        return out;
    }

    static List<TextEdit> rename(Analysis a, int offset, String newName) {
        Optional<Analysis.Decl> d = a.declAt(offset);
        if (d.isEmpty() || d.get().kind() == Analysis.Decl.Kind.IMPORT && d.get().node() instanceof Stmt.Import i && i.alias() == null) {
            return List.of();
        }
        List<TextEdit> edits = new ArrayList<>();
        for (Span s : a.references(d.get())) {
            edits.add(new TextEdit(Positions.range(s), newName));
        }
        return edits;
    }

    // ---------------------------------------------------------------- outline

    static List<DocumentSymbol> symbols(Analysis a) {
        List<DocumentSymbol> out = new ArrayList<>();
        if (a.unit == null) {
            return out;
        }
        for (Stmt s : a.unit.body()) {
            symbol(s, out);
        }
        return out;
    }

    private static void symbol(Stmt s, List<DocumentSymbol> out) {
        switch (s) {
            case Stmt.SchemaDecl d -> {
                DocumentSymbol sym = new DocumentSymbol(d.name().id(), SymbolKind.Class, Positions.range(d.span()),
                        Positions.range(d.name().span()), d.parent() == null ? null : "(" + d.parent().span().text() + ")");
                List<DocumentSymbol> children = new ArrayList<>();
                for (Stmt b : d.body()) {
                    if (b instanceof Stmt.SchemaAttr at) {
                        children.add(new DocumentSymbol(at.name().id(), SymbolKind.Field, Positions.range(at.span()),
                                Positions.range(at.name().span()), at.type() == null ? null : at.type().span().text()));
                    }
                }
                sym.setChildren(children);
                out.add(sym);
            }
            case Stmt.RuleDecl r -> out.add(new DocumentSymbol(r.name().id(), SymbolKind.Interface,
                    Positions.range(r.span()), Positions.range(r.name().span())));
            case Stmt.Assign as -> {
                for (Expr t : as.targets()) {
                    if (t instanceof Expr.Name n) {
                        out.add(new DocumentSymbol(n.id(), SymbolKind.Variable, Positions.range(as.span()),
                                Positions.range(n.span())));
                    }
                }
            }
            case Stmt.Unification u -> out.add(new DocumentSymbol(u.target().id(), SymbolKind.Variable,
                    Positions.range(u.span()), Positions.range(u.target().span()), u.value().schema().span().text()));
            case Stmt.TypeAlias t -> out.add(new DocumentSymbol(t.name().id(), SymbolKind.TypeParameter,
                    Positions.range(t.span()), Positions.range(t.name().span())));
            case Stmt.If i -> {
                i.body().forEach(b -> symbol(b, out));
                i.orElse().forEach(b -> symbol(b, out));
            }
            default -> {
            }
        }
    }
}
