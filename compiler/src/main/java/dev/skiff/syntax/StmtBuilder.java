package dev.skiff.syntax;

import dev.skiff.diag.Code;
import dev.skiff.grammar.SkiffLexer;
import dev.skiff.grammar.SkiffParser.*;
import dev.skiff.source.Span;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

/** Maps statements (top level, blocks, schema and rule bodies, lambda bodies) to {@link Stmt} nodes. */
final class StmtBuilder {
    private final BuildContext cx;
    private final ExprBuilder exprs;

    StmtBuilder(BuildContext cx, ExprBuilder exprs) {
        this.cx = cx;
        this.exprs = exprs;
        exprs.setStatements(this);
    }

    List<Stmt> file(FileContext f) {
        List<Stmt> out = new ArrayList<>();
        for (StatementContext s : f.statement()) {
            statement(s, out);
        }
        return out;
    }

    private void statement(StatementContext s, List<Stmt> out) {
        try {
            if (s.simpleStmt() != null) {
                simple(s.simpleStmt(), out);
            } else if (s.compoundStmt() != null) {
                out.add(compound(s.compoundStmt()));
            } else {
                out.add(new Stmt.Error(cx.span(s)));
            }
        } catch (RuntimeException e) {
            // a subtree damaged by error recovery: keep going with an error node
            out.add(new Stmt.Error(cx.span(s)));
        }
    }

    private void simple(SimpleStmtContext s, List<Stmt> out) {
        for (SmallStmtContext small : s.smallStmt()) {
            out.add(small(small));
        }
    }

    Stmt small(SmallStmtContext s) {
        Span span = cx.span(s);
        if (s.importStmt() != null) {
            ImportStmtContext i = s.importStmt();
            ModulePathContext p = i.modulePath();
            String path = p == null ? "" : p.getText();
            return new Stmt.Import(span, path, cx.span(p), i.NAME() == null ? null : exprs.name(i.NAME()));
        }
        if (s.assertStmt() != null) {
            AssertStmtContext a = s.assertStmt();
            Expr test = exprs.test(a.test(0));
            Expr cond = null;
            Expr msg = null;
            int k = 1;
            if (a.IF() != null && a.test().size() > k) {
                cond = exprs.test(a.test(k++));
            }
            if (a.COMMA() != null && a.test().size() > k) {
                msg = exprs.test(a.test(k));
            }
            return new Stmt.Assert(span, test, cond, msg);
        }
        if (s.typeAliasStmt() != null) {
            TypeAliasStmtContext t = s.typeAliasStmt();
            return new Stmt.TypeAlias(span, exprs.name(t.name), exprs.types().type(t.type()));
        }
        if (s.unificationStmt() != null) {
            UnificationStmtContext u = s.unificationStmt();
            return new Stmt.Unification(span, exprs.name(u.NAME()), exprs.schemaInst(u.schemaInst()));
        }
        if (s.exprStmt() != null) {
            ExprStmtContext e = s.exprStmt();
            List<TestContext> tests = e.test();
            if (e.type() != null) {
                return new Stmt.Assign(span, List.of(target(tests.get(0))), exprs.types().type(e.type()),
                        exprs.test(tests.get(1)));
            }
            if (e.augOp() != null) {
                return new Stmt.AugAssign(span, target(tests.get(0)), augOp(e.augOp().getStart()), exprs.test(tests.get(1)));
            }
            if (!e.ASSIGN().isEmpty()) {
                List<Expr> targets = new ArrayList<>();
                for (int i = 0; i < tests.size() - 1; i++) {
                    targets.add(target(tests.get(i)));
                }
                return new Stmt.Assign(span, targets, null, exprs.test(tests.get(tests.size() - 1)));
            }
            return new Stmt.ExprStmt(span, exprs.test(tests.get(0)));
        }
        return new Stmt.Error(span);
    }

    /** An assignment target: a name, or a selector/subscript chain rooted at one. */
    private Expr target(TestContext t) {
        Expr e = exprs.test(t);
        Expr root = e;
        while (true) {
            if (root instanceof Expr.Selector s && !s.optional()) {
                root = s.value();
            } else if (root instanceof Expr.Subscript s && !s.optional()) {
                root = s.value();
            } else {
                break;
            }
        }
        if (!(root instanceof Expr.Name) && !(root instanceof Expr.Error)) {
            cx.error(Code.E0101, e.span(), "cannot assign to `" + e.span().text() + "`: only names and their "
                    + "attributes or elements can be assigned");
        }
        return e;
    }

    private static Operator.Binary augOp(Token t) {
        return switch (t.getType()) {
            case SkiffLexer.PLUS_ASSIGN -> Operator.Binary.ADD;
            case SkiffLexer.MINUS_ASSIGN -> Operator.Binary.SUB;
            case SkiffLexer.STAR_ASSIGN -> Operator.Binary.MUL;
            case SkiffLexer.SLASH_ASSIGN -> Operator.Binary.DIV;
            case SkiffLexer.DSLASH_ASSIGN -> Operator.Binary.FLOOR_DIV;
            case SkiffLexer.PERCENT_ASSIGN -> Operator.Binary.MOD;
            case SkiffLexer.DSTAR_ASSIGN -> Operator.Binary.POW;
            case SkiffLexer.LSHIFT_ASSIGN -> Operator.Binary.LSHIFT;
            case SkiffLexer.RSHIFT_ASSIGN -> Operator.Binary.RSHIFT;
            case SkiffLexer.AMP_ASSIGN -> Operator.Binary.BIT_AND;
            case SkiffLexer.PIPE_ASSIGN -> Operator.Binary.BIT_OR;
            default -> Operator.Binary.BIT_XOR;
        };
    }

    private Stmt compound(CompoundStmtContext c) {
        if (c.ifStmt() != null) {
            return ifStmt(c.ifStmt());
        }
        if (c.schemaStmt() != null) {
            return schema(c, c.schemaStmt());
        }
        if (c.ruleStmt() != null) {
            return rule(c, c.ruleStmt());
        }
        return new Stmt.Error(cx.span(c));
    }

    private Stmt ifStmt(IfStmtContext i) {
        List<Stmt> orElse = i.elseClause() == null ? List.of() : block(i.elseClause().block());
        List<ElifClauseContext> elifs = i.elifClause();
        for (int k = elifs.size() - 1; k >= 0; k--) {
            ElifClauseContext e = elifs.get(k);
            Span span = cx.span(e).to(orElse.isEmpty() ? cx.span(e) : orElse.get(orElse.size() - 1).span());
            orElse = List.of(new Stmt.If(span, exprs.test(e.test()), block(e.block()), orElse, true));
        }
        return new Stmt.If(cx.span(i), exprs.test(i.test()), block(i.block()), orElse, false);
    }

    private List<Stmt> block(BlockContext b) {
        List<Stmt> out = new ArrayList<>();
        if (b == null) {
            return out;
        }
        if (b.simpleStmt() != null) {
            simple(b.simpleStmt(), out);
        }
        for (StatementContext s : b.statement()) {
            statement(s, out);
        }
        return out;
    }

    private List<Node.Decorator> decorators(List<DecoratorContext> list) {
        List<Node.Decorator> out = new ArrayList<>();
        for (DecoratorContext d : list) {
            Expr e = exprs.primary(d.primary());
            Expr name = e instanceof Expr.Call c ? c.func() : e;
            String id = name instanceof Expr.Name n ? n.id() : name.span().text();
            if (!id.equals("deprecated") && !id.equals("info")) {
                String hint = dev.skiff.diag.Suggestions.didYouMean(id, List.of("deprecated", "info"));
                cx.diagnostics.add(dev.skiff.diag.Diagnostic.error(Code.E0201, name.span(), "unknown decorator `@" + id + "`")
                        .withHint(hint != null ? hint : "Skiff knows `@deprecated` and `@info`"));
            }
            if (e instanceof Expr.Call c) {
                out.add(new Node.Decorator(cx.span(d), c.func(), c.args(), c.keywords()));
            } else {
                out.add(new Node.Decorator(cx.span(d), e, List.of(), List.of()));
            }
        }
        return out;
    }

    private Stmt schema(CompoundStmtContext stmt, SchemaStmtContext s) {
        String name = s.name.getText();
        boolean mixin = s.kind.getText().equals("mixin") || name.endsWith("Mixin");
        boolean protocol = s.kind.getText().equals("protocol");
        SchemaBodyContext body = s.schemaBody(); // null for an empty schema: `schema Empty:` and nothing indented
        String doc = body == null || body.doc == null ? null : docstring(body.doc);
        List<Stmt> stmts = new ArrayList<>();
        List<Expr> mixins = new ArrayList<>();
        Node.IndexSignature index = null;
        for (SchemaItemContext item : body == null ? List.<SchemaItemContext>of() : body.schemaItem()) {
            try {
                if (item.mixinStmt() != null) {
                    for (DottedNameContext d : item.mixinStmt().dottedName()) {
                        mixins.add(exprs.dotted(d));
                    }
                } else if (item.indexSignature() != null) {
                    if (index != null) {
                        cx.error(Code.E0207, cx.span(item), "a schema has at most one index signature");
                    }
                    index = indexSignature(item.indexSignature());
                } else if (item.schemaAttr() != null) {
                    stmts.add(attr(item.schemaAttr()));
                } else if (item.statement() != null) {
                    statement(item.statement(), stmts);
                }
            } catch (RuntimeException e) {
                stmts.add(new Stmt.Error(cx.span(item)));
            }
        }
        List<Node.CheckExpr> checks = new ArrayList<>();
        if (body != null && body.checkBlock() != null) {
            for (CheckExprContext c : body.checkBlock().checkExpr()) {
                checks.add(check(c));
            }
        }
        return new Stmt.SchemaDecl(cx.span(stmt), decorators(stmt.decorator()), exprs.name(s.name), mixin, protocol,
                s.LBRACK() == null ? List.of() : params(s.params()),
                s.parent == null ? null : exprs.dotted(s.parent), s.host == null ? null : exprs.dotted(s.host),
                mixins, doc, index, stmts, checks);
    }

    private Node.IndexSignature indexSignature(IndexSignatureContext i) {
        return new Node.IndexSignature(cx.span(i), i.keyName == null ? null : exprs.name(i.keyName),
                i.ELLIPSIS() != null, exprs.types().type(i.keyType), exprs.types().type(i.valueType),
                i.test() == null ? null : exprs.test(i.test()));
    }

    private Stmt attr(SchemaAttrContext a) {
        AttrNameContext n = a.attrName();
        Expr.Name name;
        if (n.STRING() != null) {
            Expr lit = new StringLiterals(cx, exprs).literal(n.STRING().getSymbol());
            name = new Expr.Name(cx.span(n), lit instanceof Expr.StrLit s ? s.value() : n.getText());
        } else {
            name = exprs.name(n.NAME());
        }
        boolean optional = a.QUESTION() != null;
        if (a.schemaInst() != null) {
            Expr.SchemaInst inst = exprs.schemaInst(a.schemaInst());
            return new Stmt.SchemaAttr(cx.span(a), decorators(a.decorator()), name, optional,
                    new TypeExpr.Named(inst.schema().span(), inst.schema()), Operator.Config.UNION, inst, null);
        }
        return new Stmt.SchemaAttr(cx.span(a), decorators(a.decorator()), name, optional,
                exprs.types().type(a.type()), Operator.Config.OVERRIDE, a.test() == null ? null : exprs.test(a.test()),
                null, a.PIPE_ASSIGN() != null);
    }

    private Node.CheckExpr check(CheckExprContext c) {
        List<TestContext> tests = c.test();
        Expr test = exprs.test(tests.get(0));
        Expr cond = null;
        Expr msg = null;
        int k = 1;
        if (c.IF() != null && tests.size() > k) {
            cond = exprs.test(tests.get(k++));
        }
        if (c.msg != null && tests.size() > k) {
            msg = exprs.test(tests.get(k));
        }
        return new Node.CheckExpr(cx.span(c), test, cond, msg);
    }

    private Stmt rule(CompoundStmtContext stmt, RuleStmtContext r) {
        List<Expr> parents = new ArrayList<>();
        for (DottedNameContext d : r.dottedName()) {
            if (d != r.host) {
                parents.add(exprs.dotted(d));
            }
        }
        List<Node.CheckExpr> checks = new ArrayList<>();
        for (CheckExprContext c : r.checkExpr()) {
            checks.add(check(c));
        }
        return new Stmt.RuleDecl(cx.span(stmt), decorators(stmt.decorator()), exprs.name(r.name),
                r.LBRACK() == null ? List.of() : params(r.params()), parents,
                r.host == null ? null : exprs.dotted(r.host), r.doc == null ? null : docstring(r.doc), checks);
    }

    private String docstring(Token t) {
        Expr e = new StringLiterals(cx, exprs).literal(t);
        String text = e instanceof Expr.StrLit s ? s.value() : cx.span(t).text();
        return text.strip().replaceAll("(?m)^[ \\t]+", "");
    }

    List<Node.Param> params(ParamsContext p) {
        return p == null ? new ArrayList<>() : params(p.param());
    }

    List<Node.Param> params(List<ParamContext> params) {
        List<Node.Param> out = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        Node.Param defaulted = null;
        for (ParamContext param : params) {
            Expr.Name n = exprs.name(param.NAME());
            if (seen.contains(n.id())) {
                cx.error(Code.E0207, n.span(), "the parameter `" + n.id() + "` is declared twice");
            }
            seen.add(n.id());
            if (param.test() == null && defaulted != null) {
                cx.diagnostics.add(dev.skiff.diag.Diagnostic.error(Code.E0305, n.span(), "the parameter `" + n.id()
                        + "` has no default but follows `" + defaulted.name().id() + "`, which has one")
                        .withLabel(defaulted.span(), "the default is given here")
                        .withHint("give `" + n.id() + "` a default too, or move it before `" + defaulted.name().id() + "`"));
            }
            out.add(new Node.Param(cx.span(param), n, param.type() == null ? null : exprs.types().type(param.type()),
                    param.test() == null ? null : exprs.test(param.test())));
            if (param.test() != null && defaulted == null) {
                defaulted = out.get(out.size() - 1);
            }
        }
        return out;
    }

    List<Stmt> lambdaBody(LambdaBodyContext b) {
        List<Stmt> out = new ArrayList<>();
        if (b == null) {
            return out;
        }
        for (LambdaStmtContext s : b.lambdaStmt()) {
            out.add(lambdaStmt(s));
        }
        return out;
    }

    private Stmt lambdaStmt(LambdaStmtContext s) {
        if (s instanceof LambdaSmallStmtContext small) {
            return small(small.smallStmt());
        }
        if (s instanceof LambdaIfStmtContext i) {
            return lambdaIf(i.lambdaIf());
        }
        return new Stmt.Error(cx.span(s));
    }

    private Stmt lambdaIf(LambdaIfContext i) {
        List<Stmt> orElse = i.lambdaElse() == null ? List.of() : branch(i.lambdaElse().lambdaBranch());
        List<LambdaElifContext> elifs = i.lambdaElif();
        for (int k = elifs.size() - 1; k >= 0; k--) {
            LambdaElifContext e = elifs.get(k);
            orElse = List.of(new Stmt.If(cx.span(e), exprs.test(e.test()), branch(e.lambdaBranch()), orElse, true));
        }
        return new Stmt.If(cx.span(i), exprs.test(i.test()), branch(i.lambdaBranch()), orElse, false);
    }

    private List<Stmt> branch(LambdaBranchContext b) {
        List<Stmt> out = new ArrayList<>();
        for (LambdaStmtContext s : b.lambdaStmt()) {
            out.add(lambdaStmt(s));
        }
        return out;
    }

    static Span spanOf(BuildContext cx, ParserRuleContext c) {
        return cx.span(c);
    }

    static boolean present(TerminalNode n) {
        return n != null;
    }
}
