package dev.skiff.lsp;

import dev.skiff.grammar.SkiffLexer;
import dev.skiff.resolve.Symbol;
import dev.skiff.syntax.Expr;
import dev.skiff.syntax.Node;
import dev.skiff.syntax.Stmt;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Token;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.ParameterInformation;
import org.eclipse.lsp4j.SignatureHelp;
import org.eclipse.lsp4j.SignatureInformation;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.Tuple;

/**
 * Signature help: the call around the cursor is found from the tokens before it (so it works while the call
 * is half-typed and does not parse), its function from the document's declarations (lambdas, schemas and rules
 * with parameters) or from {@link Signatures} (builtins, imported system modules, string methods). The active
 * parameter follows the commas of the call's own nesting level, or the name of a keyword argument.
 */
final class SignatureHelps {
    private SignatureHelps() {
    }

    /** An open bracket before the cursor: for a call, the callee's dotted name ({@code null} element: not a name). */
    private static final class Frame {
        final List<String> callee;
        int commas;
        int tokensInArg;
        String previousInArg;
        String keyword;

        Frame(List<String> callee) {
            this.callee = callee;
        }
    }

    static SignatureHelp help(DocumentAnalysis a, int offset) {
        String text = a.text();
        String before = text.substring(0, Math.max(0, Math.min(offset, text.length())));
        List<? extends Token> tokens;
        try {
            SkiffLexer lexer = new SkiffLexer(CharStreams.fromString(before));
            lexer.removeErrorListeners();
            CommonTokenStream stream = new CommonTokenStream(lexer);
            stream.fill();
            tokens = stream.getTokens();
        } catch (RuntimeException | StackOverflowError e) {
            return null;
        }
        List<Token> visible = new ArrayList<>();
        for (Token t : tokens) {
            if (t.getType() == SkiffLexer.COMMENT) {
                if (t.getStopIndex() + 1 >= before.codePointCount(0, before.length())) {
                    return null; // the cursor is in a comment
                }
                continue;
            }
            if (t.getChannel() == Token.DEFAULT_CHANNEL && t.getType() != Token.EOF) {
                visible.add(t);
            }
        }
        Deque<Frame> frames = new ArrayDeque<>();
        for (int i = 0; i < visible.size(); i++) {
            Token t = visible.get(i);
            switch (t.getType()) {
                case SkiffLexer.LPAREN -> {
                    Frame top = frames.peek();
                    if (top != null) {
                        top.tokensInArg++;
                    }
                    frames.push(new Frame(callee(visible, i)));
                }
                case SkiffLexer.LBRACK, SkiffLexer.LBRACE -> {
                    Frame top = frames.peek();
                    if (top != null) {
                        top.tokensInArg++;
                    }
                    frames.push(new Frame(null));
                }
                case SkiffLexer.RPAREN, SkiffLexer.RBRACK, SkiffLexer.RBRACE -> {
                    if (!frames.isEmpty()) {
                        frames.pop();
                    }
                }
                case SkiffLexer.COMMA -> {
                    Frame top = frames.peek();
                    if (top != null) {
                        top.commas++;
                        top.tokensInArg = 0;
                        top.keyword = null;
                        top.previousInArg = null;
                    }
                }
                case SkiffLexer.INDENT, SkiffLexer.DEDENT, SkiffLexer.NEWLINE, SkiffLexer.SEP -> {
                }
                default -> {
                    Frame top = frames.peek();
                    if (top == null) {
                        break;
                    }
                    if (t.getType() == SkiffLexer.ASSIGN && top.tokensInArg == 1 && top.previousInArg != null) {
                        top.keyword = top.previousInArg;
                    }
                    top.tokensInArg++;
                    top.previousInArg = t.getType() == SkiffLexer.NAME ? t.getText() : null;
                }
            }
        }
        // the innermost call around the cursor (through lists, configs and grouping parentheses inside it)
        Frame call = null;
        for (Frame f : frames) {
            if (f.callee != null) {
                call = f;
                break;
            }
        }
        if (call == null) {
            return null;
        }
        List<Signatures.Sig> sigs = resolve(a, call.callee, offset);
        if (sigs.isEmpty()) {
            return null;
        }
        int active = 0;
        for (int i = 0; i < sigs.size(); i++) {
            if (sigs.get(i).params().size() > call.commas || sigs.get(i).variadic()) {
                active = i;
                break;
            }
            active = i;
        }
        List<SignatureInformation> infos = new ArrayList<>();
        for (Signatures.Sig s : sigs) {
            List<ParameterInformation> ps = new ArrayList<>();
            for (Signatures.Param p : s.params()) {
                ParameterInformation pi = new ParameterInformation();
                pi.setLabel(Either.forRight(Tuple.two(p.start(), p.end())));
                ps.add(pi);
            }
            SignatureInformation info = new SignatureInformation(s.label(),
                    s.doc() == null || s.doc().isBlank() ? null : new MarkupContent(MarkupKind.MARKDOWN, s.doc()), ps);
            info.setActiveParameter(activeParameter(s, call));
            infos.add(info);
        }
        SignatureHelp help = new SignatureHelp(infos, active, activeParameter(sigs.get(active), call));
        return help;
    }

    private static int activeParameter(Signatures.Sig s, Frame call) {
        if (call.keyword != null) {
            int i = s.indexOf(call.keyword);
            if (i >= 0) {
                return i;
            }
            // a `**kwargs` takes any name
            for (int j = 0; j < s.params().size(); j++) {
                if (s.label().startsWith("**", s.params().get(j).start())) {
                    return j;
                }
            }
            return s.params().size(); // out of range: no parameter is active
        }
        int n = s.params().size();
        for (int j = 0; j < n && j <= call.commas; j++) {
            // the first `*args` collects the rest of the positional arguments
            Signatures.Param p = s.params().get(j);
            if (s.label().charAt(p.start()) == '*' && !s.label().startsWith("**", p.start())) {
                return j;
            }
        }
        return Math.min(call.commas, n);
    }

    /** The dotted name before an opening parenthesis: {@code f}, {@code math.log}, {@code x.upper} ({@code null} first for a non-name receiver). */
    private static List<String> callee(List<Token> tokens, int paren) {
        int i = paren - 1;
        if (i < 0 || tokens.get(i).getType() != SkiffLexer.NAME) {
            return null;
        }
        List<String> out = new ArrayList<>();
        out.add(0, tokens.get(i).getText());
        i--;
        while (i >= 1 && tokens.get(i).getType() == SkiffLexer.DOT) {
            Token prev = tokens.get(i - 1);
            if (prev.getType() == SkiffLexer.NAME) {
                out.add(0, prev.getText());
                i -= 2;
            } else {
                out.add(0, prev.getType() == SkiffLexer.STRING ? "\"\"" : null);
                break;
            }
        }
        return out;
    }

    private static List<Signatures.Sig> resolve(DocumentAnalysis a, List<String> callee, int offset) {
        String last = callee.get(callee.size() - 1);
        java.util.Map<String, Symbol> visible = a.available()
                ? a.occurrences().visibleAt(a.file(), offset) : java.util.Map.of();
        if (callee.size() == 1) {
            Symbol d = visible.get(last);
            if (d == null || d.kind() == Symbol.Kind.BUILTIN) {
                return Signatures.BUILTINS.getOrDefault(last, List.of());
            }
            return fromDecl(d);
        }
        String receiver = callee.get(callee.size() - 2);
        if (callee.size() == 2 && receiver != null && visible.get(receiver) instanceof Symbol d
                && d.kind() == Symbol.Kind.IMPORT && d.declaration() instanceof Stmt.Import i) {
            return Signatures.MODULES.getOrDefault(i.path() + "." + last, List.of());
        }
        return Signatures.STRING_METHODS.getOrDefault(last, List.of());
    }

    private static List<Signatures.Sig> fromDecl(Symbol d) {
        Node n = d.declaration();
        if (n instanceof Stmt.Assign as && as.value() instanceof Expr.Lambda l) {
            String ret = l.returnType() == null ? "" : " -> " + l.returnType().span().text();
            return List.of(Signatures.parse(d.name() + "(" + params(l.params()) + ")" + ret,
                    "lambda `" + d.name() + "`"));
        }
        if (n instanceof Stmt.SchemaAttr at && at.value() instanceof Expr.Lambda l) {
            String ret = l.returnType() == null ? "" : " -> " + l.returnType().span().text();
            return List.of(Signatures.parse(d.name() + "(" + params(l.params()) + ")" + ret, at.doc()));
        }
        if (n instanceof Stmt.SchemaDecl s && !s.params().isEmpty()) {
            return List.of(Signatures.parse(s.name().id() + "(" + params(s.params()) + ")", s.doc()));
        }
        if (n instanceof Stmt.RuleDecl r && !r.params().isEmpty()) {
            return List.of(Signatures.parse(r.name().id() + "(" + params(r.params()) + ")", r.doc()));
        }
        return List.of();
    }

    private static String params(List<Node.Param> params) {
        StringBuilder sb = new StringBuilder();
        for (Node.Param p : params) {
            if (!sb.isEmpty()) {
                sb.append(", ");
            }
            sb.append(p.name().id());
            if (p.type() != null && p.type().span() != null) {
                sb.append(": ").append(p.type().span().text());
            }
            if (p.defaultValue() != null && p.defaultValue().span() != null) {
                sb.append(" = ").append(p.defaultValue().span().text());
            }
        }
        return sb.toString();
    }
}
