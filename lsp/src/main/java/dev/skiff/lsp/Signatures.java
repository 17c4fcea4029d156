package dev.skiff.lsp;

import dev.skiff.eval.lib.Library;
import dev.skiff.types.Declaration;
import dev.skiff.types.Signature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;

/**
 * The signatures and docs of KCL's builtin functions, string methods and system module members as the editor
 * shows them, read from the declarations the compiler's library writes beside each implementation (so signature
 * help, hover and completion say what the checker checks), and the same form for the functions a document
 * declares itself (lambdas, schemas and rules with parameters).
 */
final class Signatures {
    /** A signature: its label and, for each parameter, the parameter's name and where it is in the label. */
    record Sig(String label, String doc, List<Param> params, boolean variadic) {
        int indexOf(String name) {
            for (int i = 0; i < params.size(); i++) {
                if (params.get(i).name().equals(name)) {
                    return i;
                }
            }
            return -1;
        }
    }

    record Param(String name, int start, int end) {
    }

    /** Builtins by name; several signatures for one name are overloads. */
    static final Map<String, List<Sig>> BUILTINS = new LinkedHashMap<>();
    /** String methods by name (the string itself is not a parameter). */
    static final Map<String, List<Sig>> STRING_METHODS = new LinkedHashMap<>();
    /** System module functions by {@code module.name}. */
    static final Map<String, List<Sig>> MODULES = new LinkedHashMap<>();

    static {
        Library.builtinDeclarations().forEach((name, d) -> put(BUILTINS, name, d));
        Library.stringMethodDeclarations().forEach((name, d) -> put(STRING_METHODS, name, d));
        for (String module : Library.systemModuleNames()) {
            Library.moduleDeclarations(module).forEach((name, d) -> put(MODULES, module + "." + name, d));
        }
    }

    private Signatures() {
    }

    private static void put(Map<String, List<Sig>> into, String key, Declaration d) {
        if (d instanceof Declaration.Function f) {
            into.put(key, f.overloads().stream().map(Signatures::of).toList());
        }
    }

    /** A declared signature as the editor shows it. */
    static Sig of(Signature s) {
        List<Param> params = new ArrayList<>();
        List<int[]> ranges = s.paramRanges();
        for (int i = 0; i < ranges.size(); i++) {
            params.add(new Param(s.params().get(i).name(), ranges.get(i)[0], ranges.get(i)[1]));
        }
        return new Sig(s.label(), s.doc(), List.copyOf(params), s.rest() != null);
    }

    // ---------------------------------------------------------------- hover and completion

    /** What a hover over a library name shows: each signature (or the constant's type) in a code block, then the doc. */
    static String markdown(String qualified, Declaration d) {
        StringBuilder sb = new StringBuilder("```\n");
        switch (d) {
            case Declaration.Function f -> f.overloads().forEach(s -> sb.append(s.label()).append('\n'));
            case Declaration.Constant c -> sb.append(qualified).append(": ").append(c.type().display()).append('\n');
            case Declaration.TypeName t -> sb.append("type ").append(qualified).append('\n');
        }
        sb.append("```\n\n");
        if (d instanceof Declaration.Function f && f.overloads().size() > 1) {
            f.overloads().forEach(s -> sb.append("- `").append(s.label()).append("`: ").append(s.doc()).append('\n'));
            return sb.toString().stripTrailing();
        }
        return sb.append(d.doc()).toString();
    }

    /** Completion items for the builtins whose names start with {@code prefix}, with signature and doc. */
    static List<CompletionItem> builtinCompletions(String prefix) {
        List<CompletionItem> out = new ArrayList<>();
        Library.builtinDeclarations().forEach((name, d) -> {
            if (name.startsWith(prefix)) {
                out.add(item(name, name, d));
            }
        });
        return out;
    }

    /** Completion items for the members of system module {@code module} starting with {@code prefix}. */
    static List<CompletionItem> memberCompletions(String module, String prefix) {
        List<CompletionItem> out = new ArrayList<>();
        Library.moduleDeclarations(module).forEach((name, d) -> {
            if (name.startsWith(prefix)) {
                out.add(item(name, module + "." + name, d));
            }
        });
        return out;
    }

    /** Completion items for the string methods starting with {@code prefix}. */
    static List<CompletionItem> stringMethodCompletions(String prefix) {
        List<CompletionItem> out = new ArrayList<>();
        Library.stringMethodDeclarations().forEach((name, d) -> {
            if (name.startsWith(prefix)) {
                out.add(item(name, "str." + name, d));
            }
        });
        return out;
    }

    private static CompletionItem item(String name, String qualified, Declaration d) {
        CompletionItem item = new CompletionItem(name);
        item.setKind(switch (d) {
            case Declaration.Function f -> qualified.startsWith("str.") ? CompletionItemKind.Method : CompletionItemKind.Function;
            case Declaration.Constant c -> CompletionItemKind.Constant;
            case Declaration.TypeName t -> CompletionItemKind.Class;
        });
        item.setDetail(d instanceof Declaration.Function f ? f.overloads().get(0).label()
                : d instanceof Declaration.Constant c ? qualified + ": " + c.type().display() : "type " + qualified);
        item.setDocumentation(new MarkupContent(MarkupKind.MARKDOWN, d.doc()));
        return item;
    }

    // ---------------------------------------------------------------- a document's own functions

    /**
     * Finds the parameters of a label {@code name(p: T = d, *rest) -> R} written from a document's declaration:
     * split at the commas between its parentheses that are outside brackets and strings.
     */
    static Sig parse(String label, String doc) {
        int open = label.indexOf('(');
        List<Param> params = new ArrayList<>();
        boolean variadic = false;
        int depth = 0;
        char quote = 0;
        int start = open + 1;
        int i = open + 1;
        for (; i < label.length(); i++) {
            char c = label.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
                depth--;
            } else if (depth == 0 && (c == ',' || c == ')')) {
                variadic |= addParam(label, start, i, params);
                start = i + 1;
                if (c == ')') {
                    break;
                }
            }
        }
        return new Sig(label, doc, List.copyOf(params), variadic);
    }

    private static boolean addParam(String label, int from, int to, List<Param> params) {
        while (from < to && label.charAt(from) == ' ') {
            from++;
        }
        if (from >= to) {
            return false;
        }
        int nameEnd = from;
        while (nameEnd < to && label.charAt(nameEnd) == '*') {
            nameEnd++;
        }
        while (nameEnd < to && (Character.isLetterOrDigit(label.charAt(nameEnd)) || label.charAt(nameEnd) == '_')) {
            nameEnd++;
        }
        String name = label.substring(from, nameEnd).replace("*", "");
        params.add(new Param(name, from, to));
        return label.charAt(from) == '*';
    }
}
