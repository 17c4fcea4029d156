package dev.skiff.cli;

import dev.skiff.diag.Code;
import dev.skiff.diag.Diagnostic;
import dev.skiff.emit.DataReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A YAML stream of Kubernetes objects as an engine writes it ({@code helm template}, {@code kubectl get -o yaml}),
 * read document by document so that each object keeps where it came from: its line in the stream and the
 * template Helm names (Helm 3 in a {@code # Source:} comment, Helm 4 in an annotation). Those places go into every message about the object,
 * since the stream itself is gone once the engine has moved on.
 */
record ObjectStream(List<Entry> entries, List<Diagnostic> problems) {
    private static final Pattern SEPARATOR = Pattern.compile("^---(?:[ \\t].*)?$");
    private static final Pattern SOURCE = Pattern.compile("^#\\s*Source:\\s*(.+?)\\s*$");
    /** Where Helm 4 records an object's template (it sends post-renderers no comments). */
    static final String HELM_FILENAME = "postrenderer.helm.sh/postrender-filename";

    /** One object, the line its document starts on (1-based) and Helm's template name, or null. */
    record Entry(Map<String, Object> object, int line, String source) {
        /** Where the object came from, for messages: {@code templates/deployment.yaml} or {@code line 12}. */
        String where() {
            return source != null ? source : "line " + line;
        }
    }

    /** Reads {@code text}; documents that are empty or only comments are skipped, as Helm and kubectl do. */
    static ObjectStream read(String text) {
        List<Entry> entries = new ArrayList<>();
        List<Diagnostic> problems = new ArrayList<>();
        List<String> lines = text.lines().toList();
        int start = 0;
        for (int i = 0; i <= lines.size(); i++) {
            if (i == lines.size() || SEPARATOR.matcher(lines.get(i)).matches()) {
                document(lines.subList(start, i), start + 1, entries, problems);
                start = i + 1;
            }
        }
        return new ObjectStream(List.copyOf(entries), List.copyOf(problems));
    }

    private static void document(List<String> lines, int firstLine, List<Entry> entries, List<Diagnostic> problems) {
        String source = null;
        int contentLine = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher m = SOURCE.matcher(line);
            if (m.matches()) {
                source = m.group(1);
            } else if (contentLine < 0 && !line.isBlank() && !line.stripLeading().startsWith("#")) {
                contentLine = firstLine + i;
            }
        }
        if (contentLine < 0) {
            return;
        }
        String where = source != null ? source + " (line " + contentLine + ")" : "line " + contentLine;
        List<Object> docs;
        try {
            docs = DataReader.readYamlStream(String.join("\n", lines));
        } catch (DataReader.ReadException e) {
            problems.add(Diagnostic.error(Code.E0413, null, "the document at " + where + " is not valid YAML: "
                    + e.getMessage()));
            return;
        }
        for (Object doc : docs) {
            if (doc == null) {
                continue;
            }
            if (!(doc instanceof Map<?, ?> map) || !(map.get("apiVersion") instanceof String)
                    || !(map.get("kind") instanceof String)) {
                problems.add(Diagnostic.error(Code.E0413, null, "the document at " + where
                        + " is not a Kubernetes object: it needs string `apiVersion` and `kind` fields"));
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> object = (Map<String, Object>) map;
            String template = object.get("metadata") instanceof Map<?, ?> meta
                    && meta.get("annotations") instanceof Map<?, ?> a && a.get(HELM_FILENAME) != null
                    ? String.valueOf(a.get(HELM_FILENAME)) : source;
            entries.add(new Entry(object, contentLine, template));
        }
    }

    List<Map<String, Object>> objects() {
        return entries.stream().map(Entry::object).toList();
    }
}
