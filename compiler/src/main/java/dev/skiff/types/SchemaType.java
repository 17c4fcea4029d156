package dev.skiff.types;

import dev.skiff.diag.Diagnostic;
import dev.skiff.source.Span;
import dev.skiff.syntax.Expr;
import dev.skiff.syntax.Node;
import dev.skiff.syntax.Stmt;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A schema as a type: a user's schema, mixin, protocol or rule, or a Kubernetes kind or CRD definition. Its
 * attributes (with type, optionality, docs and where they are declared, over the whole inheritance chain), its
 * parent, mixins, index signature and checks are computed here once, by {@link SchemaTypes} or
 * {@link KubernetesSchemas}, and read by the checker, the evaluator, the validator and the language server.
 *
 * <p>The body is completed on first use (a schema may name one declared later, or itself through an attribute's
 * type). Problems found while completing it (an inheritance cycle, a changed attribute type) are kept in
 * {@link #problems()}: the checker reports them, and the evaluator fails with the first when the schema is used.
 * Identity is the schema's: two {@code SchemaType}s are the same type only if they are the same object.
 */
public final class SchemaType {
    /** What the declaration is. */
    public enum Kind { SCHEMA, MIXIN, PROTOCOL, RULE, KUBERNETES }

    /**
     * One attribute, merged over the inheritance chain.
     *
     * @param decls    the declarations that contribute to it, ancestors first (empty for Kubernetes fields)
     * @param doc      its documentation (a docstring's attribute section, or the OpenAPI description), or ""
     * @param declared where it is declared (the name in the last declaration), or null for Kubernetes fields
     * @param owner    the schema that declares it (the last declaration's)
     */
    public record Attribute(String name, Type type, boolean optional, List<Stmt.SchemaAttr> decls, String doc,
                            Span declared, SchemaType owner) {
        public Attribute {
            decls = List.copyOf(decls);
            doc = doc == null ? "" : doc;
        }

        /** Whether some declaration gives a default value. */
        public boolean hasDefault() {
            for (Stmt.SchemaAttr d : decls) {
                if (d.value() != null) {
                    return true;
                }
            }
            return false;
        }
    }

    /** An index signature: {@code [keyName: keyType]: valueType = default}, or {@code [...keyType]: valueType}. */
    public record Index(Node.IndexSignature decl, Type keyType, Type valueType) {
        public Expr.Name keyName() {
            return decl == null ? null : decl.keyName();
        }

        public boolean anyOtherKeys() {
            return decl != null && decl.anyOtherKeys();
        }

        public Expr defaultValue() {
            return decl == null ? null : decl.defaultValue();
        }
    }

    /** The apiVersion and kind of a Kubernetes definition that is a kind, and its definition name. */
    public record Kubernetes(String definition, String apiVersion, String kind) {
    }

    private final Kind kind;
    private final String name;
    private final String module;
    private final Stmt.SchemaDecl decl;
    private final Stmt.RuleDecl rule;
    private final Kubernetes kubernetes;
    private final String doc;
    private final Span span;
    private final Object lock;
    private Runnable completer;
    private boolean completing;
    /** Set (last) once the body is complete: readers after that need no lock (attribute look-ups are hot). */
    private volatile boolean completed;

    // the body, set once by complete()
    private SchemaType parent;
    private List<SchemaType> mixins = List.of();
    private Map<String, Attribute> attributes = Map.of();
    private Index index;
    private final List<Diagnostic> problems = new ArrayList<>();
    private Layout layout;
    private boolean truncated;

    SchemaType(Object lock, Kind kind, String name, String module, Stmt.SchemaDecl decl, Stmt.RuleDecl rule,
               Kubernetes kubernetes, String doc, Span span) {
        this.lock = lock;
        this.kind = kind;
        this.name = name;
        this.module = module;
        this.decl = decl;
        this.rule = rule;
        this.kubernetes = kubernetes;
        this.doc = doc == null ? "" : doc;
        this.span = span;
    }

    /** Sets how the body is computed on first use; called once, by the builder that made this schema. */
    void completeWith(Runnable c) {
        this.completer = c;
    }

    /**
     * Computes the body now if it has not been; a cycle through the completion itself is a no-op. Completions
     * hold their builder's lock (one per {@link SchemaTypes} or {@link KubernetesSchemas}), so another thread
     * asking meanwhile waits for the whole body instead of seeing part of it, and two threads cannot lock each
     * other out (user schemas may reach Kubernetes ones, never the other way).
     */
    private void complete() {
        if (completed) {
            return; // the body's fields were written before `completed`, so they are seen without the lock
        }
        synchronized (lock) {
            Runnable c = completer;
            if (completing) {
                return;
            }
            if (c == null) {
                completed = true;
                return;
            }
            completing = true;
            try {
                c.run();
            } finally {
                completer = null;
                completing = false;
                completed = true;
            }
        }
    }

    /** Whether the body is being computed (a reference back to this schema from its own ancestry). */
    boolean isCompleting() {
        synchronized (lock) {
            return completing;
        }
    }

    void setBody(SchemaType parent, List<SchemaType> mixins, Map<String, Attribute> attributes, Index index,
                 Layout layout) {
        this.parent = parent;
        this.mixins = List.copyOf(mixins);
        this.attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        this.index = index;
        this.layout = layout;
    }

    void addProblem(Diagnostic d) {
        problems.add(d);
    }

    public Kind kind() {
        return kind;
    }

    /** The schema's own name ({@code Deployment}, {@code App}). */
    public String name() {
        return name;
    }

    /** The module that declares it: a canonical module name, or a Kubernetes apiVersion ({@code apps/v1}). */
    public String module() {
        return module;
    }

    /** The declaration, or null for rules and Kubernetes types. */
    public Stmt.SchemaDecl decl() {
        return decl;
    }

    /** The rule declaration, or null. */
    public Stmt.RuleDecl rule() {
        return rule;
    }

    /** For a Kubernetes or CRD definition, what it is; null for a user's schema. */
    public Kubernetes kubernetes() {
        return kubernetes;
    }

    public String doc() {
        return doc;
    }

    /** The declared name, or null for Kubernetes types. */
    public Span span() {
        return span;
    }

    public boolean isMixin() {
        return kind == Kind.MIXIN;
    }

    public SchemaType parent() {
        complete();
        return parent;
    }

    public List<SchemaType> mixins() {
        complete();
        return mixins;
    }

    /** Every attribute, over the inheritance chain and mixins, in declaration order (ancestors' first). */
    public Map<String, Attribute> attributes() {
        complete();
        return attributes;
    }

    public Attribute attribute(String name) {
        return attributes().get(name);
    }

    /** The index signature (its own or an ancestor's), or null. */
    public Index index() {
        complete();
        return index;
    }

    /**
     * Whether the parent was left out: the schema is below an inheritance chain too long to follow, reported at
     * the chain's first schema past the limit. Its attributes are then not all known.
     */
    public boolean truncated() {
        complete();
        return truncated;
    }

    void truncate() {
        truncated = true;
    }

    /** What completing the body found wrong, in the order found. */
    public List<Diagnostic> problems() {
        complete();
        return Collections.unmodifiableList(problems);
    }

    /** This schema and its ancestors, root first. */
    public List<SchemaType> chain() {
        List<SchemaType> out = new ArrayList<>();
        for (SchemaType s = this; s != null; s = s.parent()) {
            if (out.contains(s)) {
                break;
            }
            out.add(0, s);
        }
        return out;
    }

    /** Whether this is {@code other} or inherits from it. */
    public boolean isSubtypeOf(SchemaType other) {
        int guard = 0;
        for (SchemaType s = this; s != null && guard++ < 10_000; s = s.parent()) {
            if (s == other || s.sameDeclaration(other)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether both are built from the same declaration in the same file: a file imported as a module of its own
     * ({@code import models.frontend.server}) and as part of its package ({@code import models.frontend}) is
     * loaded as two modules, as in KCL, but declares one schema.
     */
    public boolean sameDeclaration(SchemaType other) {
        if (other == null || decl == null || other.decl == null || !name.equals(other.name)) {
            return false;
        }
        Span a = decl.span();
        Span b = other.decl.span();
        return a != null && b != null && a.start() == b.start() && a.file().uri().equals(b.file().uri());
    }

    /** The checks of this schema, its ancestors and their mixins (ancestors first), or a rule's own. */
    public List<Node.CheckExpr> checks() {
        if (rule != null) {
            return rule.checks();
        }
        List<Node.CheckExpr> out = new ArrayList<>();
        for (SchemaType s : chain()) {
            if (s.decl != null) {
                out.addAll(s.decl.checks());
                for (SchemaType m : s.mixins()) {
                    if (m.decl != null) {
                        out.addAll(m.decl.checks());
                    }
                }
            }
        }
        return out;
    }

    /** How the body statements of the chain run: their order, what each writes, where each was written. */
    public Layout layout() {
        complete();
        return layout == null ? Layout.EMPTY : layout;
    }

    /**
     * The body statements of the ancestors, the schema and their mixins in the order they run, with, for each
     * attribute, the statements that may write it, and for each statement and check the schema it was written in.
     */
    public static final class Layout {
        static final Layout EMPTY = new Layout();

        final List<Stmt> order = new ArrayList<>();
        final Map<String, List<Stmt>> writers = new LinkedHashMap<>();
        final Map<Stmt, Set<String>> writtenBy = new IdentityHashMap<>();
        final Map<Stmt, Integer> position = new IdentityHashMap<>();
        final Map<Node, SchemaType> origins = new IdentityHashMap<>();
        final Map<Stmt.Unification, Stmt.SchemaAttr> synthesized = new IdentityHashMap<>();

        public List<Stmt> order() {
            return Collections.unmodifiableList(order);
        }

        /** For each attribute, the body statements that may write it, in order. */
        public Map<String, List<Stmt>> writers() {
            return Collections.unmodifiableMap(writers);
        }

        /** The attributes a body statement may write. */
        public Set<String> writtenBy(Stmt s) {
            return writtenBy.getOrDefault(s, Set.of());
        }

        /** A body statement's place in {@link #order()}, or -1. */
        public int position(Stmt s) {
            return position.getOrDefault(s, -1);
        }

        /** The schema a body statement or check was written in (an ancestor or a mixin), or null if none. */
        public SchemaType origin(Node n) {
            return origins.get(n);
        }

        /** The attribute declaration a body's {@code name: S {…}} statement makes. */
        public Stmt.SchemaAttr synthesized(Stmt.Unification u) {
            return synthesized.get(u);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
