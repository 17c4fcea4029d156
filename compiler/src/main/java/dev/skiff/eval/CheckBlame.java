package dev.skiff.eval;

import dev.skiff.source.Span;
import dev.skiff.syntax.Expr;
import dev.skiff.syntax.Node;
import dev.skiff.syntax.Nodes;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a failed {@code check:} is reported. When the check's test reads exactly one attribute that the
 * instance's config set, that entry is the value to change, so the error points at it (in a long, multi-line
 * instance the user's own line, not the instance's first); otherwise, or when the entry's place is unknown,
 * at the whole instance. Attributes read only in the check's {@code if} guard are not blamed: the guard says
 * when the rule applies, the test what breaks it.
 */
final class CheckBlame {
    private CheckBlame() {
    }

    static Span of(Node.CheckExpr check, Map<String, Span> given, Span instance) {
        if (given.isEmpty()) {
            return instance;
        }
        Set<String> blamed = new LinkedHashSet<>();
        for (String name : namesRead(check.test())) {
            if (given.get(name) != null) {
                blamed.add(name);
            }
        }
        return blamed.size() == 1 ? given.get(blamed.iterator().next()) : instance;
    }

    /**
     * The names an expression reads, less those a comprehension or quantifier inside it binds. Scopes are
     * not tracked: an attribute named like such a variable is never blamed, even where the test reads it.
     */
    private static Set<String> namesRead(Expr test) {
        Set<String> read = new LinkedHashSet<>();
        Set<String> bound = new LinkedHashSet<>();
        Deque<Node> todo = new ArrayDeque<>();
        todo.push(test);
        while (!todo.isEmpty()) {
            Node n = todo.pop();
            switch (n) {
                case Expr.Name name -> read.add(name.id());
                case Expr.Quantified q -> q.variables().forEach(v -> bound.add(v.id()));
                case Node.CompClause c -> c.targets().forEach(v -> bound.add(v.id()));
                default -> {
                }
            }
            Nodes.children(n).forEach(todo::push);
        }
        read.removeAll(bound);
        return read;
    }
}
