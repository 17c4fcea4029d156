package dev.skiff.eval;

import dev.skiff.eval.value.EvalException;
import dev.skiff.eval.value.Value;
import dev.skiff.syntax.Node;
import dev.skiff.syntax.Stmt;
import dev.skiff.types.SchemaType;
import java.util.List;
import java.util.Map;

/**
 * A schema (or rule) at run time: its {@link SchemaType}, where everything about the declaration is computed,
 * and the scope its defaults, body statements and checks run in (the globals of the module that declares it).
 */
final class SchemaDef {
    final SchemaType type;
    final Env env;

    private SchemaPlan plan;

    SchemaDef(SchemaType type, Env env) {
        this.type = type;
        this.env = env;
    }

    String name() {
        return type.name();
    }

    /** The schema declaration, or null for rules and Kubernetes types. */
    Stmt.SchemaDecl decl() {
        return type.decl();
    }

    Stmt.RuleDecl rule() {
        return type.rule();
    }

    boolean isKubernetes() {
        return type.kubernetes() != null;
    }

    boolean isMixin() {
        return type.isMixin();
    }

    Map<String, SchemaType.Attribute> attrs() {
        return type.attributes();
    }

    SchemaType.Index index() {
        return type.index();
    }

    SchemaType.Layout layout() {
        return type.layout();
    }

    List<Node.CheckExpr> checks() {
        return type.checks();
    }

    /** What making an instance needs to know about the schema, computed on first use. */
    SchemaPlan plan() {
        if (plan == null) {
            plan = SchemaPlan.of(this);
        }
        return plan;
    }

    /** Fails with the first problem of the declaration (a cycle, a changed attribute type), if it has one. */
    void requireSound() {
        List<dev.skiff.diag.Diagnostic> problems = type.problems();
        if (!problems.isEmpty()) {
            throw new EvalException(problems.get(0));
        }
    }

    Value.TypeV asValue() {
        return new Value.TypeV(type);
    }

    @Override
    public String toString() {
        return type.name();
    }
}
