package dev.skiff.imports;

import dev.skiff.diag.Code;
import dev.skiff.diag.Diagnostic;
import dev.skiff.diag.Result;
import dev.skiff.emit.DataReader;
import dev.skiff.k8s.SchemaRegistry;
import dev.skiff.source.Span;
import dev.skiff.source.SourceFile;
import dev.skiff.syntax.Formatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns Kubernetes manifests (a YAML stream, such as the output of {@code helm template} or
 * {@code kubectl get -o yaml}) into a Skiff program: each object becomes a top-level value typed by its
 * kind ({@code shop_deployment = apps.Deployment {…}}), with the imports it needs. Building the program
 * gives back the same objects, less what the API server fills in ({@code status}, {@code uid},
 * {@code managedFields}, …) and null fields, which mean "unset" to Kubernetes. Objects whose kind has no
 * schema (a CRD Skiff was not given) are kept as plain configs, with a warning.
 */
public final class ManifestImporter {
    private static final Pattern DOC_SEPARATOR = Pattern.compile("(?m)^---(?=[ \\t]|\\r?$)[^\\n]*(\\n|$)");
    private static final Pattern LOCATION = Pattern.compile("\\(line (\\d+), column (\\d+)\\)$");
    private static final Pattern NON_WORD = Pattern.compile("[^A-Za-z0-9]+");
    private static final Pattern CAMEL = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])");
    /** Metadata the API server sets; importing it would only pin values the server owns. */
    private static final List<String> SERVER_METADATA = List.of("uid", "resourceVersion", "generation",
            "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "managedFields", "selfLink");
    private static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

    private ManifestImporter() {
    }

    /** The program, and the objects it must build: the input's, less server-set fields and nulls. */
    public record Imported(String program, List<Map<String, Object>> objects) {
    }

    /** An object found in the input, ready to be written. */
    private record Item(Map<String, Object> object, List<String> comments, Span at) {
    }

    /**
     * The Skiff program for the objects of {@code inputs}, in order. Malformed YAML and documents that are
     * not objects are errors; kinds without a schema and dropped server-set fields are warnings.
     */
    public static Result<Imported> importYaml(List<SourceFile> inputs, SchemaRegistry registry) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<Item> items = new ArrayList<>();
        for (SourceFile file : inputs) {
            read(file, items, diagnostics);
        }
        if (diagnostics.stream().anyMatch(Diagnostic::isError)) {
            return Result.failed(diagnostics);
        }
        Writer writer = new Writer(registry, diagnostics);
        String program = writer.program(items);
        return Result.of(new Imported(program, writer.objects), diagnostics);
    }

    private static void read(SourceFile file, List<Item> items, List<Diagnostic> diagnostics) {
        String text = file.text();
        Matcher m = DOC_SEPARATOR.matcher(text);
        int start = 0;
        List<int[]> segments = new ArrayList<>();
        while (m.find()) {
            segments.add(new int[] {start, m.start()});
            start = m.end();
        }
        segments.add(new int[] {start, text.length()});
        for (int[] seg : segments) {
            String body = text.substring(seg[0], seg[1]);
            if (body.isBlank()) {
                continue;
            }
            List<Object> docs;
            try {
                docs = DataReader.readYamlStream(body);
            } catch (DataReader.ReadException e) {
                diagnostics.add(Diagnostic.error(Code.E0413, errorSpan(file, seg[0], body, e.getMessage()),
                        "this is not valid YAML: " + yamlProblem(e.getMessage())));
                continue;
            }
            Span at = Span.at(file, seg[0] + firstContent(body));
            List<String> comments = leadingComments(body);
            // where each document's parts are, so that the items of a `kind: List` are named at their own lines
            List<dev.skiff.k8s.YamlDocuments.Document> placed = dev.skiff.k8s.YamlDocuments.read(
                    SourceFile.ofString(file.name(), body)).value();
            for (int i = 0; i < docs.size(); i++) {
                dev.skiff.k8s.YamlNode node = placed.size() == docs.size() ? placed.get(i).node() : null;
                flatten(docs.get(i), comments, at, node, file, seg[0], items, diagnostics);
            }
        }
    }

    private static void flatten(Object doc, List<String> comments, Span at, dev.skiff.k8s.YamlNode node, SourceFile file,
                                int offset, List<Item> items, List<Diagnostic> diagnostics) {
        if (doc == null) {
            return;
        }
        if (!(doc instanceof Map<?, ?> map)) {
            diagnostics.add(Diagnostic.error(Code.E0413, at, "this document is not a Kubernetes object but a "
                    + (doc instanceof List<?> ? "list" : "scalar value"))
                    .withHint("each document of a manifest stream is a mapping with `apiVersion` and `kind`"));
            return;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> object = (Map<String, Object>) map;
        if (!(object.get("apiVersion") instanceof String) || !(object.get("kind") instanceof String kind)) {
            diagnostics.add(Diagnostic.error(Code.E0413, at, "this document has no "
                    + (object.get("apiVersion") instanceof String ? "`kind`" : "`apiVersion`"))
                    .withHint("each document of a manifest stream is a mapping with `apiVersion` and `kind`"));
            return;
        }
        if (kind.endsWith("List") && object.get("items") instanceof List<?> list) {
            dev.skiff.k8s.YamlNode placed = node == null ? null : node.fields().get("items");
            for (int i = 0; i < list.size(); i++) {
                dev.skiff.k8s.YamlNode itemNode = placed != null && i < placed.items().size() ? placed.items().get(i) : null;
                Span itemAt = itemNode == null ? at : Span.at(file, Math.min(file.length(), offset + itemNode.valueStart()));
                flatten(list.get(i), List.of(), itemAt, itemNode, file, offset, items, diagnostics);
            }
            return;
        }
        items.add(new Item(object, comments, at));
    }

    /** The parser's message without its own excerpts of the text (the diagnostic shows the line). */
    private static String yamlProblem(String message) {
        List<String> kept = new ArrayList<>();
        String[] lines = LOCATION.matcher(message).replaceFirst("").split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith(" in '")) {
                i += 2; // the excerpt and its caret
            } else if (!lines[i].isBlank()) {
                kept.add(lines[i].strip());
            }
        }
        return String.join("; ", kept);
    }

    private static Span errorSpan(SourceFile file, int segmentStart, String body, String message) {
        Matcher loc = LOCATION.matcher(message);
        if (loc.find()) {
            int line = Integer.parseInt(loc.group(1));
            int column = Integer.parseInt(loc.group(2));
            int offset = segmentStart;
            for (int l = 1; l < line && offset < file.length(); l++) {
                int nl = file.text().indexOf('\n', offset);
                offset = nl < 0 ? file.length() : nl + 1;
            }
            return Span.at(file, Math.min(file.length(), offset + Math.max(0, column - 1)));
        }
        return Span.at(file, segmentStart + firstContent(body));
    }

    private static int firstContent(String body) {
        int i = 0;
        while (i < body.length()) {
            int nl = body.indexOf('\n', i);
            String line = body.substring(i, nl < 0 ? body.length() : nl).strip();
            if (!line.isEmpty() && !line.startsWith("#")) {
                return i;
            }
            if (nl < 0) {
                break;
            }
            i = nl + 1;
        }
        return 0;
    }

    private static List<String> leadingComments(String body) {
        List<String> out = new ArrayList<>();
        for (String line : body.split("\n", -1)) {
            String s = line.strip();
            if (s.startsWith("#")) {
                out.add(s);
            } else if (!s.isEmpty()) {
                break;
            }
        }
        return out;
    }

    /** Writes the program: imports, then one assignment per object. */
    private static final class Writer {
        private final SchemaRegistry registry;
        private final List<Diagnostic> diagnostics;
        private final Map<SchemaRegistry.Gvk, String[]> typed = new LinkedHashMap<>();
        /** module path → alias, in the order first used. */
        private final Map<String, String> aliases = new LinkedHashMap<>();
        private final Set<String> names = new HashSet<>();
        private final List<Map<String, Object>> objects = new ArrayList<>();

        Writer(SchemaRegistry registry, List<Diagnostic> diagnostics) {
            this.registry = registry;
            this.diagnostics = diagnostics;
            for (Map.Entry<String, List<String>> e : registry.modulePaths().entrySet()) {
                if (!e.getKey().startsWith("k8s.api.") && !e.getKey().startsWith("crds.")) {
                    continue;
                }
                for (String type : e.getValue()) {
                    registry.member(e.getKey(), type).flatMap(t -> registry.gvkOf(t.name()))
                            .filter(g -> g.kind().equals(type))
                            .ifPresent(g -> typed.putIfAbsent(g, new String[] {e.getKey(), type}));
                }
            }
        }

        String program(List<Item> items) {
            StringBuilder body = new StringBuilder();
            for (Item item : items) {
                Map<String, Object> object = clean(item);
                objects.add(object);
                String apiVersion = (String) object.get("apiVersion");
                String kind = (String) object.get("kind");
                String[] type = typed.get(new SchemaRegistry.Gvk(apiVersion, kind));
                body.append('\n');
                for (String c : item.comments()) {
                    body.append(c).append('\n');
                }
                String name = variable(object, kind);
                if (type == null) {
                    diagnostics.add(Diagnostic.warning(Code.E0410, item.at(), "no schema is known for `" + kind
                            + "` of `" + apiVersion + "`: it is imported as an untyped config")
                            .withHint("give its CustomResourceDefinition with `--crd FILE` to import it typed"));
                    body.append(name).append(" = ").append(Values.config(object, 0)).append('\n');
                } else {
                    Map<String, Object> rest = new LinkedHashMap<>(object);
                    rest.remove("apiVersion");
                    rest.remove("kind");
                    body.append(name).append(" = ").append(alias(type[0])).append('.').append(type[1]).append(' ')
                            .append(Values.config(rest, 0)).append('\n');
                }
            }
            StringBuilder out = new StringBuilder();
            aliases.forEach((path, alias) -> out.append("import ").append(path).append(" as ").append(alias).append('\n'));
            out.append(body);
            String text = out.charAt(0) == '\n' ? out.substring(1) : out.toString();
            return Formatter.format(text);
        }

        private Map<String, Object> clean(Item item) {
            Map<String, Object> object = Values.copyOf(item.object());
            Values.dropNullCreationTimestamps(object);
            List<String> dropped = new ArrayList<>();
            if (object.remove("status") != null) {
                dropped.add("status");
            }
            if (object.get("metadata") instanceof Map<?, ?> meta) {
                @SuppressWarnings("unchecked")
                Map<String, Object> metadata = (Map<String, Object>) meta;
                for (String key : SERVER_METADATA) {
                    if (metadata.remove(key) != null) {
                        dropped.add("metadata." + key);
                    }
                }
                if (metadata.get("annotations") instanceof Map<?, ?> annotations && annotations.remove(LAST_APPLIED) != null) {
                    dropped.add("the last-applied-configuration annotation");
                    if (annotations.isEmpty()) {
                        metadata.remove("annotations");
                    }
                }
                if (metadata.isEmpty()) {
                    object.remove("metadata");
                }
            }
            List<String> hidden = new ArrayList<>();
            dropPrivate(object, "", hidden);
            if (!hidden.isEmpty()) {
                diagnostics.add(Diagnostic.warning(Code.E0415, item.at(), "left out " + String.join(", ", hidden)
                        + " of " + object.get("kind") + (name(object) == null ? "" : " `" + name(object) + "`")
                        + ": a key starting with `_` is private in Skiff, as in KCL, and never reaches the output")
                        .withHint("rename the key, or add it after the build"));
            }
            if (!dropped.isEmpty()) {
                diagnostics.add(Diagnostic.warning(Code.E0414, item.at(), "left out what the API server sets on "
                        + object.get("kind") + (name(object) == null ? "" : " `" + name(object) + "`") + ": "
                        + String.join(", ", dropped)));
            }
            return object;
        }

        private static void dropPrivate(Object value, String path, List<String> hidden) {
            if (value instanceof Map<?, ?> m) {
                for (var it = m.entrySet().iterator(); it.hasNext(); ) {
                    var e = it.next();
                    String key = String.valueOf(e.getKey());
                    String at = path.isEmpty() ? key : path + "." + key;
                    if (key.startsWith("_")) {
                        hidden.add("`" + at + "`");
                        it.remove();
                    } else {
                        dropPrivate(e.getValue(), at, hidden);
                    }
                }
            } else if (value instanceof List<?> l) {
                for (int i = 0; i < l.size(); i++) {
                    dropPrivate(l.get(i), path + "[" + i + "]", hidden);
                }
            }
        }

        private static String name(Map<String, Object> object) {
            return object.get("metadata") instanceof Map<?, ?> m && m.get("name") instanceof String s ? s : null;
        }

        private String alias(String modulePath) {
            String known = aliases.get(modulePath);
            if (known != null) {
                return known;
            }
            String[] parts = modulePath.split("\\.");
            String version = parts[parts.length - 1];
            String group = modulePath.startsWith("crds.") ? parts[1] : parts[parts.length - 2];
            String alias = NON_WORD.matcher(group).replaceAll("");
            if (alias.isEmpty() || !Character.isLetter(alias.charAt(0)) || aliases.containsValue(alias)
                    || Values.KEYWORDS.contains(alias)) {
                alias = alias + version;
            }
            String base = alias;
            for (int n = 2; aliases.containsValue(alias) || names.contains(alias); n++) {
                alias = base + n;
            }
            aliases.put(modulePath, alias);
            names.add(alias);
            return alias;
        }

        private String variable(Map<String, Object> object, String kind) {
            String kindPart = String.join("_", CAMEL.split(kind)).toLowerCase(Locale.ROOT);
            String name = object.get("metadata") instanceof Map<?, ?> meta && meta.get("name") instanceof String s ? s : "";
            String namePart = NON_WORD.matcher(name).replaceAll("_").replaceAll("^_+|_+$", "").toLowerCase(Locale.ROOT);
            String base = namePart.isEmpty() || !Character.isLetter(namePart.charAt(0))
                    ? kindPart + (namePart.isEmpty() ? "" : "_" + namePart)
                    : namePart + "_" + kindPart;
            String v = base;
            for (int n = 2; names.contains(v) || aliases.containsValue(v); n++) {
                v = base + "_" + n;
            }
            names.add(v);
            return v;
        }
    }
}
