package dev.skiff.lsp;

import dev.skiff.grammar.SkiffLexer;
import dev.skiff.resolve.Symbol;
import dev.skiff.source.SourceFile;
import dev.skiff.source.Span;
import dev.skiff.syntax.ConfigEntry;
import dev.skiff.syntax.Expr;
import dev.skiff.syntax.Node;
import dev.skiff.syntax.Nodes;
import dev.skiff.syntax.Stmt;
import dev.skiff.syntax.TypeExpr;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Token;
import org.eclipse.lsp4j.SemanticTokensLegend;

/**
 * Semantic highlighting: every token of the lexer gets a class, names get theirs from the symbol the resolve stage
 * binds them to (and from where they stand in the syntax tree). Where the tree does not know a name
 * (half-typed code), the class falls back to what the token alone says. Names inside {@code ${…}} holes of a
 * string are classified like any other name, the rest of the string is a string.
 */
final class SemanticTokens {
    static final List<String> TYPES = List.of("keyword", "string", "number", "comment", "operator", "namespace",
            "type", "property", "variable", "function", "parameter", "decorator");
    static final List<String> MODIFIERS = List.of("declaration", "readonly", "defaultLibrary");

    static final int KEYWORD = 0;
    static final int STRING = 1;
    static final int NUMBER = 2;
    static final int COMMENT = 3;
    static final int OPERATOR = 4;
    static final int NAMESPACE = 5;
    static final int TYPE = 6;
    static final int PROPERTY = 7;
    static final int VARIABLE = 8;
    static final int FUNCTION = 9;
    static final int PARAMETER = 10;
    static final int DECORATOR = 11;

    static final int DECLARATION = 1;
    static final int READONLY = 2;
    static final int DEFAULT_LIBRARY = 4;

    private static final Set<String> SOFT_KEYWORDS = Set.of("type", "mixin", "protocol", "rule", "check", "all",
            "any", "map", "filter");
    private static final Set<String> BASIC_TYPES = Set.of("str", "int", "float", "bool", "any", "list", "dict");

    /** A class for a range of the text: token type and modifier bits. */
    record Cls(int type, int modifiers) {
    }

    private SemanticTokens() {
    }

    static SemanticTokensLegend legend() {
        return new SemanticTokensLegend(TYPES, MODIFIERS);
    }

    /** The encoded tokens (LSP's relative five-integer form) of the whole document, or of [start, end). */
    static List<Integer> encode(DocumentAnalysis a, int start, int end) {
        List<int[]> tokens = tokens(a);
        List<Integer> out = new ArrayList<>();
        int prevLine = 0;
        int prevCol = 0;
        for (int[] t : tokens) {
            // t = {offset, length, type, modifiers}
            if (t[0] + t[1] <= start || t[0] >= end) {
                continue;
            }
            int line = a.file().line(t[0]);
            int col = a.file().column(t[0]);
            out.add(line - prevLine);
            out.add(line == prevLine ? col - prevCol : col);
            out.add(t[1]);
            out.add(t[2]);
            out.add(t[3]);
            prevLine = line;
            prevCol = col;
        }
        return out;
    }

    /** Absolute tokens {offset, length, type, modifiers}, in order, none spanning a line break. */
    static List<int[]> tokens(DocumentAnalysis a) {
        SourceFile file = a.file();
        String text = file.text();
        Map<Integer, NameCls> names = new HashMap<>();
        try {
            classify(a, names);
        } catch (RuntimeException | StackOverflowError e) {
            names.clear(); // lexical classes only
        }
        TreeMap<Integer, NameCls> byStart = new TreeMap<>(names);
        List<int[]> out = new ArrayList<>();
        List<? extends Token> lexed;
        int[] utf16;
        try {
            SkiffLexer lexer = new SkiffLexer(CharStreams.fromString(text));
            lexer.removeErrorListeners();
            CommonTokenStream stream = new CommonTokenStream(lexer);
            stream.fill();
            lexed = stream.getTokens();
            utf16 = text.codePointCount(0, text.length()) == text.length() ? null : codePointOffsets(text);
        } catch (RuntimeException | StackOverflowError e) {
            return out;
        }
        String previous = null;
        for (Token t : lexed) {
            if (t.getType() == Token.EOF || t.getStartIndex() < 0 || t.getStopIndex() < t.getStartIndex()) {
                continue;
            }
            int s = at(utf16, t.getStartIndex());
            int e = at(utf16, t.getStopIndex() + 1);
            if (s >= e || e > text.length()) {
                continue;
            }
            int type = t.getType();
            switch (type) {
                case SkiffLexer.COMMENT -> emit(out, text, s, e, COMMENT, 0);
                case SkiffLexer.STRING, SkiffLexer.UNTERMINATED_TRIPLE -> string(out, text, s, e, byStart);
                case SkiffLexer.INT, SkiffLexer.FLOAT -> emit(out, text, s, e, NUMBER, 0);
                case SkiffLexer.NAME -> {
                    NameCls n = names.get(s);
                    String word = text.substring(s, e);
                    if (n != null && n.end == e) {
                        emit(out, text, s, e, n.cls.type(), n.cls.modifiers());
                    } else if ("@".equals(previous)) {
                        emit(out, text, s, e, DECORATOR, 0);
                    } else if (SOFT_KEYWORDS.contains(word)) {
                        emit(out, text, s, e, KEYWORD, 0);
                    } else if (dev.skiff.eval.lib.Library.builtin(word).isPresent()) {
                        emit(out, text, s, e, FUNCTION, DEFAULT_LIBRARY);
                    } else if (BASIC_TYPES.contains(word)) {
                        emit(out, text, s, e, TYPE, DEFAULT_LIBRARY);
                    } else {
                        emit(out, text, s, e, VARIABLE, 0);
                    }
                }
                case SkiffLexer.AT -> emit(out, text, s, e, DECORATOR, 0);
                default -> {
                    if (type >= SkiffLexer.IMPORT && type <= SkiffLexer.UNDEFINED) {
                        emit(out, text, s, e, KEYWORD, 0);
                    } else if (type >= SkiffLexer.ELLIPSIS && type <= SkiffLexer.AT && type != SkiffLexer.COMMA
                            && type != SkiffLexer.DOT && type != SkiffLexer.COLON && type != SkiffLexer.SEMI) {
                        emit(out, text, s, e, OPERATOR, 0);
                    }
                }
            }
            previous = t.getText();
        }
        return out;
    }

    private static int at(int[] utf16, int codePoint) {
        return utf16 == null ? codePoint : utf16[Math.max(0, Math.min(codePoint, utf16.length - 1))];
    }

    private static int[] codePointOffsets(String text) {
        int n = text.codePointCount(0, text.length());
        int[] out = new int[n + 1];
        int offset = 0;
        for (int i = 0; i < n; i++) {
            out[i] = offset;
            offset += Character.charCount(text.codePointAt(offset));
        }
        out[n] = offset;
        return out;
    }

    /** A string, cut around the names of its interpolation holes. */
    private static void string(List<int[]> out, String text, int s, int e, TreeMap<Integer, NameCls> names) {
        int from = s;
        for (Map.Entry<Integer, NameCls> n : names.subMap(s, true, e, false).entrySet()) {
            int ns = n.getKey();
            int ne = n.getValue().end;
            if (ns < from || ne > e || !identifier(text, ns, ne)) {
                continue;
            }
            emit(out, text, from, ns, STRING, 0);
            emit(out, text, ns, ne, n.getValue().cls.type(), n.getValue().cls.modifiers());
            from = ne;
        }
        emit(out, text, from, e, STRING, 0);
    }

    private static boolean identifier(String text, int s, int e) {
        for (int i = s; i < e; i++) {
            char c = text.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '$' && i == s)) {
                return false;
            }
        }
        return e > s;
    }

    /** Adds [s, e) as one token per line. */
    private static void emit(List<int[]> out, String text, int s, int e, int type, int modifiers) {
        int from = s;
        for (int i = s; i < e; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                if (i > from) {
                    out.add(new int[] {from, i - from, type, modifiers});
                }
                from = i + 1;
            }
        }
        if (e > from) {
            out.add(new int[] {from, e - from, type, modifiers});
        }
    }

    // ---------------------------------------------------------------- names from the tree

    private record NameCls(int end, Cls cls) {
    }

    private static void classify(DocumentAnalysis a, Map<Integer, NameCls> out) {
        if (!a.available()) {
            return;
        }
        Walker w = new Walker(a, out);
        for (Stmt s : a.unit().body()) {
            w.node(s, 0);
        }
    }

    /** Walks every node of the tree ({@link Nodes}), marking names by their role. */
    private static final class Walker {
        private final DocumentAnalysis a;
        private final Map<Integer, NameCls> out;
        private final Map<Expr.Name, Cls> roles = new IdentityHashMap<>();

        Walker(DocumentAnalysis a, Map<Integer, NameCls> out) {
            this.a = a;
            this.out = out;
        }

        private void mark(Expr.Name n, int type, int modifiers) {
            if (n != null && n.span() != null) {
                roles.put(n, new Cls(type, modifiers));
            }
        }

        void node(Node n, int depth) {
            if (depth > 400) {
                return;
            }
            roles(n);
            if (n instanceof Expr.Name name) {
                Cls c = roles.get(name);
                if (c == null) {
                    c = use(name);
                }
                Span sp = name.span();
                if (sp != null && sp.end() > sp.start()) {
                    out.putIfAbsent(sp.start(), new NameCls(sp.end(), c));
                }
                return;
            }
            for (Node child : Nodes.children(n)) {
                node(child, depth + 1);
            }
        }

        /** Marks the names whose role the parent node decides. */
        private void roles(Node n) {
            switch (n) {
                case Stmt.Import i -> {
                    mark(i.alias(), NAMESPACE, DECLARATION);
                    importPath(i);
                }
                case Stmt.SchemaDecl d -> mark(d.name(), TYPE, DECLARATION);
                case Stmt.RuleDecl r -> mark(r.name(), TYPE, DECLARATION);
                case Stmt.TypeAlias t -> mark(t.name(), TYPE, DECLARATION);
                case Stmt.SchemaAttr at -> mark(at.name(), PROPERTY, DECLARATION);
                case Stmt.Assign as -> {
                    for (Expr t : as.targets()) {
                        if (t instanceof Expr.Name name) {
                            Symbol d = a.bindings().symbol(name);
                            boolean global = d != null && d.kind() == Symbol.Kind.VARIABLE;
                            boolean attr = d != null && d.kind() == Symbol.Kind.ATTRIBUTE;
                            mark(name, as.value() instanceof Expr.Lambda ? FUNCTION : attr ? PROPERTY : VARIABLE,
                                    DECLARATION | (global ? READONLY : 0));
                        }
                    }
                }
                case Stmt.Unification u -> mark(u.target(), VARIABLE, DECLARATION | READONLY);
                case Node.Param p -> mark(p.name(), PARAMETER, DECLARATION);
                case Node.Keyword k -> mark(k.name(), PARAMETER, 0);
                case Node.Decorator d -> {
                    if (d.name() instanceof Expr.Name name) {
                        mark(name, DECORATOR, 0);
                    }
                }
                case Node.CompClause c -> c.targets().forEach(t -> mark(t, VARIABLE, DECLARATION));
                case Expr.Quantified q -> q.variables().forEach(v -> mark(v, VARIABLE, DECLARATION));
                case Node.IndexSignature s -> mark(s.keyName(), PARAMETER, DECLARATION);
                case TypeExpr.Named t -> typeName(t.name());
                case TypeExpr.BasicType b -> {
                    if (b.span() != null && b.span().end() > b.span().start()) {
                        out.putIfAbsent(b.span().start(), new NameCls(b.span().end(), new Cls(TYPE, DEFAULT_LIBRARY)));
                    }
                }
                case ConfigEntry.KeyValue kv -> key(kv.key());
                case Expr.SchemaInst s -> typeName(s.schema());
                case Expr.Selector s -> member(s);
                default -> {
                }
            }
        }

        /** Each name of {@code a.b.c} in an import is a namespace. */
        private void importPath(Stmt.Import i) {
            Span p = i.pathSpan();
            if (p == null) {
                return;
            }
            String text = p.text();
            int k = 0;
            while (k < text.length()) {
                int e = k;
                while (e < text.length() && text.charAt(e) != '.') {
                    e++;
                }
                if (e > k) {
                    out.putIfAbsent(p.start() + k, new NameCls(p.start() + e,
                            new Cls(NAMESPACE, i.alias() == null && e == text.length() ? DECLARATION : 0)));
                }
                k = e + 1;
            }
        }

        private void typeName(Expr e) {
            if (e instanceof Expr.Name n) {
                Symbol d = a.bindings().symbol(n);
                if (d == null || d.kind() != Symbol.Kind.IMPORT) {
                    mark(n, TYPE, d == null && BASIC_TYPES.contains(n.id()) ? DEFAULT_LIBRARY : 0);
                }
            } else if (e instanceof Expr.Selector s) {
                mark(s.attr(), TYPE, 0);
            }
        }

        private void key(Expr k) {
            if (k instanceof Expr.Name n) {
                mark(n, PROPERTY, 0);
            } else if (k instanceof Expr.Selector s) {
                mark(s.attr(), PROPERTY, 0);
                key(s.value());
            }
        }

        private void member(Expr.Selector s) {
            if (roles.containsKey(s.attr())) {
                return;
            }
            if (s.value() instanceof Expr.Name alias && a.bindings().symbol(alias) instanceof Symbol d
                    && d.kind() == Symbol.Kind.IMPORT && d.declaration() instanceof Stmt.Import imp) {
                String module = imp.path();
                var sys = dev.skiff.eval.lib.Library.systemModule(module);
                if (sys.isPresent()) {
                    var member = sys.get().members().get(s.attr().id());
                    mark(s.attr(), member instanceof dev.skiff.eval.value.Value.Func ? FUNCTION : VARIABLE,
                            DEFAULT_LIBRARY | (member instanceof dev.skiff.eval.value.Value.Func ? 0 : READONLY));
                } else {
                    mark(s.attr(), TYPE, 0); // k8s kinds, CRDs and schemas of other modules
                }
                return;
            }
            mark(s.attr(), PROPERTY, 0);
        }

        /** A name in an expression: its class from its declaration. */
        private Cls use(Expr.Name n) {
            Symbol d = a.bindings().symbol(n);
            if (d == null) {
                if (dev.skiff.eval.lib.Library.builtin(n.id()).isPresent()) {
                    return new Cls(FUNCTION, DEFAULT_LIBRARY);
                }
                return new Cls(VARIABLE, 0);
            }
            boolean lambda = d.declaration() instanceof Stmt.Assign as && as.value() instanceof Expr.Lambda;
            return switch (d.kind()) {
                case SCHEMA, RULE, TYPE_ALIAS, KUBERNETES_TYPE -> new Cls(TYPE, 0);
                case IMPORT -> new Cls(NAMESPACE, 0);
                case ATTRIBUTE -> new Cls(PROPERTY, 0);
                case PARAMETER, INDEX_KEY -> new Cls(PARAMETER, 0);
                case LOOP_VARIABLE, CONFIG_KEY -> new Cls(VARIABLE, 0);
                case BUILTIN -> new Cls(FUNCTION, DEFAULT_LIBRARY);
                case VARIABLE -> new Cls(lambda ? FUNCTION : VARIABLE, READONLY);
                case LOCAL -> new Cls(lambda ? FUNCTION : VARIABLE, 0);
            };
        }
    }
}
