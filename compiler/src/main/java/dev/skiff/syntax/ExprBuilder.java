package dev.skiff.syntax;

import dev.skiff.diag.Code;
import dev.skiff.grammar.SkiffLexer;
import dev.skiff.grammar.SkiffParser;
import dev.skiff.grammar.SkiffParser.*;
import dev.skiff.source.Span;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

/** Maps expression parse trees to {@link Expr} nodes. Damaged subtrees become {@link Expr.Error}. */
final class ExprBuilder {
    private final BuildContext cx;
    private StmtBuilder stmts;
    private final TypeBuilder types;
    private final StringLiterals strings;

    ExprBuilder(BuildContext cx) {
        this.cx = cx;
        this.types = new TypeBuilder(cx, this);
        this.strings = new StringLiterals(cx, this);
    }

    void setStatements(StmtBuilder stmts) {
        this.stmts = stmts;
    }

    TypeBuilder types() {
        return types;
    }

    Expr test(TestContext t) {
        if (t == null || t.expr() == null) {
            return new Expr.Error(cx.span(t));
        }
        return expr(t.expr());
    }

    Expr expr(ExprContext e) {
        if (e == null || e.exception != null && e.getChildCount() == 0) {
            return new Expr.Error(cx.span(e));
        }
        Span span = cx.span(e);
        return switch (e) {
            case PrimaryExprContext p -> primary(p.primary());
            case PowerExprContext p -> new Expr.Binary(span, Operator.Binary.POW, expr(p.expr(0)), expr(p.expr(1)));
            case UnaryExprContext u -> new Expr.Unary(span, switch (u.op.getType()) {
                case SkiffLexer.MINUS -> Operator.Unary.NEG;
                case SkiffLexer.PLUS -> Operator.Unary.POS;
                default -> Operator.Unary.INVERT;
            }, expr(u.expr()));
            case NotExprContext n -> new Expr.Unary(span, Operator.Unary.NOT, expr(n.expr()));
            case BinaryExprContext b -> new Expr.Binary(span, binaryOp(b.op), expr(b.expr(0)), expr(b.expr(1)));
            case CompareExprContext c -> compare(c, span);
            case CastExprContext c -> new Expr.Cast(span, expr(c.expr()), types.type(c.type()));
            case TernaryExprContext t -> new Expr.IfElse(span, expr(t.expr(1)), expr(t.expr(0)), expr(t.expr(2)));
            default -> new Expr.Error(span);
        };
    }

    private static Operator.Binary binaryOp(Token op) {
        return switch (op.getType()) {
            case SkiffLexer.STAR -> Operator.Binary.MUL;
            case SkiffLexer.SLASH -> Operator.Binary.DIV;
            case SkiffLexer.DSLASH -> Operator.Binary.FLOOR_DIV;
            case SkiffLexer.PERCENT -> Operator.Binary.MOD;
            case SkiffLexer.PLUS -> Operator.Binary.ADD;
            case SkiffLexer.MINUS -> Operator.Binary.SUB;
            case SkiffLexer.LSHIFT -> Operator.Binary.LSHIFT;
            case SkiffLexer.RSHIFT -> Operator.Binary.RSHIFT;
            case SkiffLexer.AMP -> Operator.Binary.BIT_AND;
            case SkiffLexer.CARET -> Operator.Binary.BIT_XOR;
            case SkiffLexer.PIPE -> Operator.Binary.BIT_OR;
            case SkiffLexer.AND -> Operator.Binary.AND;
            default -> Operator.Binary.OR;
        };
    }

    /** {@code a < b < c} parses left-nested; it becomes one chain, as in Python and KCL. */
    private Expr compare(CompareExprContext c, Span span) {
        List<Operator.Compare> ops = new ArrayList<>();
        List<Expr> rights = new ArrayList<>();
        ExprContext left = c;
        List<CompareExprContext> chain = new ArrayList<>();
        while (left instanceof CompareExprContext cc) {
            chain.add(0, cc);
            left = cc.expr(0);
        }
        for (CompareExprContext cc : chain) {
            ops.add(compOp(cc.compOp()));
            rights.add(expr(cc.expr(1)));
        }
        return new Expr.Compare(span, expr(left), ops, rights);
    }

    private static Operator.Compare compOp(CompOpContext op) {
        if (op == null || op.getStart() == null) {
            return Operator.Compare.EQ;
        }
        int first = op.getStart().getType();
        boolean two = op.getChildCount() == 2;
        return switch (first) {
            case SkiffLexer.EQ -> Operator.Compare.EQ;
            case SkiffLexer.NE -> Operator.Compare.NE;
            case SkiffLexer.LT -> Operator.Compare.LT;
            case SkiffLexer.LE -> Operator.Compare.LE;
            case SkiffLexer.GT -> Operator.Compare.GT;
            case SkiffLexer.GE -> Operator.Compare.GE;
            case SkiffLexer.IN -> Operator.Compare.IN;
            case SkiffLexer.NOT -> Operator.Compare.NOT_IN;
            default -> two ? Operator.Compare.IS_NOT : Operator.Compare.IS;
        };
    }

    Expr primary(PrimaryContext p) {
        if (p == null) {
            return new Expr.Error(cx.span((ParserRuleContext) null));
        }
        Span span = cx.span(p);
        return switch (p) {
            case SelectorContext s -> new Expr.Selector(span, primary(s.primary()), name(s.NAME()), false);
            case OptSelectorContext s -> new Expr.Selector(span, primary(s.primary()), name(s.NAME()), true);
            case CallContext c -> {
                List<Expr> args = new ArrayList<>();
                List<Node.Keyword> keywords = new ArrayList<>();
                args(c.args(), args, keywords);
                Expr callee = primary(c.primary());
                if (c.config() == null) {
                    yield new Expr.Call(span, callee, args, keywords);
                }
                if (!isDotted(callee)) {
                    cx.error(Code.E0101, cx.span(c.config()), "unexpected `{`: only a schema, named by a name or a"
                            + " dotted name, can be instantiated with a config");
                }
                yield new Expr.SchemaInst(span, callee, args, keywords, config(c.config()));
            }
            case IndexContext i -> index(i, span);
            case InstanceContext i -> new Expr.SchemaInst(span, dotted(i.dottedName()), List.of(), List.of(),
                    config(i.config()));
            case AtomPrimaryContext a -> atom(a.atom());
            default -> new Expr.Error(span);
        };
    }

    private Expr index(IndexContext i, Span span) {
        Expr target = primary(i.primary());
        boolean optional = i.QUESTION() != null;
        if (i.subscript() instanceof SliceContext s) {
            return new Expr.Slice(span, target, s.lower == null ? null : test(s.lower),
                    s.upper == null ? null : test(s.upper), s.step == null ? null : test(s.step), optional);
        }
        if (i.subscript() instanceof PlainIndexContext pi) {
            return new Expr.Subscript(span, target, test(pi.test()), optional);
        }
        return new Expr.Error(span);
    }

    void args(ArgsContext a, List<Expr> args, List<Node.Keyword> keywords) {
        if (a == null) {
            return;
        }
        for (ArgContext arg : a.arg()) {
            switch (arg) {
                case KeywordArgContext k -> keywords.add(new Node.Keyword(cx.span(k), name(k.NAME()), test(k.test())));
                case StarArgContext s -> args.add(new Expr.Starred(cx.span(s), test(s.test())));
                case PositionalArgContext p -> {
                    if (!keywords.isEmpty()) {
                        cx.error(Code.E0101, cx.span(p), "a positional argument cannot follow keyword arguments");
                    }
                    args.add(test(p.test()));
                }
                default -> {
                }
            }
        }
    }

    Expr.SchemaInst schemaInst(SchemaInstContext s) {
        List<Expr> args = new ArrayList<>();
        List<Node.Keyword> keywords = new ArrayList<>();
        if (s.LPAREN() != null) {
            args(s.args(), args, keywords);
        }
        return new Expr.SchemaInst(cx.span(s), dotted(s.dottedName()), args, keywords, config(s.config()));
    }

    /** Whether {@code e} is a name or a chain of plain selectors on one ({@code a.b.c}). */
    private static boolean isDotted(Expr e) {
        while (e instanceof Expr.Selector s && !s.optional()) {
            e = s.value();
        }
        return e instanceof Expr.Name;
    }

    /** {@code a.b.c} as a name or a selector chain. */
    Expr dotted(DottedNameContext d) {
        if (d == null || d.NAME().isEmpty()) {
            return new Expr.Error(cx.span(d));
        }
        Expr e = name(d.NAME(0));
        for (int i = 1; i < d.NAME().size(); i++) {
            Span s = cx.span(d.NAME(0)).to(cx.span(d.NAME(i)));
            e = new Expr.Selector(s, e, name(d.NAME(i)), false);
        }
        return e;
    }

    Expr.Name name(TerminalNode n) {
        if (n == null) {
            return new Expr.Name(cx.span((Token) null), "<missing>");
        }
        String id = n.getText();
        return new Expr.Name(cx.span(n), id.startsWith("$") ? id.substring(1) : id);
    }

    Expr.Name name(Token t) {
        String id = t.getText();
        return new Expr.Name(cx.span(t), id.startsWith("$") ? id.substring(1) : id);
    }

    private Expr atom(AtomContext a) {
        if (a == null) {
            return new Expr.Error(cx.span((ParserRuleContext) null));
        }
        Span span = cx.span(a);
        return switch (a) {
            case NameAtomContext n -> name(n.NAME());
            case IntAtomContext i -> Numbers.intLiteral(cx, i.INT().getSymbol(), span);
            case FloatAtomContext f -> Numbers.floatLiteral(cx, f.FLOAT().getSymbol(), span);
            case StringAtomContext s -> strings.literal(s.STRING().getSymbol());
            case TrueAtomContext t -> new Expr.BoolLit(span, true);
            case FalseAtomContext f -> new Expr.BoolLit(span, false);
            case NoneAtomContext n -> new Expr.NoneLit(span);
            case UndefinedAtomContext u -> new Expr.UndefinedLit(span);
            case ParenAtomContext p -> new Expr.Paren(span, test(p.test()));
            case ListAtomContext l -> list(l, span);
            case ConfigAtomContext c -> configOrComprehension(c.config(), span);
            case LambdaAtomContext l -> new Expr.Lambda(span,
                    l.head.bracedParams() != null ? stmts.params(l.head.bracedParams().param()) : stmts.params(l.head.params()),
                    l.head.ret == null ? null : types.type(l.head.ret), stmts.lambdaBody(l.lambdaBody()));
            case QuantifierContext q -> quantifier(q, span);
            default -> new Expr.Error(span);
        };
    }

    private Expr quantifier(QuantifierContext q, Span span) {
        Operator.Quantifier kind = switch (q.quant.getText()) {
            case "all" -> Operator.Quantifier.ALL;
            case "any" -> Operator.Quantifier.ANY;
            case "map" -> Operator.Quantifier.MAP;
            default -> Operator.Quantifier.FILTER;
        };
        List<Expr.Name> vars = new ArrayList<>();
        List<TerminalNode> names = q.NAME();
        for (int i = 1; i < names.size(); i++) {
            vars.add(name(names.get(i)));
        }
        List<TestContext> tests = q.test();
        Expr target = q.target == null ? new Expr.Error(span) : test(q.target.test());
        Expr body = !tests.isEmpty() ? test(tests.get(0)) : new Expr.Error(span);
        Expr cond = tests.size() > 1 ? test(tests.get(1)) : null;
        return new Expr.Quantified(span, kind, vars, target, body, cond);
    }

    private List<Node.CompClause> clauses(List<CompClauseContext> list) {
        List<Node.CompClause> out = new ArrayList<>();
        for (CompClauseContext c : list) {
            List<Expr.Name> targets = new ArrayList<>();
            for (TerminalNode n : c.NAME()) {
                targets.add(name(n));
            }
            List<TestContext> tests = c.test();
            Expr iter = tests.isEmpty() ? new Expr.Error(cx.span(c)) : test(tests.get(0));
            List<Expr> conds = new ArrayList<>();
            for (int i = 1; i < tests.size(); i++) {
                conds.add(test(tests.get(i)));
            }
            out.add(new Node.CompClause(cx.span(c), targets, iter, conds));
        }
        return out;
    }

    private List<Expr> listItems(List<ListItemContext> items) {
        List<Expr> out = new ArrayList<>();
        for (ListItemContext item : items) {
            out.add(listItem(item));
        }
        return out;
    }

    private Expr listItem(ListItemContext item) {
        return switch (item) {
            case StarItemContext s -> new Expr.Starred(cx.span(s), test(s.test()));
            case IfItemContext i -> listIf(i.listIf());
            case PlainItemContext p -> test(p.test());
            default -> new Expr.Error(cx.span(item));
        };
    }

    private Expr listIf(ListIfContext l) {
        List<Expr> orElse = new ArrayList<>();
        List<ListElifContext> elifs = l.listElif();
        if (l.listElse() != null) {
            orElse = listItems(l.listElse().listBranch().listItem());
        }
        for (int i = elifs.size() - 1; i >= 0; i--) {
            ListElifContext e = elifs.get(i);
            orElse = List.of(new Expr.ListIf(cx.span(e), test(e.test()), listItems(e.listBranch().listItem()), orElse));
        }
        return new Expr.ListIf(cx.span(l), test(l.test()), listItems(l.listBranch().listItem()), orElse);
    }

    private Expr list(ListAtomContext l, Span span) {
        ListItemsContext items = l.listItems();
        if (items == null) {
            return new Expr.ListLit(span, List.of());
        }
        if (items.compClause().isEmpty()) {
            return new Expr.ListLit(span, listItems(items.listItem()));
        }
        if (!(items.listItem(0) instanceof PlainItemContext element)) {
            cx.error(Code.E0101, cx.span(items.listItem(0)), "a list comprehension makes one item from each value:"
                    + " its item cannot be an unpacking or an `if` item");
            return new Expr.Error(span);
        }
        return new Expr.ListComp(span, test(element.test()), clauses(items.compClause()));
    }

    private Expr configOrComprehension(ConfigContext c, Span span) {
        ConfigEntriesContext entries = c.configEntries();
        if (entries == null || entries.compClause().isEmpty()) {
            return config(c);
        }
        if (!(entries.configEntry(0) instanceof KeyValueContext kv)) {
            cx.error(Code.E0101, cx.span(entries.configEntry(0)), "a dict comprehension makes one entry from each value:"
                    + " its entry must be `key: value` (or `=`, `+=`)");
            return new Expr.Error(span);
        }
        return new Expr.DictComp(span, test(kv.key), configOp(kv.op), test(kv.value), clauses(entries.compClause()));
    }

    Expr.ConfigLit config(ConfigContext c) {
        if (c == null) {
            return new Expr.ConfigLit(cx.span((ParserRuleContext) null), List.of());
        }
        if (c.configEntries() != null && !c.configEntries().compClause().isEmpty()) {
            cx.error(Code.E0101, cx.span(c.configEntries().compClause(0)), "unexpected `for`: a schema is instantiated"
                    + " with a config, not a comprehension");
        }
        List<ConfigEntry> entries = c.configEntries() == null ? List.of() : entries(c.configEntries().configEntry());
        return new Expr.ConfigLit(cx.span(c), entries);
    }

    private List<ConfigEntry> entries(List<ConfigEntryContext> list) {
        List<ConfigEntry> out = new ArrayList<>();
        for (ConfigEntryContext e : list) {
            out.add(entry(e));
        }
        return out;
    }

    private ConfigEntry entry(ConfigEntryContext e) {
        Span span = cx.span(e);
        return switch (e) {
            case KeyValueContext kv -> new ConfigEntry.KeyValue(span, test(kv.key), configOp(kv.op), test(kv.value));
            case UnpackContext u -> new ConfigEntry.Unpack(span, test(u.test()));
            case IfEntryContext i -> configIf(i.configIf());
            default -> new ConfigEntry.Error(span);
        };
    }

    private ConfigEntry configIf(ConfigIfContext c) {
        List<ConfigEntry> orElse = new ArrayList<>();
        if (c.configElse() != null) {
            orElse = entries(c.configElse().configBranch().configEntry());
        }
        List<ConfigElifContext> elifs = c.configElif();
        for (int i = elifs.size() - 1; i >= 0; i--) {
            ConfigElifContext e = elifs.get(i);
            orElse = List.of(new ConfigEntry.If(cx.span(e), test(e.test()), entries(e.configBranch().configEntry()), orElse));
        }
        return new ConfigEntry.If(cx.span(c), test(c.test()), entries(c.configBranch().configEntry()), orElse);
    }

    static Operator.Config configOp(Token op) {
        if (op == null) {
            return Operator.Config.UNION;
        }
        return switch (op.getType()) {
            case SkiffParser.ASSIGN -> Operator.Config.OVERRIDE;
            case SkiffParser.PLUS_ASSIGN -> Operator.Config.INSERT;
            default -> Operator.Config.UNION;
        };
    }
}
