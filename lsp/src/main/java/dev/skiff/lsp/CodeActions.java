package dev.skiff.lsp;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.skiff.syntax.ConfigEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;

/**
 * Quick fixes for the compiler's diagnostics: "did you mean" replacements (undefined names, unknown
 * attributes and Kubernetes fields, enum values, module members) and "add the missing required fields" for
 * schema instances and Kubernetes objects.
 */
final class CodeActions {
    private static final Pattern DID_YOU_MEAN = Pattern.compile("did you mean `([^`]+)`\\?");
    private static final Pattern TICKED = Pattern.compile("`([^`]+)`");
    /** Per code, the message part that holds the misspelled word. */
    private static final Map<String, Pattern> WRONG = Map.of(
            "E0201", Pattern.compile("name `([^`]+)` is not defined"),
            "E0302", Pattern.compile("has no attribute `([^`]+)`"),
            "E0401", Pattern.compile("has no field `([^`]+)`"),
            "E0404", Pattern.compile("`([^`]+)` is not an allowed value"));
    private static final Pattern EXPECTED = Pattern.compile("expected `([^`]*\"[^`]*)`");
    private static final Pattern STRING = Pattern.compile("\"([^\"\\\\]*)\"");
    private static final Pattern MISSING = Pattern.compile(
            "requires the field `([^`]+)`|attribute `([^`]+)` of `[^`]+` is required");

    private CodeActions() {
    }

    /** The replacement a diagnostic's hints propose, or null. */
    static String suggestion(List<String> hints) {
        for (String h : hints) {
            Matcher m = DID_YOU_MEAN.matcher(h);
            if (m.find()) {
                return m.group(1);
            }
        }
        return null;
    }

    /** Puts the proposed replacement into the LSP diagnostic's {@code data}, for the code action to find. */
    static void attach(dev.skiff.diag.Diagnostic d, Diagnostic out) {
        for (dev.skiff.diag.Diagnostic.Fix fix : d.fixes()) {
            if (fix instanceof dev.skiff.diag.Diagnostic.Fix.Replace r) {
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("replacement", r.text());
                if (r.span() != null) {
                    data.put("start", r.span().start());
                    data.put("end", r.span().end());
                }
                out.setData(data);
                return;
            }
        }
        String s = suggestion(d.hints());
        if (s != null) {
            out.setData(Map.of("replacement", s));
        }
    }

    /** The exact range a fix in the diagnostic's data replaces, as offsets {start, end}; null when it has none. */
    private static int[] fixRange(Diagnostic d) {
        Object data = d.getData();
        if (data instanceof JsonElement json && json.isJsonObject() && json.getAsJsonObject().has("start")) {
            JsonObject o = json.getAsJsonObject();
            return new int[] {o.get("start").getAsInt(), o.get("end").getAsInt()};
        }
        if (data instanceof Map<?, ?> m && m.get("start") instanceof Number s && m.get("end") instanceof Number e) {
            return new int[] {s.intValue(), e.intValue()};
        }
        return null;
    }

    static List<CodeAction> actions(Analysis a, List<Diagnostic> diagnostics) {
        List<CodeAction> out = new ArrayList<>();
        for (Diagnostic d : diagnostics) {
            String code = d.getCode() == null ? "" : d.getCode().isLeft() ? d.getCode().getLeft()
                    : String.valueOf(d.getCode().getRight());
            didYouMean(a, d, code).ifPresent(out::add);
            if (code.equals("E0303") || code.equals("E0403")) {
                missingFields(a, d).ifPresent(out::add);
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- did you mean

    private static String replacement(Diagnostic d) {
        Object data = d.getData();
        if (data instanceof JsonElement json && json.isJsonObject()) {
            JsonObject o = json.getAsJsonObject();
            if (o.has("replacement") && o.get("replacement").isJsonPrimitive()) {
                return o.get("replacement").getAsString();
            }
        } else if (data instanceof Map<?, ?> m && m.get("replacement") instanceof String s) {
            return s;
        }
        return d.getMessage() == null ? null : suggestion(d.getMessage().lines().toList());
    }

    private static Optional<CodeAction> didYouMean(Analysis a, Diagnostic d, String code) {
        if (d.getRange() == null || d.getMessage() == null) {
            return Optional.empty();
        }
        String text = a.file.text();
        int start = Positions.offset(a.file, d.getRange().getStart());
        int end = Math.max(start, Positions.offset(a.file, d.getRange().getEnd()));
        List<String> words = new ArrayList<>();
        String replacement = replacement(d);
        int[] exact = fixRange(d);
        if (replacement != null && exact != null && exact[1] <= text.length()) {
            String was = text.substring(exact[0], exact[1]);
            Range range = new Range(Positions.position(a.file, exact[0]), Positions.position(a.file, exact[1]));
            CodeAction action = new CodeAction("Change `" + was + "` to `" + replacement + "`");
            action.setKind(CodeActionKind.QuickFix);
            action.setDiagnostics(List.of(d));
            action.setIsPreferred(true);
            action.setEdit(new WorkspaceEdit(Map.of(a.uri, List.of(new TextEdit(range, replacement)))));
            return Optional.of(action);
        }
        if (replacement == null) {
            // a string outside a union of literals (`expected `"A" | "B"``): the closest literal
            Matcher expected = EXPECTED.matcher(d.getMessage());
            if (!expected.find()) {
                return Optional.empty();
            }
            List<String> alternatives = new ArrayList<>();
            Matcher lit = STRING.matcher(expected.group(1));
            while (lit.find()) {
                alternatives.add(lit.group(1));
            }
            int lineEnd = text.indexOf('\n', end);
            Matcher found = STRING.matcher(text.substring(start, lineEnd < 0 ? text.length() : lineEnd));
            while (found.find() && replacement == null) {
                if (!alternatives.contains(found.group(1))) {
                    replacement = dev.skiff.diag.Suggestions.closest(found.group(1), alternatives);
                    words.add(found.group(1));
                }
            }
            if (replacement == null) {
                return Optional.empty();
            }
        }
        // the misspelled word: from the message when its shape is known, else any ticked word of the message
        Pattern known = WRONG.get(code);
        if (known != null) {
            Matcher m = known.matcher(d.getMessage());
            if (m.find()) {
                words.add(m.group(1));
            }
        }
        Matcher t = TICKED.matcher(d.getMessage().lines().findFirst().orElse(""));
        while (t.find()) {
            String w = t.group(1);
            int dot = w.lastIndexOf('.');
            words.add(w);
            if (dot >= 0) {
                words.add(w.substring(dot + 1));
            }
        }
        // search the diagnostic's range, then the rest of its last line (an enum value follows its key)
        int lineEnd = text.indexOf('\n', end);
        int limit = lineEnd < 0 ? text.length() : lineEnd;
        for (String w : words) {
            if (w.equals(replacement) || w.isEmpty()) {
                continue;
            }
            int at = wordAt(text, w, start, limit);
            if (at >= 0) {
                Range range = new Range(Positions.position(a.file, at), Positions.position(a.file, at + w.length()));
                CodeAction action = new CodeAction("Change `" + w + "` to `" + replacement + "`");
                action.setKind(CodeActionKind.QuickFix);
                action.setDiagnostics(List.of(d));
                action.setIsPreferred(true);
                action.setEdit(new WorkspaceEdit(Map.of(a.uri, List.of(new TextEdit(range, replacement)))));
                return Optional.of(action);
            }
        }
        return Optional.empty();
    }

    /** The first occurrence of {@code w} in {@code [from, to)} not inside a longer identifier, or -1. */
    private static int wordAt(String text, String w, int from, int to) {
        for (int i = text.indexOf(w, from); i >= 0 && i + w.length() <= to; i = text.indexOf(w, i + 1)) {
            boolean before = i > 0 && isIdent(text.charAt(i - 1));
            boolean after = i + w.length() < text.length() && isIdent(text.charAt(i + w.length()));
            if (!before && !after) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isIdent(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    // ---------------------------------------------------------------- missing required fields

    private static Optional<CodeAction> missingFields(Analysis a, Diagnostic d) {
        String field = null;
        Matcher m = MISSING.matcher(d.getMessage());
        if (m.find()) {
            field = m.group(1) != null ? m.group(1) : m.group(2);
        }
        int start = d.getRange() == null ? 0 : Positions.offset(a.file, d.getRange().getStart());
        ConfigWalker.Visit best = null;
        long bestScore = Long.MAX_VALUE;
        for (ConfigWalker.Visit v : ConfigWalker.configs(a)) {
            List<SchemaInfo.Attr> missing = v.missing();
            String f = field;
            if (missing.isEmpty() || f != null && missing.stream().noneMatch(x -> x.name().equals(f))) {
                continue;
            }
            int cs = v.config().span().start();
            int ce = v.config().span().end();
            // the literal right after the diagnostic's start (a key's value, an instance's config), else the
            // innermost literal around it
            long score = cs >= start ? cs - start : ce >= start ? (1L << 40) + (ce - cs) : Long.MAX_VALUE - 1;
            if (score < bestScore) {
                bestScore = score;
                best = v;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        TextEdit edit = insertion(a, best);
        CodeAction action = new CodeAction(best.missing().size() == 1
                ? "Add the missing required field `" + best.missing().get(0).name() + "`"
                : "Add the missing required fields");
        action.setKind(CodeActionKind.QuickFix);
        action.setDiagnostics(List.of(d));
        action.setEdit(new WorkspaceEdit(Map.of(a.uri, List.of(edit))));
        return Optional.of(action);
    }

    /** Lines {@code field = placeholder} for each missing field, indented like the literal's entries. */
    static TextEdit insertion(Analysis a, ConfigWalker.Visit v) {
        String text = a.file.text();
        Map<String, String> fields = new LinkedHashMap<>();
        for (SchemaInfo.Attr at : v.missing()) {
            fields.put(at.name(), placeholder(at, v.schema()));
        }
        int open = v.config().span().start();
        int close = v.config().span().end() - 1;
        while (close > open && text.charAt(close) != '}') {
            close--;
        }
        List<ConfigEntry> entries = v.config().entries();
        boolean oneLine = text.substring(open, close).indexOf('\n') < 0;
        List<String> lines = new ArrayList<>();
        fields.forEach((k, val) -> lines.add(k + " = " + val));
        if (oneLine) {
            String sep = entries.isEmpty() ? "" : ", ";
            int at = close;
            while (at > open + 1 && text.charAt(at - 1) == ' ') {
                at--;
            }
            Position p = Positions.position(a.file, at);
            return new TextEdit(new Range(p, p), sep + String.join(", ", lines));
        }
        String indent;
        int insertAt;
        if (entries.isEmpty()) {
            indent = indentOf(text, open) + unit(text);
            insertAt = open + 1;
        } else {
            ConfigEntry first = entries.get(0);
            ConfigEntry last = entries.get(entries.size() - 1);
            indent = indentOf(text, first.span().start());
            insertAt = last.span().end();
        }
        StringBuilder sb = new StringBuilder();
        for (String line : lines) {
            sb.append('\n').append(indent).append(line);
        }
        Position p = Positions.position(a.file, insertAt);
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

    /** A value of the attribute's type: {@code ""}, {@code 0}, {@code []}, {@code {}}, the first enum value. */
    static String placeholder(SchemaInfo.Attr at, SchemaInfo owner) {
        if (!at.values().isEmpty()) {
            return "\"" + at.values().get(0) + "\"";
        }
        String t = at.type() == null ? "any" : at.type().strip();
        if (owner.attrSchema(at.name()).isPresent() && !t.startsWith("[") && !t.startsWith("list of")
                && !t.startsWith("{") && !t.startsWith("map of")) {
            return "{}";
        }
        if (t.startsWith("[") || t.startsWith("list of")) {
            return "[]";
        }
        if (t.startsWith("{") || t.startsWith("map of")) {
            return "{}";
        }
        return switch (t) {
            case "str", "string", "date-time string", "quantity", "int-or-string" -> "\"\"";
            case "int", "int32", "int64", "float", "number" -> "0";
            case "bool", "boolean" -> "False";
            case "any" -> "None";
            default -> t.startsWith("\"") ? t.substring(0, t.indexOf('"', 1) + 1) : "{}";
        };
    }
}
