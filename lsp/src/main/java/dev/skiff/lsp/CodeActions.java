package dev.skiff.lsp;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.skiff.syntax.ConfigEntry;
import dev.skiff.types.Occurrences;
import dev.skiff.types.SchemaType;
import dev.skiff.types.Type;
import dev.skiff.types.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;

/**
 * Quick fixes, read from the structured {@link dev.skiff.diag.Diagnostic.Fix}es the compiler attaches to its
 * diagnostics (carried to the editor in each diagnostic's {@code data}): replacing a misspelt name, attribute,
 * field or value with the one it is closest to, and adding the required attributes an instance lacks. No
 * message text is read.
 */
final class CodeActions {
    private CodeActions() {
    }

    /** Puts a diagnostic's fixes into the LSP diagnostic's {@code data}, for the code action request. */
    static void attach(dev.skiff.diag.Diagnostic d, Diagnostic out) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (dev.skiff.diag.Diagnostic.Fix fix : d.fixes()) {
            switch (fix) {
                case dev.skiff.diag.Diagnostic.Fix.Replace r -> {
                    data.put("replacement", r.text());
                    data.put("found", r.found());
                    if (r.span() != null) {
                        data.put("start", r.span().start());
                        data.put("end", r.span().end());
                    }
                }
                case dev.skiff.diag.Diagnostic.Fix.AddAttributes a -> data.put("missing", a.names());
            }
        }
        if (!data.isEmpty()) {
            out.setData(data);
        }
    }

    static List<CodeAction> actions(DocumentAnalysis a, List<Diagnostic> diagnostics) {
        List<CodeAction> out = new ArrayList<>();
        for (Diagnostic d : diagnostics) {
            Map<String, Object> data = data(d);
            if (data.get("replacement") instanceof String replacement) {
                replace(a, d, replacement, data).ifPresent(out::add);
            }
            if (data.get("missing") instanceof List<?> missing && !missing.isEmpty()) {
                addMissing(a, d, missing.stream().map(String::valueOf).toList()).ifPresent(out::add);
            }
        }
        return out;
    }

    /** The diagnostic's data as plain values, whether it arrived as JSON or as the map it was sent as. */
    private static Map<String, Object> data(Diagnostic d) {
        Map<String, Object> out = new LinkedHashMap<>();
        Object data = d.getData();
        if (data instanceof JsonElement json && json.isJsonObject()) {
            JsonObject o = json.getAsJsonObject();
            for (String k : o.keySet()) {
                JsonElement v = o.get(k);
                if (v.isJsonArray()) {
                    List<String> items = new ArrayList<>();
                    for (JsonElement e : (JsonArray) v) {
                        items.add(e.getAsString());
                    }
                    out.put(k, items);
                } else if (v.isJsonPrimitive()) {
                    out.put(k, v.getAsJsonPrimitive().isNumber() ? (Object) v.getAsInt() : v.getAsString());
                }
            }
        } else if (data instanceof Map<?, ?> m) {
            m.forEach((k, v) -> out.put(String.valueOf(k), v instanceof Number n ? (Object) n.intValue() : v));
        }
        return out;
    }

    // ---------------------------------------------------------------- replacements

    private static Optional<CodeAction> replace(DocumentAnalysis a, Diagnostic d, String replacement,
                                                Map<String, Object> data) {
        String text = a.text();
        int start;
        int end;
        if (data.get("start") instanceof Integer s && data.get("end") instanceof Integer e) {
            start = s;
            end = e;
        } else {
            if (d.getRange() == null) {
                return Optional.empty();
            }
            int from = Positions.offset(a.file(), d.getRange().getStart());
            int to = Math.max(from, Positions.offset(a.file(), d.getRange().getEnd()));
            String found = data.get("found") instanceof String f ? f : null;
            if (found == null || found.isEmpty()) {
                start = from;
                end = to;
            } else {
                int at = lastWord(text, found, from, to);
                if (at < 0) {
                    return Optional.empty();
                }
                start = at;
                end = at + found.length();
            }
        }
        if (start < 0 || end > text.length() || start > end) {
            return Optional.empty();
        }
        String was = text.substring(start, end);
        Range range = new Range(Positions.position(a.file(), start), Positions.position(a.file(), end));
        CodeAction action = new CodeAction("Change `" + was + "` to `" + replacement + "`");
        action.setKind(CodeActionKind.QuickFix);
        action.setDiagnostics(List.of(d));
        action.setIsPreferred(true);
        action.setEdit(new WorkspaceEdit(Map.of(a.uri(), List.of(new TextEdit(range, replacement)))));
        return Optional.of(action);
    }

    /** The last occurrence of {@code w} in {@code [from, to)} not inside a longer identifier, or -1. */
    private static int lastWord(String text, String w, int from, int to) {
        int found = -1;
        for (int i = text.indexOf(w, from); i >= 0 && i + w.length() <= to; i = text.indexOf(w, i + 1)) {
            boolean before = i > 0 && isIdent(text.charAt(i - 1)) && isIdent(w.charAt(0));
            boolean after = i + w.length() < text.length() && isIdent(text.charAt(i + w.length()))
                    && isIdent(w.charAt(w.length() - 1));
            if (!before && !after) {
                found = i;
            }
        }
        return found;
    }

    private static boolean isIdent(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    // ---------------------------------------------------------------- missing required attributes

    private static Optional<CodeAction> addMissing(DocumentAnalysis a, Diagnostic d, List<String> names) {
        if (!a.available()) {
            return Optional.empty();
        }
        int start = d.getRange() == null ? 0 : Positions.offset(a.file(), d.getRange().getStart());
        Occurrences.Config best = null;
        long bestScore = Long.MAX_VALUE;
        for (Occurrences.Config c : a.occurrences().configs(a.file())) {
            if (names.stream().anyMatch(n -> c.schema().attribute(n) == null)) {
                continue;
            }
            int cs = c.literal().span().start();
            int ce = c.literal().span().end();
            // the literal right after the diagnostic's start (a key's value, an instance's config), else the
            // innermost literal around it
            long score = cs >= start ? cs - start : ce >= start ? (1L << 40) + (ce - cs) : Long.MAX_VALUE - 1;
            if (score < bestScore) {
                bestScore = score;
                best = c;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String n : names) {
            fields.put(n, placeholder(best.schema().attribute(n)));
        }
        TextEdit edit = insertion(a, best, fields);
        CodeAction action = new CodeAction(names.size() == 1 ? "Add the missing required field `" + names.get(0) + "`"
                : "Add the missing required fields");
        action.setKind(CodeActionKind.QuickFix);
        action.setDiagnostics(List.of(d));
        action.setEdit(new WorkspaceEdit(Map.of(a.uri(), List.of(edit))));
        return Optional.of(action);
    }

    /** Lines {@code field = placeholder} for each missing field, indented like the literal's entries. */
    static TextEdit insertion(DocumentAnalysis a, Occurrences.Config c, Map<String, String> fields) {
        String text = a.text();
        int open = c.literal().span().start();
        int close = c.literal().span().end() - 1;
        while (close > open && text.charAt(close) != '}') {
            close--;
        }
        List<ConfigEntry> entries = c.literal().entries();
        boolean oneLine = text.substring(open, close).indexOf('\n') < 0;
        List<String> lines = new ArrayList<>();
        fields.forEach((k, val) -> lines.add(k + " = " + val));
        if (oneLine) {
            String sep = entries.isEmpty() ? "" : ", ";
            int at = close;
            while (at > open + 1 && text.charAt(at - 1) == ' ') {
                at--;
            }
            Position p = Positions.position(a.file(), at);
            return new TextEdit(new Range(p, p), sep + String.join(", ", lines));
        }
        String indent;
        int insertAt;
        if (entries.isEmpty()) {
            indent = indentOf(text, open) + unit(text);
            insertAt = open + 1;
        } else {
            indent = indentOf(text, entries.get(0).span().start());
            insertAt = entries.get(entries.size() - 1).span().end();
        }
        StringBuilder sb = new StringBuilder();
        for (String line : lines) {
            sb.append('\n').append(indent).append(line);
        }
        Position p = Positions.position(a.file(), insertAt);
        return new TextEdit(new Range(p, p), sb.toString());
    }

    private static String indentOf(String text, int offset) {
        int lineStart = text.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
        int i = lineStart;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return text.substring(lineStart, i);
    }

    /** The file's indentation unit: a tab, or the smallest run of leading spaces (four by default). */
    private static String unit(String text) {
        int smallest = Integer.MAX_VALUE;
        for (String line : text.split("\n")) {
            if (line.startsWith("\t")) {
                return "\t";
            }
            int n = 0;
            while (n < line.length() && line.charAt(n) == ' ') {
                n++;
            }
            if (n > 0 && n < line.length()) {
                smallest = Math.min(smallest, n);
            }
        }
        return " ".repeat(smallest == Integer.MAX_VALUE ? 4 : smallest);
    }

    /** A value of the attribute's type: {@code ""}, {@code 0}, {@code []}, {@code {}}, the first allowed literal. */
    static String placeholder(SchemaType.Attribute at) {
        List<Type.Literal> literals = Types.literals(at.type());
        if (!literals.isEmpty()) {
            return literals.get(0).display();
        }
        return switch (Type.unrefined(at.type())) {
            case Type.Schema s -> "{}";
            case Type.ListOf l -> "[]";
            case Type.DictOf m -> "{}";
            case Type.Str s -> "\"\"";
            case Type.Int i -> "0";
            case Type.Float f -> "0";
            case Type.Bool b -> "False";
            case Type.Union u -> u.members().stream().anyMatch(m -> m instanceof Type.Str) ? "\"\"" : "None";
            default -> "None";
        };
    }
}
