package dev.skiff.eval;

import dev.skiff.diag.Code;
import dev.skiff.eval.value.EvalException;
import dev.skiff.eval.value.Value;
import dev.skiff.eval.value.Value.MergeOp;
import dev.skiff.eval.value.Values;
import dev.skiff.source.Span;
import dev.skiff.syntax.Expr;
import dev.skiff.syntax.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** List and dict comprehensions, and the quantifiers {@code all}, {@code any}, {@code map}, {@code filter}. */
final class Comprehensions {
    private Comprehensions() {
    }

    static Value list(Interpreter in, Expr.ListComp c, Env env) {
        List<Value> out = new ArrayList<>();
        loop(in, c.clauses(), 0, env.child(Env.Kind.COMPREHENSION), scope -> {
            Value v = in.eval(c.element(), scope);
            if (!(v instanceof Value.Undefined)) {
                out.add(v);
            }
            if (out.size() > in.options.limits().maxListSize()) {
                throw new EvalException(Code.E0509, c.span(), "this comprehension makes more than "
                        + in.options.limits().maxListSize() + " elements");
            }
        });
        return new Value.ListV(out);
    }

    static Value dict(Interpreter in, Expr.DictComp c, Env env) {
        Map<String, Value> out = new LinkedHashMap<>();
        MergeOp op = Interpreter.mergeOp(c.op());
        loop(in, c.clauses(), 0, env.child(Env.Kind.COMPREHENSION), scope -> {
            String key = Values.toStr(in.eval(c.key(), scope));
            Value v = in.eval(c.value(), scope);
            Value old = out.get(key);
            if (old == null || op == MergeOp.OVERRIDE) {
                out.put(key, v);
            } else if (op == MergeOp.INSERT) {
                out.put(key, Merge.append(old, v, c.span(), key));
            } else {
                out.put(key, Merge.union(old, v, c.span()));
            }
        });
        return new Value.DictV(out);
    }

    private static void loop(Interpreter in, List<Node.CompClause> clauses, int i, Env scope, Consumer<Env> body) {
        if (i == clauses.size()) {
            body.accept(scope);
            return;
        }
        Node.CompClause clause = clauses.get(i);
        Value iter = in.eval(clause.iter(), scope);
        each(iter, clause.targets(), clause.span(), scope, () -> {
            for (Expr cond : clause.conditions()) {
                if (!Values.truthy(in.eval(cond, scope))) {
                    return;
                }
            }
            loop(in, clauses, i + 1, scope, body);
        });
    }

    /** Binds the loop variables for each element of {@code iter} in turn and runs {@code body}. */
    private static void each(Value iter, List<Expr.Name> targets, Span span, Env scope, Runnable body) {
        if (targets.isEmpty() || targets.size() > 2) {
            throw new EvalException(Code.E0305, span, "a loop binds one or two variables, not " + targets.size());
        }
        boolean two = targets.size() == 2;
        switch (iter) {
            case Value.ListV l -> {
                for (int k = 0; k < l.items().size(); k++) {
                    if (two) {
                        bind(scope, targets.get(0), new Value.Int(k));
                        bind(scope, targets.get(1), l.items().get(k));
                    } else {
                        bind(scope, targets.get(0), l.items().get(k));
                    }
                    body.run();
                }
            }
            case Value.Str s -> {
                int[] cps = s.value().codePoints().toArray();
                for (int k = 0; k < cps.length; k++) {
                    Value ch = new Value.Str(new String(cps, k, 1));
                    if (two) {
                        bind(scope, targets.get(0), new Value.Int(k));
                        bind(scope, targets.get(1), ch);
                    } else {
                        bind(scope, targets.get(0), ch);
                    }
                    body.run();
                }
            }
            default -> {
                Map<String, Value> entries = Values.entries(iter);
                if (entries == null) {
                    if (Values.isNoneLike(iter)) {
                        return;
                    }
                    throw new EvalException(Code.E0309, span, "`" + Values.typeName(iter) + "` is not iterable");
                }
                for (Map.Entry<String, Value> e : List.copyOf(entries.entrySet())) {
                    bind(scope, targets.get(0), new Value.Str(e.getKey()));
                    if (two) {
                        bind(scope, targets.get(1), e.getValue());
                    }
                    body.run();
                }
            }
        }
    }

    private static void bind(Env scope, Expr.Name name, Value v) {
        scope.vars.put(name.id(), new Env.Binding(v, name.span()));
    }

    static Value quantified(Interpreter in, Expr.Quantified q, Env env) {
        Env scope = env.child(Env.Kind.COMPREHENSION);
        Value target = in.eval(q.target(), env);
        boolean[] result = {q.kind() == dev.skiff.syntax.Operator.Quantifier.ALL};
        List<Value> mapped = new ArrayList<>();
        Map<String, Value> filteredDict = new LinkedHashMap<>();
        boolean dict = Values.entries(target) != null;
        boolean[] stop = {false};
        each(target, q.variables(), q.span(), scope, () -> {
            if (stop[0]) {
                return;
            }
            if (q.condition() != null && !Values.truthy(in.eval(q.condition(), scope))) {
                return;
            }
            switch (q.kind()) {
                case ALL -> {
                    if (!Values.truthy(in.eval(q.test(), scope))) {
                        result[0] = false;
                        stop[0] = true;
                    }
                }
                case ANY -> {
                    if (Values.truthy(in.eval(q.test(), scope))) {
                        result[0] = true;
                        stop[0] = true;
                    }
                }
                case MAP -> mapped.add(in.eval(q.test(), scope));
                case FILTER -> {
                    if (Values.truthy(in.eval(q.test(), scope))) {
                        if (dict) {
                            String key = ((Value.Str) scope.vars.get(q.variables().get(0).id()).value).value();
                            filteredDict.put(key, Values.entries(target).get(key));
                        } else {
                            mapped.add(scope.vars.get(q.variables().get(q.variables().size() - 1).id()).value);
                        }
                    }
                }
            }
        });
        return switch (q.kind()) {
            case ALL, ANY -> Value.Bool.of(result[0]);
            case MAP -> new Value.ListV(mapped);
            case FILTER -> dict ? new Value.DictV(filteredDict) : new Value.ListV(mapped);
        };
    }
}
