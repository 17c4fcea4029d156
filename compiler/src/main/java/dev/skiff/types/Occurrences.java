package dev.skiff.types;

import dev.skiff.modules.Program;
import dev.skiff.resolve.Bindings;
import dev.skiff.resolve.Symbol;
import dev.skiff.source.SourceFile;
import dev.skiff.source.Span;
import dev.skiff.syntax.ConfigEntry;
import dev.skiff.syntax.Expr;
import dev.skiff.syntax.Node;
import dev.skiff.syntax.Nodes;
import dev.skiff.syntax.Operator;
import dev.skiff.syntax.SourceUnit;
import dev.skiff.syntax.Stmt;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every place of a program that names something, and what: names bound by the resolve stage (globals, locals,
 * parameters, schemas, imports, qualified names such as {@code apps.Deployment}), and attributes named by
 * config keys ({@code metadata.name = …} at any depth of a dotted key, inside configs whose schema is known
 * from the instance, an annotation or the attribute they are given for) or read as {@code x.attr} where the
 * type of {@code x} is a schema. Also every config literal whose schema is known. The editor's hover,
 * definition, references, rename and completion are lookups here.
 */
public final class Occurrences {
    /** What a name stands for. */
    public sealed interface Target {
        /** A symbol of the resolve stage. */
        record Of(Symbol symbol) implements Target {
        }

        /** An attribute of a schema (a user's schema, a Kubernetes kind, a CRD). */
        record Attribute(SchemaType owner, SchemaType.Attribute attribute) implements Target {
        }

        /**
         * A member of the library that has no symbol: a system module's member ({@code math.sqrt},
         * {@code units.Gi}) or a string method ({@code name.upper}), named {@code math.sqrt} or {@code str.upper}.
         */
        record Library(String qualified, Declaration declaration) implements Target {
        }
    }

    /**
     * One name: its place and what it stands for.
     *
     * @param declaration whether this is the name's declaration rather than a use
     */
    public record Occurrence(Span span, Target target, boolean declaration) {
    }

    /** A config literal whose schema is known. */
    public record Config(Expr.ConfigLit literal, SchemaType schema) {
    }

    private final Inference inference;
    private final SchemaTypes types;
    private final Bindings bindings;
    private final Map<SourceFile, List<Occurrence>> byFile = new IdentityHashMap<>();
    private final Map<SourceFile, List<Config>> configs = new IdentityHashMap<>();
    private final Map<Node, Node> parents = new IdentityHashMap<>();

    private Occurrences(Inference inference) {
        this.inference = inference;
        this.types = inference.types();
        this.bindings = types.bindings();
    }

    /** Indexes a program (every module, packages included). */
    static Occurrences of(Inference inference) {
        Occurrences o = new Occurrences(inference);
        o.bindings.names().forEach((name, symbol) -> o.add(name.span(), new Target.Of(symbol),
                symbol.span() != null && symbol.span().equals(name.span())));
        for (Program.Module m : o.bindings.program().modules().values()) {
            for (SourceUnit u : m.units()) {
                for (Stmt s : u.body()) {
                    o.parents.put(s, u);
                    o.visit(s, null);
                }
            }
        }
        Comparator<Occurrence> order = Comparator.comparingInt((Occurrence x) -> x.span().start())
                .thenComparingInt(x -> -x.span().end());
        o.byFile.values().forEach(list -> list.sort(order));
        return o;
    }

    private void add(Span span, Target t, boolean declaration) {
        if (span != null) {
            byFile.computeIfAbsent(span.file(), f -> new ArrayList<>()).add(new Occurrence(span, t, declaration));
        }
    }

    // ---------------------------------------------------------------- queries

    /** The innermost name at {@code offset} of {@code file} (the cursor touching it), or null. */
    public Occurrence at(SourceFile file, int offset) {
        Occurrence best = null;
        for (Occurrence o : byFile.getOrDefault(file, List.of())) {
            if (o.span().start() > offset) {
                break;
            }
            if (o.span().touches(offset) && (best == null || o.span().length() <= best.span().length())) {
                best = o;
            }
        }
        return best;
    }

    /** Every occurrence in a file, in order. */
    public List<Occurrence> in(SourceFile file) {
        return Collections.unmodifiableList(byFile.getOrDefault(file, List.of()));
    }

    /** Every place of the program naming what {@code target} names (the same declaration), in no set order. */
    public List<Occurrence> of(Target target) {
        Object key = key(target);
        List<Occurrence> out = new ArrayList<>();
        for (List<Occurrence> list : byFile.values()) {
            for (Occurrence o : list) {
                if (key.equals(key(o.target()))) {
                    out.add(o);
                }
            }
        }
        return out;
    }

    /**
     * What identifies a target's declaration across analyses (two analyses of one project have different symbol
     * objects for the same declaration): where it is declared, or for a Kubernetes field, its definition and name.
     */
    public static Object key(Target t) {
        return switch (t) {
            case Target.Of o when o.symbol().span() != null -> where(o.symbol().span());
            case Target.Of o -> o.symbol().kind() + ":" + o.symbol().module() + "." + o.symbol().name();
            case Target.Attribute a when a.attribute().declared() != null -> where(a.attribute().declared());
            case Target.Attribute a -> "field:" + (a.owner().kubernetes() == null ? a.owner().name()
                    : a.owner().kubernetes().definition()) + "." + a.attribute().name();
            case Target.Library l -> "library:" + l.qualified();
        };
    }

    private static String where(Span s) {
        return s.file().uri() + "#" + s.start() + "-" + s.end();
    }

    /** The innermost config literal around {@code offset} whose schema is known, or null. */
    public Config configAt(SourceFile file, int offset) {
        Config best = null;
        for (Config c : configs.getOrDefault(file, List.of())) {
            Span s = c.literal().span();
            if (s.start() < offset && offset < s.end() && (best == null || s.length() < best.literal().span().length())) {
                best = c;
            }
        }
        return best;
    }

    /** Every config literal of a file whose schema is known. */
    public List<Config> configs(SourceFile file) {
        return Collections.unmodifiableList(configs.getOrDefault(file, List.of()));
    }

    /** The node a node sits in (a statement's enclosing statement or file), or null. */
    public Node parent(Node n) {
        return parents.get(n);
    }

    /**
     * The names visible at {@code offset}: those of the scopes around it (parameters, locals, loop variables,
     * attributes of the schema being written, keys set earlier in a config), then the module's globals.
     */
    public Map<String, Symbol> visibleAt(SourceFile file, int offset) {
        Map<String, Symbol> out = new HashMap<>();
        for (Occurrence o : byFile.getOrDefault(file, List.of())) {
            if (o.declaration() && o.target() instanceof Target.Of of && scopeContains(of.symbol(), file, offset)) {
                out.putIfAbsent(of.symbol().name(), of.symbol());
            }
        }
        Program.Module m = bindings.program().moduleOf(file);
        if (m != null) {
            bindings.globals(m.name()).forEach(out::putIfAbsent);
        }
        return out;
    }

    private boolean scopeContains(Symbol s, SourceFile file, int offset) {
        Node scope = switch (s.kind()) {
            case PARAMETER, LOCAL, ATTRIBUTE, INDEX_KEY -> s.owner();
            case LOOP_VARIABLE, CONFIG_KEY -> parent(s.declaration());
            default -> null;
        };
        return scope != null && scope.span().file() == file && scope.span().start() <= offset
                && offset <= scope.span().end();
    }

    // ---------------------------------------------------------------- the walk

    /** Visits a node knowing the type its value must have there ({@code expected}, or null when unknown). */
    private void visit(Node n, Type expected) {
        if (n == null) {
            return;
        }
        switch (n) {
            case Expr.SchemaInst si -> {
                SchemaType s = types.schemaNamed(si.schema());
                children(si, child -> child == si.config() ? (s == null ? null : new Type.Schema(s)) : null);
            }
            case Expr.ConfigLit c -> {
                Type t = expected == null ? null : Type.unrefined(expected);
                if (t instanceof Type.Schema s) {
                    config(c, s.schema());
                } else if (t instanceof Type.DictOf d) {
                    for (ConfigEntry e : c.entries()) {
                        parents.put(e, c);
                        dictEntry(e, d.value());
                    }
                } else {
                    children(c, child -> null);
                }
            }
            case Expr.ListLit l -> {
                Type e = expected != null && Type.unrefined(expected) instanceof Type.ListOf lt ? lt.element() : null;
                children(l, child -> e);
            }
            case Expr.ListComp c -> {
                Type e = expected != null && Type.unrefined(expected) instanceof Type.ListOf lt ? lt.element() : null;
                children(c, child -> child == c.element() ? e : null);
            }
            case Expr.Paren p -> children(p, child -> expected);
            case Expr.IfElse i -> children(i, child -> child == i.condition() ? null : expected);
            case Expr.Binary b when b.op() == Operator.Binary.BIT_OR -> {
                SchemaType left = inference.schemaOf(b.left());
                children(b, child -> child == b.right() && left != null ? new Type.Schema(left) : null);
            }
            case Expr.Selector s -> {
                children(s, child -> null);
                if (bindings.member(s) == null && !s.optional()) {
                    SchemaType owner = inference.schemaOf(s.value());
                    SchemaType.Attribute a = owner == null ? null : owner.attribute(s.attr().id());
                    if (a != null) {
                        add(s.attr().span(), new Target.Attribute(owner, a), false);
                    } else if (inference.libraryMember(s) instanceof Target.Library l) {
                        add(s.attr().span(), l, false);
                    }
                }
            }
            case Stmt.Assign a -> {
                Type t = a.type() == null ? null : types.annotation(a.type());
                children(a, child -> child == a.value() ? t : null);
            }
            case Stmt.SchemaAttr at -> {
                Type t = at.type() == null ? null : types.annotation(at.type());
                children(at, child -> child == at.value() ? t : null);
            }
            default -> children(n, child -> null);
        }
    }

    private void children(Node n, java.util.function.Function<Node, Type> expected) {
        for (Node child : Nodes.children(n)) {
            parents.put(child, n);
            visit(child, expected.apply(child));
        }
    }

    /** A config for a schema: every key segment names an attribute, every value has its type. */
    private void config(Expr.ConfigLit c, SchemaType s) {
        configs.computeIfAbsent(c.span().file(), f -> new ArrayList<>()).add(new Config(c, s));
        for (ConfigEntry e : c.entries()) {
            parents.put(e, c);
            entry(e, s);
        }
    }

    private void entry(ConfigEntry e, SchemaType s) {
        switch (e) {
            case ConfigEntry.KeyValue kv -> {
                parents.put(kv.key(), kv);
                parents.put(kv.value(), kv);
                Type valueType = key(kv.key(), s);
                if (valueType == null) {
                    visit(kv.key(), null); // a computed key is an expression
                }
                visit(kv.value(), valueType);
            }
            case ConfigEntry.If i -> {
                parents.put(i.condition(), i);
                visit(i.condition(), null);
                for (ConfigEntry x : i.entries()) {
                    parents.put(x, i);
                    entry(x, s);
                }
                for (ConfigEntry x : i.orElse()) {
                    parents.put(x, i);
                    entry(x, s);
                }
            }
            case ConfigEntry.Unpack u -> {
                parents.put(u.value(), u);
                visit(u.value(), null);
            }
            case ConfigEntry.Error err -> {
            }
        }
    }

    /**
     * A key of a config for {@code s}: each name of a dotted key is an attribute of the schema the part before it
     * reaches. The type the value must have, or null when the path leaves known schemas (or the key is computed).
     */
    private Type key(Expr key, SchemaType s) {
        List<Expr> parts = new ArrayList<>();
        Expr k = key;
        while (k instanceof Expr.Selector sel && !sel.optional()) {
            parts.add(0, sel.attr());
            k = sel.value();
        }
        if (!(k instanceof Expr.Name || k instanceof Expr.StrLit)) {
            return null;
        }
        parts.add(0, k);
        SchemaType owner = s;
        Type type = null;
        for (int i = 0; i < parts.size(); i++) {
            Expr part = parts.get(i);
            String id = part instanceof Expr.Name n ? n.id() : ((Expr.StrLit) part).value();
            SchemaType.Attribute a = owner == null ? null : owner.attribute(id);
            if (a == null) {
                return null;
            }
            if (part instanceof Expr.Name n) {
                add(n.span(), new Target.Attribute(owner, a), false);
            }
            type = a.type();
            owner = Type.unrefined(type) instanceof Type.Schema inner ? inner.schema() : null;
        }
        return type;
    }

    private void dictEntry(ConfigEntry e, Type value) {
        if (e instanceof ConfigEntry.KeyValue kv) {
            parents.put(kv.key(), kv);
            parents.put(kv.value(), kv);
            if (!(kv.key() instanceof Expr.Name || kv.key() instanceof Expr.StrLit)) {
                visit(kv.key(), null);
            }
            visit(kv.value(), value);
        } else {
            children(e, child -> null);
        }
    }
}
