package dev.skiff.syntax;

import dev.skiff.diag.Code;
import dev.skiff.diag.Diagnostic;
import dev.skiff.diag.Result;
import dev.skiff.grammar.LexProblem;
import dev.skiff.grammar.SkiffLexer;
import dev.skiff.grammar.SkiffParser;
import dev.skiff.grammar.SkiffParserBase;
import dev.skiff.source.SourceFile;
import dev.skiff.source.Span;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Parses one file into a {@link SourceUnit}. Never throws for bad input: a damaged file yields a tree with
 * error nodes and diagnostics. The fast SLL mode is tried first; only a file it cannot parse is parsed
 * again with full LL and error recovery.
 */
public final class Parser {
    private Parser() {
    }

    public static Result<SourceUnit> parse(SourceFile file) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        BuildContext cx = new BuildContext(file, file.text(), 0, diagnostics);
        Span whole = Span.of(file, 0, file.length());
        try {
            SkiffLexer lexer = new SkiffLexer(CharStreams.fromString(file.text(), file.name()));
            lexer.removeErrorListeners();
            CommonTokenStream tokens = new CommonTokenStream(lexer);
            tokens.fill();
            for (LexProblem p : lexer.problems()) {
                Span at = Span.of(file, cx.offset(p.start()), Math.max(cx.offset(p.start()), cx.offset(p.end())));
                diagnostics.add(Diagnostic.error(Code.valueOf(p.code()), at, p.message()));
            }
            if (lexer.cancelled()) {
                return cancelled(file, whole, diagnostics);
            }
            if (lexer.tooDeep()) {
                return Result.of(new SourceUnit(whole, file, List.of(), List.of()), diagnostics);
            }
            SkiffParser parser = new SkiffParser(tokens);
            parser.removeErrorListeners();
            parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
            parser.setErrorHandler(new BailErrorStrategy());
            SkiffParser.FileContext tree;
            List<Diagnostic> syntax = new ArrayList<>();
            try {
                tree = parser.file();
            } catch (ParseCancellationException e) {
                tokens.seek(0);
                parser.reset();
                SyntaxErrors errors = new SyntaxErrors(cx);
                parser.addErrorListener(errors);
                parser.setErrorHandler(new DefaultErrorStrategy());
                parser.getInterpreter().setPredictionMode(PredictionMode.LL);
                tree = parser.file();
                syntax = errors.found;
            }
            ParserRuleContext deepest = deeperThan(tree, MAX_TREE_DEPTH);
            if (deepest != null) {
                // later stages walk the tree recursively, on threads whose stacks are not the parser's
                diagnostics.add(tooDeep(cx.span(deepest.getStart())));
                return Result.of(new SourceUnit(whole, file, List.of(), List.of()), diagnostics);
            }
            if (lexer.problems().isEmpty()) {
                diagnostics.addAll(syntax);
            } else {
                // after a lexical error the parser's complaints are mostly echoes of it
                // an unclosed bracket swallows the rest of the file: what the parser says after it is noise
                int unclosed = lexer.problems().stream().filter(p -> p.message().endsWith("is never closed"))
                        .mapToInt(p -> cx.offset(p.start())).min().orElse(Integer.MAX_VALUE);
                for (Diagnostic d : syntax) {
                    if (d.span() != null && d.span().start() >= unclosed) {
                        continue;
                    }
                    if (diagnostics.stream().noneMatch(x -> x.span() != null && d.span() != null
                            && x.span().line() == d.span().line())) {
                        diagnostics.add(d);
                    }
                }
            }
            List<Diagnostic> fromBuilders = new ArrayList<>();
            BuildContext bx = new BuildContext(file, file.text(), 0, fromBuilders);
            ExprBuilder exprs = new ExprBuilder(bx);
            StmtBuilder stmts = new StmtBuilder(bx, exprs);
            List<Stmt> body = stmts.file(tree);
            if (diagnostics.isEmpty()) {
                // after a syntax error, what the builders find in the recovered tree is mostly noise
                diagnostics.addAll(fromBuilders);
            }
            return Result.of(new SourceUnit(whole, file, body, comments(tokens, cx)), diagnostics);
        } catch (SkiffParserBase.TooDeep e) {
            diagnostics.add(tooDeep(cx.span(e.at())));
            return Result.of(new SourceUnit(whole, file, List.of(), List.of()), diagnostics);
        } catch (SkiffParserBase.Cancelled e) {
            return cancelled(file, whole, diagnostics);
        } catch (StackOverflowError e) {
            diagnostics.add(Diagnostic.error(Code.E0109, Span.of(file, 0, 0),
                    "this file nests expressions too deeply to parse"));
            return Result.of(new SourceUnit(whole, file, List.of(), List.of()), diagnostics);
        }
    }

    private static Diagnostic tooDeep(Span at) {
        return Diagnostic.error(Code.E0109, at, "this expression is nested too deeply: more than " + MAX_TREE_DEPTH
                + " levels of operators, brackets and blocks").withHint("split it into named parts");
    }

    /** An interrupted parse: its caller no longer wants it, and gets an error rather than half a tree. */
    private static Result<SourceUnit> cancelled(SourceFile file, Span whole, List<Diagnostic> diagnostics) {
        diagnostics.add(Diagnostic.error(Code.E0109, Span.of(file, 0, 0), "parsing was cancelled"));
        return Result.of(new SourceUnit(whole, file, List.of(), List.of()), diagnostics);
    }

    /**
     * The most levels of grammar rules a file may nest: deep enough for 200 nested brackets (the lexer's
     * limit), and for the deepest real program by thirty times.
     */
    static final int MAX_TREE_DEPTH = SkiffParserBase.MAX_DEPTH;

    /** The first node nested more than {@code limit} levels deep, found without recursion; or null. */
    private static ParserRuleContext deeperThan(ParserRuleContext root, int limit) {
        java.util.ArrayDeque<ParserRuleContext> work = new java.util.ArrayDeque<>();
        java.util.ArrayDeque<Integer> depths = new java.util.ArrayDeque<>();
        work.push(root);
        depths.push(1);
        while (!work.isEmpty()) {
            ParserRuleContext node = work.pop();
            int depth = depths.pop();
            if (depth > limit) {
                return node;
            }
            for (int i = node.getChildCount() - 1; i >= 0; i--) {
                if (node.getChild(i) instanceof ParserRuleContext child) {
                    work.push(child);
                    depths.push(depth + 1);
                }
            }
        }
        return null;
    }

    private static List<Node.Comment> comments(CommonTokenStream tokens, BuildContext cx) {
        List<Node.Comment> out = new ArrayList<>();
        for (Token t : tokens.getTokens()) {
            if (t.getType() == SkiffLexer.COMMENT) {
                out.add(new Node.Comment(cx.span(t), t.getText()));
            }
        }
        return out;
    }
}
