package dev.skiff.lsp;

import dev.skiff.k8s.SchemaRegistry;
import dev.skiff.modules.Program;
import dev.skiff.resolve.Symbol;
import dev.skiff.syntax.ConfigEntry;
import dev.skiff.syntax.Expr;
import dev.skiff.syntax.Stmt;
import dev.skiff.types.Inference;
import dev.skiff.types.Occurrences;
import dev.skiff.types.SchemaType;
import dev.skiff.types.Type;
import dev.skiff.types.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.InsertTextFormat;

/**
 * Completion, from the compiler's types: after {@code import}, module paths; after {@code x.}, the members of
 * a module or the attributes of {@code x}'s type (through function results, list elements, comprehension
 * variables); at a key of a config whose schema is known, the attributes not set yet (required first), and
 * after {@code metadata.} in such a key, the attributes of what the dotted key reaches; after {@code key = },
 * the values a literal type allows; elsewhere the names in scope, keywords and builtins.
 *
 * <p>Half-typed code often does not parse: then the context is taken from an analysis of the text with the
 * name being typed completed by a placeholder.
 */
final class Completions {
    private static final List<String> KEYWORDS = List.of("import", "as", "schema", "mixin", "protocol", "rule",
            "check", "if", "elif", "else", "for", "in", "not", "and", "or", "is", "lambda", "assert", "type",
            "True", "False", "None", "Undefined");
    private static final Pattern IMPORT_LINE = Pattern.compile("\\s*import\\s+([\\w.]*)");
    private static final String PLACEHOLDER = "__skiff_completion__";

    private Completions() {
    }

    /** Where the cursor is, read from the text around it. */
    private record Context(String prefix, int prefixStart, List<String> chain, boolean keyPosition, String valueOfKey) {
        boolean dotted() {
            return chain != null;
        }
    }

    /**
     * Completion at {@code offset} of {@code text}. {@code analysis} gives the analysis of a text (the document's
     * own, or a repaired copy); the one of the document's text is asked for only when no repair is needed.
     */
    static List<CompletionItem> complete(String text, int offset, Function<String, DocumentAnalysis> analysis) {
        offset = Math.max(0, Math.min(offset, text.length()));
        int start = offset;
        while (start > 0 && isIdent(text.charAt(start - 1))) {
            start--;
        }
        if (start < offset && Character.isDigit(text.charAt(start))) {
            start = offset; // right after a number: no name is being typed
        }
        String prefix = text.substring(start, offset);
        int lineStart = text.lastIndexOf('\n', Math.max(0, start - 1)) + 1;
        if (start == 0) {
            lineStart = 0;
        }
        Matcher importing = IMPORT_LINE.matcher(text.substring(lineStart, offset));
        if (importing.matches()) {
            return importPaths(analysis.apply(text), importing.group(1));
        }
        Context c = context(text, start, prefix, lineStart);
        // a name being typed often leaves the text unparsable; its context comes from the text with the name
        // completed (when that is the text itself, from its own analysis)
        String fixedText = repair(text, start, offset, c);
        DocumentAnalysis a = analysis.apply(fixedText);
        if ((a == null || !a.available() || !a.parses()) && !fixedText.equals(text)) {
            a = analysis.apply(text);
        }
        if (a == null || !a.available()) {
            return List.of();
        }
        List<CompletionItem> out = new ArrayList<>();
        if (c.dotted()) {
            members(a, start, c, out);
            return out;
        }
        Occurrences.Config config = a.occurrences().configAt(a.file(), start);
        if (c.keyPosition() && config != null) {
            attributes(config.schema(), present(config.literal(), start), prefix, true, out);
            return out;
        }
        if (c.valueOfKey() != null && config != null) {
            values(config.schema(), c.valueOfKey(), prefix, out);
            if (!out.isEmpty()) {
                return out;
            }
        }
        names(a, start, prefix, out);
        return out;
    }

    private static boolean isIdent(char ch) {
        return Character.isLetterOrDigit(ch) || ch == '_';
    }

    /** The chain before a dot ({@code a.b[0].} gives [a, b, [], ]), whether it is a key, the key a value is for. */
    private static Context context(String text, int start, String prefix, int lineStart) {
        List<String> chain = null;
        int chainStart = start;
        if (start > 0 && text.charAt(start - 1) == '.') {
            chain = new ArrayList<>();
            int i = start - 1;
            while (i >= 0 && text.charAt(i) == '.') {
                int end = i;
                int s = end;
                while (s > 0 && (text.charAt(s - 1) == ']' || text.charAt(s - 1) == ')')) {
                    int open = matching(text, s - 1);
                    if (open < 0) {
                        break;
                    }
                    chain.add(0, text.charAt(s - 1) == ']' ? "[]" : "()");
                    s = open;
                    end = open;
                }
                while (s > 0 && isIdent(text.charAt(s - 1))) {
                    s--;
                }
                if (s == end) {
                    break;
                }
                chain.add(0, text.substring(s, end));
                chainStart = s;
                i = s - 1;
            }
            if (chain.isEmpty()) {
                chain = List.of();
            }
        }
        String before = text.substring(lineStart, chainStart).strip();
        // a key starts an entry: at the start of a line, after `{` or `,`, or after a complete entry (the cursor
        // right after a value, where the next entry begins)
        boolean key = before.isEmpty() || before.endsWith("{") || before.endsWith(",")
                || chain == null && prefix.isEmpty() && endsValue(before);
        String valueOfKey = chain == null ? keyBefore(text, lineStart, start) : null;
        return new Context(prefix, start, chain, key, valueOfKey);
    }

    /**
     * The key whose value is being written when the line before the cursor ends {@code key = }, {@code key: }
     * or {@code key = "} ({@code key} may be dotted), else null. Read backwards from the cursor in one pass: a
     * regular expression searched from each start of the line cost the square of its length (a 65,000-character
     * name kept completion busy for half a minute).
     */
    static String keyBefore(String text, int lineStart, int end) {
        int i = end - 1;
        if (i >= lineStart && text.charAt(i) == '"') {
            i--;
        }
        while (i >= lineStart && Character.isWhitespace(text.charAt(i))) {
            i--;
        }
        if (i < lineStart || (text.charAt(i) != ':' && text.charAt(i) != '=')) {
            return null;
        }
        i--;
        while (i >= lineStart && Character.isWhitespace(text.charAt(i))) {
            i--;
        }
        int keyEnd = i + 1;
        while (i >= lineStart && (isWord(text.charAt(i)) || text.charAt(i) == '.')) {
            i--;
        }
        // the key starts at the first letter or underscore of the run (a name does not start with a digit or a dot)
        for (int k = i + 1; k < keyEnd; k++) {
            char c = text.charAt(k);
            if (c == '_' || (c < 128 && Character.isLetter(c))) {
                return text.substring(k, keyEnd);
            }
        }
        return null;
    }

    /** A character of {@code \\w}: an ASCII letter, digit or underscore. */
    private static boolean isWord(char c) {
        return c == '_' || (c < 128 && Character.isLetterOrDigit(c));
    }

    /** The bracket opening the one closed at {@code close}, or -1. */
    private static int matching(String text, int close) {
        char c = text.charAt(close);
        char o = c == ']' ? '[' : '(';
        int depth = 0;
        for (int i = close; i >= 0; i--) {
            char x = text.charAt(i);
            if (x == c) {
                depth++;
            } else if (x == o && --depth == 0) {
                return i;
            } else if (x == '\n') {
                return -1;
            }
        }
        return -1;
    }

    /** Whether text ends with a complete value (a literal, a name, a closed bracket), not an operator. */
    private static boolean endsValue(String before) {
        char last = before.charAt(before.length() - 1);
        return Character.isLetterOrDigit(last) || "\"')]}_".indexOf(last) >= 0
                && !before.endsWith("=") && !before.endsWith(":");
    }

    /** The text with the name being typed completed, so that the code around the cursor parses. */
    private static String repair(String text, int start, int offset, Context c) {
        boolean bare = c.dotted() || c.prefix().isEmpty();
        // a key being written gets a value; a trailing dot, or an empty key or value, a name
        String insert = c.keyPosition() ? (bare ? PLACEHOLDER : "") + " = None" : bare ? PLACEHOLDER : "";
        return text.substring(0, offset) + insert + text.substring(offset);
    }

    // ---------------------------------------------------------------- after a dot

    private static void members(DocumentAnalysis a, int start, Context c, List<CompletionItem> out) {
        List<String> chain = c.chain();
        if (chain.isEmpty()) {
            return;
        }
        Map<String, Symbol> visible = a.occurrences().visibleAt(a.file(), start);
        Symbol root = visible.get(chain.get(0));
        if (chain.size() == 1 && root != null && root.kind() == Symbol.Kind.IMPORT) {
            moduleMembers(a, root, c.prefix(), out);
            return;
        }
        Occurrences.Config config = a.occurrences().configAt(a.file(), start);
        if (c.keyPosition() && config != null) {
            SchemaType s = config.schema();
            for (String part : chain) {
                SchemaType.Attribute attr = s == null || part.equals("[]") ? null : s.attribute(part);
                s = attr == null ? null : Type.unrefined(attr.type()) instanceof Type.Schema inner ? inner.schema() : null;
            }
            if (s != null) {
                attributes(s, Set.of(), c.prefix(), false, out);
            }
            return;
        }
        Type t = root == null ? null : a.inference().typeOf(root);
        for (int i = 1; i < chain.size() && t != null; i++) {
            t = step(t, chain.get(i));
        }
        if (t != null && Type.unrefined(Inference.widen(t)) instanceof Type.Schema s) {
            attributes(s.schema(), Set.of(), c.prefix(), false, out);
        } else if (t != null && Type.unrefined(Inference.widen(t)) instanceof Type.Str) {
            out.addAll(Signatures.stringMethodCompletions(c.prefix()));
        } else if (t != null && Type.unrefined(t) instanceof Type.Union u) {
            for (Type m : u.members()) {
                if (Type.unrefined(m) instanceof Type.Schema s) {
                    attributes(s.schema(), Set.of(), c.prefix(), false, out);
                    break;
                }
            }
        }
    }

    /** The type one step of a chain reaches: an attribute, or a list's element for {@code []}. */
    private static Type step(Type t, String part) {
        Type base = Type.unrefined(Inference.widen(t));
        if (base instanceof Type.Union u) {
            for (Type m : u.members()) {
                if (!(m instanceof Type.NoneType)) {
                    base = Type.unrefined(m);
                    break;
                }
            }
        }
        if (part.equals("[]")) {
            return base instanceof Type.ListOf l ? l.element() : base instanceof Type.DictOf d ? d.value() : null;
        }
        if (part.equals("()")) {
            return base instanceof Type.Function f ? f.result() : null;
        }
        if (base instanceof Type.Schema s) {
            SchemaType.Attribute a = s.schema().attribute(part);
            return a == null ? null : a.type();
        }
        return base instanceof Type.DictOf d ? d.value() : null;
    }

    private static void moduleMembers(DocumentAnalysis a, Symbol imp, String prefix, List<CompletionItem> out) {
        if (!(imp.declaration() instanceof Stmt.Import i)) {
            return;
        }
        Program.Target target = a.analysis().program().target(i);
        switch (target) {
            case Program.Target.Kubernetes k -> {
                SchemaRegistry r = a.analysis().kubernetes().registry();
                for (String m : r == null ? List.<String>of() : r.modulePaths().getOrDefault(k.path(), List.of())) {
                    if (m.startsWith(prefix)) {
                        CompletionItem item = new CompletionItem(m);
                        item.setKind(CompletionItemKind.Class);
                        item.setDetail(imp.name() + "." + m);
                        SchemaType s = a.analysis().kubernetes().member(k.path(), m);
                        if (s != null) {
                            item.setDocumentation(Hovers.markdown(s.doc()));
                        }
                        out.add(item);
                    }
                }
            }
            case Program.Target.Package p -> a.bindings().globals(p.module().name()).forEach((name, s) -> {
                if (s.isPublic() && name.startsWith(prefix) && s.kind() != Symbol.Kind.IMPORT) {
                    out.add(symbolItem(a, name, s));
                }
            });
            case Program.Target.System sys -> out.addAll(Signatures.memberCompletions(sys.name(), prefix));
            case null, default -> {
            }
        }
    }

    // ---------------------------------------------------------------- keys and values of configs

    /** The keys a config literal sets, except the one being written at {@code at}. */
    private static Set<String> present(Expr.ConfigLit config, int at) {
        Set<String> out = new LinkedHashSet<>();
        collect(config.entries(), at, out);
        return out;
    }

    private static void collect(List<ConfigEntry> entries, int at, Set<String> out) {
        for (ConfigEntry e : entries) {
            if (e instanceof ConfigEntry.KeyValue kv && !kv.key().span().touches(at)) {
                Expr k = kv.key();
                while (k instanceof Expr.Selector sel) {
                    k = sel.value(); // `selector.matchLabels = …` sets `selector`
                }
                if (k instanceof Expr.Name n) {
                    out.add(n.id());
                } else if (k instanceof Expr.StrLit s) {
                    out.add(s.value());
                }
            } else if (e instanceof ConfigEntry.If i) {
                collect(i.entries(), at, out);
                collect(i.orElse(), at, out);
            }
        }
    }

    /** The attributes of a schema not in {@code present}, required first; as keys with {@code key = } inserted. */
    private static void attributes(SchemaType s, Set<String> present, String prefix, boolean asKeys,
                                   List<CompletionItem> out) {
        List<SchemaType.Attribute> attrs = new ArrayList<>(s.attributes().values());
        attrs.sort(Comparator.comparing((SchemaType.Attribute a) -> a.optional()));
        int rank = 0;
        for (SchemaType.Attribute a : attrs) {
            if (present.contains(a.name()) || !a.name().startsWith(prefix) || a.name().startsWith("_")) {
                continue;
            }
            CompletionItem item = new CompletionItem(a.name());
            item.setKind(CompletionItemKind.Field);
            item.setDetail(a.type().display() + (a.optional() ? "" : " (required)"));
            item.setDocumentation(Hovers.markdown(a.doc()));
            item.setSortText(String.format("%04d", rank++));
            List<Type.Literal> values = Types.literals(a.type());
            if (asKeys && values.size() > 1 && values.stream().allMatch(v -> v.value() instanceof String)) {
                item.setInsertText(a.name() + " = \"${1|" + String.join(",", values.stream()
                        .map(v -> (String) v.value()).toList()) + "|}\"");
                item.setInsertTextFormat(InsertTextFormat.Snippet);
            } else if (asKeys) {
                item.setInsertText(a.name() + " = ");
            }
            out.add(item);
        }
    }

    /** After {@code key = }: the values the attribute's literal type allows ({@code key} may be dotted). */
    private static void values(SchemaType s, String key, String prefix, List<CompletionItem> out) {
        SchemaType.Attribute a = null;
        SchemaType owner = s;
        for (String part : key.split("\\.")) {
            a = owner == null ? null : owner.attribute(part);
            owner = a != null && Type.unrefined(a.type()) instanceof Type.Schema inner ? inner.schema() : null;
        }
        if (a == null) {
            return;
        }
        for (Type.Literal v : Types.literals(a.type())) {
            String shown = v.display();
            if (v.value() instanceof String str && str.startsWith(prefix) || shown.startsWith(prefix)) {
                CompletionItem item = new CompletionItem(shown);
                item.setKind(CompletionItemKind.EnumMember);
                item.setDetail(a.name() + ": " + a.type().display());
                out.add(item);
            }
        }
    }

    // ---------------------------------------------------------------- names

    private static void names(DocumentAnalysis a, int at, String prefix, List<CompletionItem> out) {
        for (String k : KEYWORDS) {
            if (k.startsWith(prefix)) {
                CompletionItem item = new CompletionItem(k);
                item.setKind(CompletionItemKind.Keyword);
                out.add(item);
            }
        }
        Map<String, Symbol> visible = new TreeMap<>(a.occurrences().visibleAt(a.file(), at));
        visible.forEach((name, s) -> {
            if (name.startsWith(prefix) && !name.equals(PLACEHOLDER)) {
                out.add(symbolItem(a, name, s));
            }
        });
        for (CompletionItem b : Signatures.builtinCompletions(prefix)) {
            if (!visible.containsKey(b.getLabel())) {
                out.add(b);
            }
        }
    }

    private static CompletionItem symbolItem(DocumentAnalysis a, String name, Symbol s) {
        CompletionItem item = new CompletionItem(name);
        item.setKind(switch (s.kind()) {
            case SCHEMA, RULE, KUBERNETES_TYPE -> CompletionItemKind.Class;
            case IMPORT -> CompletionItemKind.Module;
            case TYPE_ALIAS -> CompletionItemKind.Interface;
            case ATTRIBUTE -> CompletionItemKind.Field;
            case PARAMETER -> CompletionItemKind.Variable;
            default -> CompletionItemKind.Variable;
        });
        Type t = a.types().symbolType(s);
        if (s.kind() == Symbol.Kind.SCHEMA && t instanceof Type.Schema st) {
            item.setDetail("schema " + name);
            item.setDocumentation(Hovers.markdown(st.schema().doc()));
            item.setInsertText(name + " {\n\t$0\n}");
            item.setInsertTextFormat(InsertTextFormat.Snippet);
        } else if (s.kind() == Symbol.Kind.IMPORT) {
            item.setDetail(Hovers.importPath(s));
        } else if (t == null) {
            Type value = a.inference().typeOf(s);
            if (!(value instanceof Type.Any)) {
                item.setDetail(Inference.widen(value).display());
            }
        }
        return item;
    }

    // ---------------------------------------------------------------- import paths

    /**
     * After {@code import }: the next segment of every module path that continues what is typed — Kubernetes
     * groups and versions, CRD modules, system modules, the stdlib and the project's own packages.
     */
    private static List<CompletionItem> importPaths(DocumentAnalysis a, String typed) {
        Set<String> paths = new TreeSet<>(dev.skiff.modules.ProjectResolver.SYSTEM_MODULES);
        paths.add("skiff.app");
        SchemaRegistry r = a.analysis() != null && a.analysis().kubernetes() != null
                ? a.analysis().kubernetes().registry() : null;
        if (r != null) {
            paths.addAll(r.modulePaths().keySet());
        }
        paths.addAll(projectPackages(a));
        int dot = typed.lastIndexOf('.');
        String done = typed.substring(0, dot + 1);
        String prefix = typed.substring(dot + 1);
        Map<String, Boolean> next = new TreeMap<>(); // segment -> whether a path ends there
        for (String p : paths) {
            if (!p.startsWith(done) || p.length() == done.length()) {
                continue;
            }
            String rest = p.substring(done.length());
            int end = rest.indexOf('.');
            String segment = end < 0 ? rest : rest.substring(0, end);
            if (segment.startsWith(prefix)) {
                next.merge(segment, end < 0, Boolean::logicalOr);
            }
        }
        List<CompletionItem> out = new ArrayList<>();
        next.forEach((segment, complete) -> {
            CompletionItem item = new CompletionItem(segment);
            item.setKind(CompletionItemKind.Module);
            item.setDetail(done + segment + (complete ? "" : "…"));
            out.add(item);
        });
        return out;
    }

    /** The project's packages as dotted paths: directories with {@code .k} files below the project root. */
    private static List<String> projectPackages(DocumentAnalysis a) {
        List<String> out = new ArrayList<>();
        if (a.analysis() == null || a.analysis().project() == null) {
            return out;
        }
        java.nio.file.Path root = a.analysis().project().root();
        try (var walk = java.nio.file.Files.walk(root, 6)) {
            walk.filter(p -> p.toString().endsWith(".k") && !p.getParent().equals(root))
                    .map(p -> root.relativize(p.getParent()).toString().replace(java.io.File.separatorChar, '.'))
                    .filter(p -> p.matches("[A-Za-z_][\\w.]*") && !p.contains("target") && !p.startsWith("."))
                    .distinct().forEach(out::add);
        } catch (RuntimeException | java.io.IOException e) {
            // unreadable: offer the rest
        }
        return out;
    }
}
