package dev.skiff.resolve;

import dev.skiff.diag.Diagnostic;
import dev.skiff.modules.Program;
import dev.skiff.syntax.Expr;
import dev.skiff.syntax.Node;
import dev.skiff.syntax.Stmt;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The resolve stage's result for a whole {@link Program}: which symbol every name stands for. It is a side
 * table over the syntax tree (keyed by node identity; the tree is never changed) and is not modified once
 * {@link Resolver} has built it.
 *
 * <p>A name inside a scope that cannot be known from the source (a mixin's body reads its host's attributes;
 * a schema with an index signature may have any attribute; a config after {@code **} may have any key) has no
 * symbol and is not an error.
 */
public final class Bindings {
    final Program program;
    final Map<String, Map<String, Symbol>> globals = new LinkedHashMap<>();
    final Map<Expr.Name, Symbol> names = new IdentityHashMap<>();
    final Map<Expr.Selector, Symbol> members = new IdentityHashMap<>();
    final Map<Node, Symbol> declared = new IdentityHashMap<>();
    final Map<Stmt.SchemaDecl, SchemaScope> schemas = new IdentityHashMap<>();
    final List<Diagnostic> diagnostics = new ArrayList<>();
    final java.util.Set<Node> inBranch = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

    /**
     * What a schema body sees besides the globals: its parameters and attributes, its parents' and mixins'.
     *
     * @param known false when some of them cannot be known from the source (a mixin, an index signature, a
     *              base that is not a schema of the program)
     */
    public record SchemaScope(Map<String, Symbol> members, boolean known) {
    }

    Bindings(Program program) {
        this.program = program;
    }

    public Program program() {
        return program;
    }

    /** The symbol a name (a use, or the name in a declaration) stands for; null when unknown. */
    public Symbol symbol(Expr.Name name) {
        return names.get(name);
    }

    /** The module member {@code pkg.member} names, when {@code pkg} is an import; null otherwise. */
    public Symbol member(Expr.Selector selector) {
        return members.get(selector);
    }

    /** The symbol a declaration node introduces (a schema, an attribute, a parameter, an assignment's target). */
    public Symbol declaredBy(Node declaration) {
        return declared.get(declaration);
    }

    /** A module's globals by name, in declaration order; empty for a module that is not in the program. */
    public Map<String, Symbol> globals(String module) {
        return Collections.unmodifiableMap(globals.getOrDefault(module, Map.of()));
    }

    /** The attributes and parameters a schema's body sees; null for a schema outside the program. */
    public SchemaScope schemaScope(Stmt.SchemaDecl schema) {
        return schemas.get(schema);
    }

    /**
     * Whether an assignment statement sits inside an {@code if} branch of its body (so it may not run, and the
     * name it writes may hold anything else or nothing).
     */
    public boolean inBranch(Node statement) {
        return inBranch.contains(statement);
    }

    /** Every name bound to a symbol, in no particular order. */
    public Map<Expr.Name, Symbol> names() {
        return Collections.unmodifiableMap(names);
    }

    /** Every module member selection bound to a symbol. */
    public Map<Expr.Selector, Symbol> members() {
        return Collections.unmodifiableMap(members);
    }

    /** Names used but defined nowhere they could be seen from, and unknown type names (E0201, E0306). */
    public List<Diagnostic> diagnostics() {
        return Collections.unmodifiableList(diagnostics);
    }
}
