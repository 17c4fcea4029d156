package dev.skiff.lsp;

import dev.skiff.diag.Diagnostic;
import dev.skiff.diag.Result;
import dev.skiff.k8s.SchemaRegistry;
import dev.skiff.source.SourceFile;
import dev.skiff.source.Span;
import dev.skiff.syntax.ConfigEntry;
import dev.skiff.syntax.Expr;
import dev.skiff.syntax.Node;
import dev.skiff.syntax.Parser;
import dev.skiff.syntax.SourceUnit;
import dev.skiff.syntax.Stmt;
import dev.skiff.syntax.TypeExpr;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Everything the editor features need about one version of one document, computed once and never changed:
 * the syntax tree (with recovery, so half-typed code still has one), its parse diagnostics, and the binding
 * of every name to its declaration.
 */
final class Analysis {
    /** A declaration a name can refer to. */
    record Decl(String name, Kind kind, Span span, String detail, String doc, Node node) {
        enum Kind { VARIABLE, SCHEMA, RULE, IMPORT, TYPE, ATTRIBUTE, PARAMETER, LOOP_VARIABLE }
    }

    final String uri;
    final int version;
    final SourceFile file;
    final SourceUnit unit;
    final List<Diagnostic> diagnostics;
    final Map<String, Decl> globals = new LinkedHashMap<>();
    final Map<Expr.Name, Decl> uses = new IdentityHashMap<>();
    final List<Decl> all = new ArrayList<>();
    /** Every attribute selection ({@code a.b}), for cross-file references. */
    final List<Expr.Selector> selectors = new ArrayList<>();
    /** Names bound to nothing in this file (a sibling file of the package may declare them). */
    final List<Expr.Name> unresolved = new ArrayList<>();
    private final Supplier<SchemaRegistry> registry;
    final ModuleLinks modules;
    /** Whether the text came from an editor's buffer rather than the disk (set by {@link ProjectIndex}). */
    volatile boolean open;

    private Analysis(String uri, int version, SourceFile file, Result<SourceUnit> parsed, Supplier<SchemaRegistry> registry,
                     ModuleLinks modules) {
        this.uri = uri;
        this.modules = modules == null ? ModuleLinks.NONE : modules;
        this.version = version;
        this.file = file;
        this.unit = parsed.value();
        this.diagnostics = parsed.diagnostics();
        this.registry = registry;
        new Binder(this).bind();
    }

    /** The Kubernetes schemas this document sees (null when unavailable). */
    SchemaRegistry registry() {
        return registry.get();
    }

    static Analysis of(String uri, int version, String text, Supplier<SchemaRegistry> registry) {
        return of(uri, version, text, registry, ModuleLinks.NONE);
    }

    /** With {@code modules}, schemas imported from the project's other modules (and the stdlib) are known too. */
    static Analysis of(String uri, int version, String text, Supplier<SchemaRegistry> registry, ModuleLinks modules) {
        SourceFile file = new SourceFile(java.net.URI.create(uri), displayName(uri), text);
        return new Analysis(uri, version, file, Parser.parse(file), registry, modules);
    }

    private static String displayName(String uri) {
        int slash = uri.lastIndexOf('/');
        return slash < 0 ? uri : uri.substring(slash + 1);
    }

    // ---------------------------------------------------------------- queries

    /** The name (use or declaration) at an offset. */
    Optional<Expr.Name> nameAt(int offset) {
        for (Expr.Name n : uses.keySet()) {
            if (n.span().start() <= offset && offset <= n.span().end()) {
                return Optional.of(n);
            }
        }
        return Optional.empty();
    }

    Optional<Decl> declAt(int offset) {
        Optional<Expr.Name> use = nameAt(offset);
        if (use.isPresent()) {
            return Optional.ofNullable(uses.get(use.get()));
        }
        for (Decl d : all) {
            if (d.span().start() <= offset && offset <= d.span().end()) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /** Every place that refers to {@code d}, its declaration first. */
    List<Span> references(Decl d) {
        List<Span> out = new ArrayList<>();
        out.add(d.span());
        uses.forEach((n, target) -> {
            if (target == d && n.span() != d.span()) {
                out.add(n.span());
            }
        });
        out.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return out;
    }

    /** The schema a type or schema expression names: a user schema, or a Kubernetes kind or CRD by import. */
    Optional<SchemaInfo> schemaOf(Expr e) {
        if (e instanceof Expr.Name n) {
            Decl d = uses.containsKey(n) ? uses.get(n) : globals.get(n.id());
            if (d != null && d.node() instanceof Stmt.SchemaDecl s) {
                return Optional.of(new UserSchema(s, this::schemaOf));
            }
            return Optional.empty();
        }
        if (e instanceof Expr.Selector s && s.value() instanceof Expr.Name alias) {
            Decl d = globals.get(alias.id());
            if (d != null && d.kind() == Decl.Kind.IMPORT && (d.detail().startsWith("k8s.") || d.detail().startsWith("crds."))) {
                SchemaRegistry r = registry.get();
                return r == null ? Optional.empty()
                        : r.member(d.detail(), s.attr().id()).map(t -> new KubernetesSchema(r, t));
            }
            if (d != null && d.kind() == Decl.Kind.IMPORT && d.node() instanceof Stmt.Import i) {
                return modules.schema(this, i.path(), s.attr().id());
            }
        }
        return Optional.empty();
    }

    /**
     * The schema a path like {@code deployment.spec.template.spec.containers[0]} reaches, from a global whose
     * value is a schema instance, through the attributes' schemas (an index steps into a list's elements).
     */
    Optional<SchemaInfo> schemaOfPath(String path) {
        String[] parts = path.replaceAll("\\[[^\\]]*]", "").split("\\.");
        if (parts.length == 0) {
            return Optional.empty();
        }
        Decl root = globals.get(parts[0]);
        if (root == null) {
            return Optional.empty();
        }
        Optional<SchemaInfo> s = switch (root.node()) {
            case Stmt.Assign as when as.type() != null -> Optional.ofNullable(typeSchema(as.type()));
            case Stmt.Assign as when as.value() instanceof Expr.SchemaInst inst -> schemaOf(inst.schema());
            case Stmt.Unification u -> schemaOf(u.value().schema());
            default -> Optional.empty();
        };
        for (int i = 1; i < parts.length && s.isPresent(); i++) {
            String attr = parts[i];
            s = s.flatMap(x -> x.attrSchema(attr));
        }
        return s;
    }

    /** Members of an imported Kubernetes or CRD module, for completion after {@code alias.}. */
    List<String> moduleMembers(String alias) {
        Decl d = globals.get(alias);
        if (d == null || d.kind() != Decl.Kind.IMPORT) {
            return List.of();
        }
        SchemaRegistry r = registry.get();
        if ((d.detail().startsWith("k8s.") || d.detail().startsWith("crds.")) && r != null) {
            return r.modulePaths().getOrDefault(d.detail(), List.of());
        }
        return dev.skiff.eval.lib.Library.systemModule(d.detail()).map(m -> List.copyOf(m.members().keySet()))
                .orElse(List.of());
    }

    /**
     * Where the cursor is a key position in a config literal whose schema is known: that schema and the keys
     * already written there.
     */
    record ConfigContext(SchemaInfo schema, Expr.ConfigLit config, Set<String> present) {
    }

    Optional<ConfigContext> configAt(int offset) {
        if (unit == null) {
            return Optional.empty();
        }
        for (Stmt s : unit.body()) {
            Optional<ConfigContext> c = stmt(s, offset);
            if (c.isPresent()) {
                return c;
            }
        }
        return Optional.empty();
    }

    /** The schema attribute a config key at an offset names. */
    Optional<SchemaInfo.Attr> keyAt(int offset) {
        Optional<ConfigContext> c = configAt(offset);
        if (c.isEmpty()) {
            return Optional.empty();
        }
        for (ConfigEntry e : c.get().config().entries()) {
            if (e instanceof ConfigEntry.KeyValue kv && within(kv.key().span(), offset) && kv.key() instanceof Expr.Name n) {
                return c.get().schema().attr(n.id());
            }
        }
        return Optional.empty();
    }

    private Optional<ConfigContext> stmt(Stmt s, int offset) {
        if (!within(s.span(), offset)) {
            return Optional.empty();
        }
        return switch (s) {
            case Stmt.Assign a -> expr(a.value(), a.type() == null ? null : typeSchema(a.type()), offset);
            case Stmt.Unification u -> expr(u.value(), null, offset);
            case Stmt.ExprStmt e -> expr(e.expr(), null, offset);
            case Stmt.If i -> {
                for (Stmt b : i.body()) {
                    Optional<ConfigContext> c = stmt(b, offset);
                    if (c.isPresent()) {
                        yield c;
                    }
                }
                for (Stmt b : i.orElse()) {
                    Optional<ConfigContext> c = stmt(b, offset);
                    if (c.isPresent()) {
                        yield c;
                    }
                }
                yield Optional.empty();
            }
            case Stmt.SchemaDecl d -> {
                for (Stmt b : d.body()) {
                    if (b instanceof Stmt.SchemaAttr a && a.value() != null && within(a.value().span(), offset)) {
                        yield expr(a.value(), a.type() == null ? null : typeSchema(a.type()), offset);
                    }
                    Optional<ConfigContext> c = stmt(b, offset);
                    if (c.isPresent()) {
                        yield c;
                    }
                }
                yield Optional.empty();
            }
            default -> Optional.empty();
        };
    }

    SchemaInfo typeSchema(TypeExpr t) {
        return switch (t) {
            case TypeExpr.Named n -> schemaOf(n.name()).orElse(null);
            case TypeExpr.ListType l -> l.element() == null ? null : typeSchema(l.element());
            default -> null;
        };
    }

    /** Descends to the innermost config literal around the offset, carrying the schema expected there. */
    private Optional<ConfigContext> expr(Expr e, SchemaInfo expected, int offset) {
        if (e == null || !within(e.span(), offset)) {
            return Optional.empty();
        }
        return switch (e) {
            case Expr.SchemaInst s -> s.config() == null ? Optional.empty()
                    : expr(s.config(), schemaOf(s.schema()).orElse(null), offset);
            case Expr.ConfigLit c -> config(c, expected, offset);
            case Expr.ListLit l -> {
                for (Expr item : l.items()) {
                    Optional<ConfigContext> r = expr(item instanceof Expr.ListIf li ? null : item, expected, offset);
                    if (r.isPresent()) {
                        yield r;
                    }
                }
                yield Optional.empty();
            }
            case Expr.ListComp c -> expr(c.element(), expected, offset);
            case Expr.Paren p -> expr(p.value(), expected, offset);
            case Expr.IfElse i -> expr(i.then(), expected, offset).or(() -> expr(i.orElse(), expected, offset));
            case Expr.Binary b -> expr(b.left(), expected, offset).or(() -> expr(b.right(), expected, offset));
            case Expr.Call c -> {
                for (Expr a : c.args()) {
                    Optional<ConfigContext> r = expr(a, null, offset);
                    if (r.isPresent()) {
                        yield r;
                    }
                }
                yield Optional.empty();
            }
            case Expr.Lambda l -> {
                for (Stmt st : l.body()) {
                    Optional<ConfigContext> r = stmt(st, offset);
                    if (r.isPresent()) {
                        yield r;
                    }
                }
                yield Optional.empty();
            }
            default -> Optional.empty();
        };
    }

    private Optional<ConfigContext> config(Expr.ConfigLit c, SchemaInfo expected, int offset) {
        for (ConfigEntry entry : c.entries()) {
            Optional<ConfigContext> inner = entry(entry, expected, offset);
            if (inner.isPresent()) {
                return inner;
            }
        }
        if (expected == null) {
            return Optional.empty();
        }
        Set<String> present = new HashSet<>();
        for (ConfigEntry entry : c.entries()) {
            if (entry instanceof ConfigEntry.KeyValue kv && !within(kv.key().span(), offset)) {
                Expr k = kv.key();
                while (k instanceof Expr.Selector sel) {
                    k = sel.value(); // `selector.matchLabels = …` sets `selector`
                }
                if (k instanceof Expr.Name n) {
                    present.add(n.id());
                }
            }
        }
        return Optional.of(new ConfigContext(expected, c, present));
    }

    private Optional<ConfigContext> entry(ConfigEntry entry, SchemaInfo expected, int offset) {
        if (entry instanceof ConfigEntry.KeyValue kv && kv.value() != null && within(kv.value().span(), offset)
                && kv.value().span().start() < offset) {
            SchemaInfo inner = expected == null ? null : attrPath(expected, kv.key());
            return expr(kv.value(), inner, offset);
        }
        if (entry instanceof ConfigEntry.If i && within(i.span(), offset)) {
            for (ConfigEntry e : i.entries()) {
                Optional<ConfigContext> r = entry(e, expected, offset);
                if (r.isPresent()) {
                    return r;
                }
            }
        }
        return Optional.empty();
    }

    /** {@code a.b.c} through nested attribute schemas. */
    static SchemaInfo attrPath(SchemaInfo s, Expr key) {
        if (key instanceof Expr.Name n) {
            return s.attrSchema(n.id()).orElse(null);
        }
        if (key instanceof Expr.Selector sel) {
            SchemaInfo parent = attrPath(s, sel.value());
            return parent == null ? null : parent.attrSchema(sel.attr().id()).orElse(null);
        }
        return null;
    }

    static boolean within(Span s, int offset) {
        return s != null && s.start() <= offset && offset <= s.end();
    }
}
