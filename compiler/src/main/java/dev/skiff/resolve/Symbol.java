package dev.skiff.resolve;

import dev.skiff.source.Span;
import dev.skiff.syntax.Node;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Something a name can stand for: a global, a schema and its attributes, a parameter, a loop variable, a
 * config key read as a name, a builtin. Each declaration has exactly one symbol, compared by identity, so
 * "every use of this" is a lookup in the {@link Bindings}.
 *
 * <p>{@code declaration} is the node that introduces the name: the first assignment statement of a global,
 * the {@link dev.skiff.syntax.Stmt.SchemaDecl} of a schema, the {@link dev.skiff.syntax.Stmt.SchemaAttr} of an
 * attribute (or the body statement that makes it), the {@link Node.Param}, the comprehension clause, the config
 * entry. {@code owner} is the schema (or rule) an attribute or parameter belongs to, the lambda a local belongs
 * to, else null. {@code writers} are every statement that assigns a global or local, in source order.
 */
public final class Symbol {
    /** What kind of thing a symbol is. */
    public enum Kind {
        VARIABLE, SCHEMA, RULE, TYPE_ALIAS, IMPORT, ATTRIBUTE, PARAMETER, LOCAL, LOOP_VARIABLE, CONFIG_KEY,
        INDEX_KEY, BUILTIN,
        /** A member of a Kubernetes or CRD module ({@code apps.Deployment}); {@link #module()} is its path. */
        KUBERNETES_TYPE
    }

    private final Kind kind;
    private final String name;
    private final Span span;
    private final Node declaration;
    private final Node owner;
    private final String module;
    private final List<Node> writers = new ArrayList<>();

    Symbol(Kind kind, String name, Span span, Node declaration, Node owner, String module) {
        this.kind = kind;
        this.name = name;
        this.span = span;
        this.declaration = declaration;
        this.owner = owner;
        this.module = module;
    }

    public Kind kind() {
        return kind;
    }

    public String name() {
        return name;
    }

    /** Where the name is declared (the name itself); null for builtins and Kubernetes types. */
    public Span span() {
        return span;
    }

    public Node declaration() {
        return declaration;
    }

    public Node owner() {
        return owner;
    }

    /** The canonical name of the module that declares it (the module path for {@link Kind#KUBERNETES_TYPE}). */
    public String module() {
        return module;
    }

    /** The statements that assign it, in source order (globals and locals). */
    public List<Node> writers() {
        return Collections.unmodifiableList(writers);
    }

    void addWriter(Node n) {
        writers.add(n);
    }

    /** Whether it is visible outside its module: a global not starting with {@code _}. */
    public boolean isPublic() {
        return !name.startsWith("_");
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + " " + name + (span == null ? "" : " @" + span);
    }
}
