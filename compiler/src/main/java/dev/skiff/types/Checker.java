package dev.skiff.types;

import dev.skiff.diag.Diagnostic;
import dev.skiff.modules.Program;
import dev.skiff.source.Span;
import dev.skiff.syntax.ConfigEntry;
import dev.skiff.syntax.Expr;
import dev.skiff.syntax.Multipliers;
import dev.skiff.syntax.Node;
import dev.skiff.syntax.Nodes;
import dev.skiff.syntax.Operator;
import dev.skiff.syntax.SourceUnit;
import dev.skiff.syntax.Stmt;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checks made before evaluation, over every module of the program and in code that may never run (a branch
 * not taken, a lambda not called, a check block): values whose type is known from the source against the types
 * they must have (annotations, schema attributes at any depth, list elements, dict values, index signatures),
 * config keys against the schema's attributes, the required attributes of instances assigned at the top level,
 * and, when the program's Kubernetes objects will be validated, the OpenAPI rules of literals (a malformed
 * quantity, an int32 out of range), so every mistake the source shows is reported at once.
 *
 * <p>It reports only what evaluation (and validation) would also reject, with the same code, place and message
 * ({@link TypeErrors}): a value is reported only when every type it may have is wrong, and {@code None} fits
 * every type. Types come from {@link Inference}, schemas from {@link SchemaTypes}.
 */
public final class Checker {
    private final Inference inference;
    private final SchemaTypes types;
    private final boolean refinements;
    private final Map<String, Diagnostic> problems = new LinkedHashMap<>();

    private Checker(Inference inference, boolean refinements) {
        this.inference = inference;
        this.types = inference.types();
        this.refinements = refinements;
    }

    /**
     * The problems of the whole program (packages that do not parse are left out). With {@code refinements}, the
     * OpenAPI rules of Kubernetes fields are checked on literals too, as validation will check them on values.
     */
    public static List<Diagnostic> check(Inference inference, boolean refinements) {
        Checker c = new Checker(inference, refinements);
        for (Program.Module m : inference.types().bindings().program().modules().values()) {
            if (m.broken()) {
                continue;
            }
            for (SourceUnit u : m.units()) {
                for (Stmt s : u.body()) {
                    c.topLevel(s);
                }
            }
        }
        return List.copyOf(c.problems.values());
    }

    /**
     * Whether a schema and the schemas it inherits from were declared without problems (an inheritance cycle
     * leaves its attributes unknown; the problem itself is reported once, at the declaration).
     */
    private static boolean sound(SchemaType s) {
        for (SchemaType t : s.chain()) {
            if (!t.problems().isEmpty()) {
                return false;
            }
            for (SchemaType m : t.mixins()) {
                if (!m.problems().isEmpty()) {
                    return false;
                }
            }
        }
        return true;
    }

    private void report(Diagnostic d) {
        // a nested config can be reached twice (as a value, then as the schema it is given for)
        problems.putIfAbsent(d.code() + "@" + d.span() + ":" + d.message(), d);
    }

    // ---------------------------------------------------------------- walking

    /** A statement at the top level of a module (or in a top-level branch): its instances are complete. */
    private void topLevel(Stmt s) {
        if (s instanceof Stmt.Assign a) {
            List<Expr> made = a.value() instanceof Expr.ListLit l ? l.items() : List.of(a.value());
            made.forEach(this::requiredGiven);
        } else if (s instanceof Stmt.If i) {
            check(i.condition());
            i.body().forEach(this::topLevel);
            i.orElse().forEach(this::topLevel);
            return;
        }
        check(s);
    }

    /** Checks a node and everything below it. */
    private void check(Node n) {
        if (n == null) {
            return;
        }
        switch (n) {
            case Stmt.Assign a when a.type() != null && a.targets().size() == 1 && a.targets().get(0) instanceof Expr.Name t ->
                    value(a.value(), types.annotationOrAny(a.type()), TypeErrors.named(t.id()), a.value().span());
            case Stmt.SchemaDecl d -> {
                for (Stmt b : d.body()) {
                    if (b instanceof Stmt.SchemaAttr at && at.value() != null && at.type() != null && !at.pipe()) {
                        value(at.value(), types.annotationOrAny(at.type()), TypeErrors.attribute(at.name().id(),
                                d.name().id()), at.value().span());
                    }
                }
            }
            case Expr.Call c -> call(c);
            case Expr.SchemaInst si when si.config() != null -> {
                SchemaType s = types.schemaNamed(si.schema());
                if (s != null && s.kind() != SchemaType.Kind.RULE && sound(s)) {
                    config(si.config(), s);
                }
            }
            default -> {
            }
        }
        for (Node child : Nodes.children(n)) {
            check(child);
        }
    }

    // ---------------------------------------------------------------- calls of library functions

    /**
     * A call of a builtin, a system module's function or a string method, against its declared signature: how
     * many arguments, which keywords, and the kind of each argument whose type is known. Evaluation binds the
     * arguments through the same {@link Calls}, so it reports these mistakes with the same words at the call.
     */
    private void call(Expr.Call c) {
        Declaration.Function f = inference.libraryCallee(c);
        if (f == null || c.args().stream().anyMatch(a -> a instanceof Expr.Starred)) {
            return; // `f(*xs)`: how many arguments there are is known only when it runs
        }
        List<String> keywords = c.keywords().stream().map(k -> k.name().id()).toList();
        Calls.Selection selection = Calls.select(f, c.args().size(), keywords, c.span());
        if (selection.problem() != null) {
            report(selection.problem());
            return;
        }
        Signature s = selection.signature();
        List<Param> positional = s.positional();
        for (int i = 0; i < c.args().size(); i++) {
            argument(c, s, i < positional.size() ? positional.get(i) : s.rest(), c.args().get(i));
        }
        for (Node.Keyword k : c.keywords()) {
            int i = s.indexOf(k.name().id());
            argument(c, s, i >= 0 ? s.params().get(i) : s.keywords(), k.value());
        }
    }

    private void argument(Expr.Call c, Signature s, Param p, Expr argument) {
        if (p == null) {
            return;
        }
        Type found = inference.typeOf(argument);
        if (!Calls.accepts(found, p.type()) && !(found instanceof Type.Union)) {
            report(Calls.argumentType(c.span(), s, p, foundName(found)));
        }
    }

    // ---------------------------------------------------------------- configs of schemas

    /** A config used to make an instance of {@code s}: its keys must be attributes, its values fit them. */
    private void config(Expr.ConfigLit config, SchemaType s) {
        if (!sound(s)) {
            return;
        }
        for (ConfigEntry e : config.entries()) {
            entry(e, s);
        }
    }

    private void entry(ConfigEntry e, SchemaType s) {
        switch (e) {
            case ConfigEntry.KeyValue kv -> {
                List<String> path = keyPath(kv.key());
                if (path == null) {
                    return; // a computed key: evaluation decides
                }
                SchemaType owner = s;
                for (int i = 0; i < path.size(); i++) {
                    String name = path.get(i);
                    boolean last = i == path.size() - 1;
                    SchemaType.Attribute attr = owner.attribute(name);
                    if (attr == null) {
                        if (owner.index() != null) {
                            if (last) {
                                indexEntry(kv, name, owner);
                            }
                        } else {
                            report(TypeErrors.unknownAttribute(kv.key().span(), owner, name));
                        }
                        return;
                    }
                    if (!last) {
                        SchemaType next = Type.unrefined(attr.type()) instanceof Type.Schema inner ? inner.schema() : null;
                        if (next == null) {
                            if (i == path.size() - 2 && Type.unrefined(attr.type()) instanceof Type.DictOf d
                                    && kv.op() != Operator.Config.INSERT) {
                                // `labels.tier = 1`: the last name is a key of the dict the attribute holds
                                dictEntry(kv, path.get(i + 1), attr.type(), d,
                                        TypeErrors.attribute(name, owner.name()));
                            }
                            return; // a dict or a value of any type: the rest of the path are its keys
                        }
                        owner = next;
                    } else if (kv.op() != Operator.Config.INSERT) {
                        value(kv.value(), attr.type(), TypeErrors.attribute(name, owner.name()), kv.key().span());
                    }
                }
            }
            case ConfigEntry.If i -> {
                i.entries().forEach(x -> entry(x, s));
                i.orElse().forEach(x -> entry(x, s));
            }
            default -> {
            }
        }
    }

    /** A key an index signature admits: the key must fit its key type, the value its value type. */
    private void indexEntry(ConfigEntry.KeyValue kv, String key, SchemaType owner) {
        SchemaType.Index index = owner.index();
        if (key.startsWith("_")) {
            return;
        }
        if (!keyFits(key, index.keyType())) {
            report(Diagnostic.error(dev.skiff.diag.Code.E0301, kv.key().span(), "the key `" + key
                    + "` does not meet the index signature of `" + owner.name() + "`: keys are `"
                    + index.keyType().display() + "`"));
            return;
        }
        if (kv.op() != Operator.Config.INSERT && index.defaultValue() == null) {
            value(kv.value(), index.valueType(), "`" + key + "` of `" + owner.name() + "`", kv.key().span());
        }
    }

    /** Whether a key fits a key type, as evaluation decides it (see the evaluator's schema instantiation). */
    static boolean keyFits(String key, Type type) {
        return switch (type) {
            case Type.Literal l -> l.value() instanceof String s ? s.equals(key) : l.display().equals(key);
            case Type.Union u -> u.members().stream().anyMatch(m -> keyFits(key, m));
            case Type.Int i -> key.matches("-?\\d+");
            case Type.Float f -> key.matches("-?\\d+(\\.\\d*)?([eE][-+]?\\d+)?");
            case Type.Bool b -> key.equals("True") || key.equals("False");
            case Type.Refined r -> keyFits(key, r.base());
            default -> true;
        };
    }

    /** {@code a}, {@code "a"} or {@code a.b.c} as a list of names; null for a computed key. */
    static List<String> keyPath(Expr key) {
        if (key instanceof Expr.Name n) {
            return new ArrayList<>(List.of(n.id()));
        }
        if (key instanceof Expr.StrLit s) {
            return new ArrayList<>(List.of(s.value()));
        }
        if (key instanceof Expr.Selector s && !s.optional()
                && (s.value() instanceof Expr.Name || s.value() instanceof Expr.Selector)) {
            List<String> head = keyPath(s.value());
            if (head != null) {
                head.add(s.attr().id());
                return head;
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- values against types

    /**
     * An expression given where {@code expected} is required; {@code subject} names it in messages, {@code at} is
     * where evaluation reports it (the key of its config entry, or the value itself).
     */
    private void value(Expr v, Type expected, String subject, Span at) {
        Expr e = unparen(v);
        Type base = Type.unrefined(expected);
        if (expected instanceof Type.Any) {
            return;
        }
        switch (e) {
            case Expr.ConfigLit c when base instanceof Type.Schema s -> config(c, s.schema());
            case Expr.ConfigLit c when base instanceof Type.DictOf d -> dict(c, expected, d, subject);
            case Expr.ListLit l when base instanceof Type.ListOf lt -> list(l, expected, lt, subject, at);
            default -> scalar(e, expected, subject, at);
        }
    }

    private void dict(Expr.ConfigLit c, Type expected, Type.DictOf d, String subject) {
        for (ConfigEntry entry : c.entries()) {
            if (!(entry instanceof ConfigEntry.KeyValue kv) || kv.op() == Operator.Config.INSERT) {
                continue;
            }
            String key = kv.key() instanceof Expr.Name n ? n.id() : kv.key() instanceof Expr.StrLit s ? s.value() : null;
            if (key != null) {
                dictEntry(kv, key, expected, d, subject);
            }
        }
    }

    /** One entry {@code key = value} of a dict of type {@code expected}, reported at the entry's key. */
    private void dictEntry(ConfigEntry.KeyValue kv, String key, Type expected, Type.DictOf d, String subject) {
        Span at = kv.key().span();
        if (!keyFits(key, d.key())) {
            report(TypeErrors.keyMismatch(at, expected, subject, key));
            return;
        }
        Expr item = unparen(kv.value());
        if (item instanceof Expr.ConfigLit || item instanceof Expr.ListLit) {
            value(item, d.value(), subject, at);
            return;
        }
        Type found = inference.typeOf(item);
        if (!compatible(found, d.value())) {
            if (!(found instanceof Type.Union)) {
                report(TypeErrors.valueMismatch(at, expected, subject, key, foundName(found), literal(item)));
            }
            return;
        }
        if (refinements && expected instanceof Type.Refined refined) {
            for (Refinement.Rule rule : refined.refinement().rules()) {
                Refinement.Violation problem = rule instanceof Refinement.LabelMap labels
                        ? labels.testEntry(key, literal(item)) : null;
                if (problem != null) {
                    report(TypeErrors.refinement(at, problem, subject));
                }
            }
        }
        if (refinements && d.value() instanceof Type.Refined r) {
            refine(item, r, subject, at);
        }
    }

    private void list(Expr.ListLit l, Type expected, Type.ListOf lt, String subject, Span at) {
        for (Expr raw : l.items()) {
            if (raw instanceof Expr.Starred || raw instanceof Expr.ListIf) {
                continue;
            }
            Expr item = unparen(raw);
            if (item instanceof Expr.ConfigLit || item instanceof Expr.ListLit) {
                value(item, lt.element(), subject, item.span());
                continue;
            }
            Type found = inference.typeOf(item);
            if (!compatible(found, lt.element())) {
                if (!(found instanceof Type.Union)) {
                    report(TypeErrors.elementMismatch(item.span(), expected, subject, foundName(found)));
                }
            } else if (refinements && lt.element() instanceof Type.Refined r) {
                refine(item, r, subject, item.span());
            }
        }
    }

    private void scalar(Expr e, Type expected, String subject, Span at) {
        Type found = inference.typeOf(e);
        if (!compatible(found, expected)) {
            if (!(found instanceof Type.Union)) {
                report(TypeErrors.mismatch(at, expected, subject, foundName(found), literal(e), e.span()));
            }
        } else if (refinements && expected instanceof Type.Refined r) {
            refine(e, r, subject, at);
        }
    }

    /** The rules of a refined type on a literal (the validator checks them on every value after evaluation). */
    private void refine(Expr e, Type.Refined r, String subject, Span at) {
        Object literal = literal(e);
        if (literal == null) {
            return;
        }
        for (Refinement.Rule rule : r.refinement().rules()) {
            Refinement.Violation problem = rule.test(literal);
            if (problem != null) {
                report(TypeErrors.refinement(at, problem, subject));
                return;
            }
        }
    }

    /**
     * Whether a value of type {@code found} may be accepted where {@code expected} is required, with the
     * conversions evaluation makes: an int for a float, a dict for a schema, {@code None} for anything. False
     * only when no value of {@code found} could be.
     */
    static boolean compatible(Type found, Type expected) {
        if (found instanceof Type.Any || found instanceof Type.Never || found instanceof Type.NoneType
                || expected instanceof Type.Any) {
            return true;
        }
        if (expected instanceof Type.Refined r) {
            return compatible(found, r.base());
        }
        if (found instanceof Type.Refined r) {
            return compatible(r.base(), expected);
        }
        if (found instanceof Type.Union u) {
            return u.members().stream().anyMatch(m -> compatible(m, expected));
        }
        if (expected instanceof Type.Union u) {
            return u.members().stream().anyMatch(m -> compatible(found, m));
        }
        return switch (expected) {
            case Type.Bool b -> found instanceof Type.Bool || found instanceof Type.Literal l && l.value() instanceof Boolean;
            case Type.Int i -> found instanceof Type.Int || found instanceof Type.Literal l && l.value() instanceof Long;
            case Type.Float f -> found instanceof Type.Int || found instanceof Type.Float
                    || found instanceof Type.Literal l && (l.value() instanceof Long || l.value() instanceof Double);
            case Type.Str s -> found instanceof Type.Str || found instanceof Type.Literal l && l.value() instanceof String;
            case Type.Literal l -> found instanceof Type.Literal fl ? sameLiteral(fl, l)
                    : compatible(found, l.base());
            case Type.ListOf l -> found instanceof Type.ListOf f && compatible(f.element(), l.element());
            case Type.DictOf d -> found instanceof Type.DictOf f ? compatible(f.value(), d.value())
                    : found instanceof Type.Schema;
            case Type.Schema s -> found instanceof Type.Schema f ? f.schema().isSubtypeOf(s.schema())
                    : found instanceof Type.DictOf;
            case Type.Function f -> found instanceof Type.Function;
            case Type.NoneType n -> false;
            default -> true;
        };
    }

    private static boolean sameLiteral(Type.Literal a, Type.Literal b) {
        return a.value().getClass() == b.value().getClass() && a.value().equals(b.value());
    }

    /** How evaluation names the type of a value of type {@code t} ({@code str}, {@code list}, a schema's name). */
    static String foundName(Type t) {
        return switch (t) {
            case Type.Literal l -> foundName(l.base());
            case Type.ListOf l -> "list";
            case Type.DictOf d -> "dict";
            case Type.Schema s -> s.schema().name();
            case Type.Function f -> "function";
            case Type.NoneType n -> "NoneType";
            case Type.Refined r -> foundName(r.base());
            default -> t.display();
        };
    }

    /** The value of a literal expression (a String, Long, Double or Boolean), or null. */
    static Object literal(Expr v) {
        Expr e = unparen(v);
        return switch (e) {
            case Expr.StrLit s -> s.value();
            case Expr.IntLit i -> Multipliers.value(i);
            case Expr.FloatLit f -> Multipliers.value(f);
            case Expr.BoolLit b -> b.value();
            case Expr.Unary u when u.op() == Operator.Unary.NEG && unparen(u.operand()) instanceof Expr.IntLit i
                    && i.suffix() == null -> -i.value();
            default -> null;
        };
    }

    private static Expr unparen(Expr e) {
        Expr out = e;
        while (out instanceof Expr.Paren p) {
            out = p.value();
        }
        return out;
    }

    // ---------------------------------------------------------------- required attributes

    /**
     * {@code S {…}} assigned at the top level, with a config whose keys are known from the source: every
     * required attribute that no default, body statement or literal type gives must be among them. An instance
     * inside a config may be completed by a later merge, so only top-level ones are complete.
     */
    /** Whether a body statement other than a declaration without default may give the attribute a value. */
    private static boolean writtenByBody(SchemaType s, String name) {
        for (Stmt w : s.layout().writers().getOrDefault(name, List.of())) {
            if (!(w instanceof Stmt.SchemaAttr a) || a.value() != null) {
                return true;
            }
        }
        return false;
    }

    private void requiredGiven(Expr e) {
        if (!(unparen(e) instanceof Expr.SchemaInst si) || si.config() == null) {
            return;
        }
        SchemaType s = types.schemaNamed(si.schema());
        if (s == null || s.kind() == SchemaType.Kind.RULE || !sound(s)) {
            return;
        }
        Set<String> keys = new LinkedHashSet<>();
        for (ConfigEntry entry : si.config().entries()) {
            List<String> path = entry instanceof ConfigEntry.KeyValue kv ? keyPath(kv.key()) : null;
            if (path == null) {
                return; // `**x`, `if`, a computed key: what the config sets is not known here
            }
            keys.add(path.get(0));
        }
        if (s.index() == null && !s.attributes().keySet().containsAll(keys)) {
            return; // an unknown key is reported already, and is likely the missing attribute misspelt
        }
        List<String> missing = new ArrayList<>();
        for (SchemaType.Attribute a : s.attributes().values()) {
            if (!a.optional() && !a.hasDefault() && !(a.type() instanceof Type.Literal)
                    && !writtenByBody(s, a.name()) && !keys.contains(a.name())) {
                missing.add(a.name());
            }
        }
        if (!missing.isEmpty()) {
            report(TypeErrors.missingAttribute(si.span(), s, s.attribute(missing.get(0)), missing));
        }
    }
}
