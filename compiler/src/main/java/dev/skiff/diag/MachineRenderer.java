package dev.skiff.diag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.skiff.source.Span;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders diagnostics for tools: Skiff's own JSON, SARIF 2.1.0 (code-scanning services) and GitHub
 * Actions workflow commands (annotations on pull requests). Positions are 1-based lines and columns; ends
 * are exclusive columns, as SARIF counts them.
 */
public final class MachineRenderer {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private MachineRenderer() {
    }

    /**
     * {@code {"diagnostics": [{"file", "line", "column", "endLine", "endColumn", "severity", "code", "slug",
     * "message", "labels": [...], "hints": [...]}], "errors": n, "warnings": n}}.
     */
    public static String json(List<Diagnostic> diagnostics) {
        List<Object> list = new ArrayList<>();
        int errors = 0;
        int warnings = 0;
        for (Diagnostic d : diagnostics) {
            Map<String, Object> m = new LinkedHashMap<>();
            position(d.span(), m);
            m.put("severity", d.severity().label());
            m.put("code", d.code().id());
            m.put("slug", d.code().slug());
            m.put("message", d.message());
            List<Object> labels = new ArrayList<>();
            for (Label l : d.labels()) {
                Map<String, Object> lm = new LinkedHashMap<>();
                position(l.span(), lm);
                lm.put("message", l.message());
                labels.add(lm);
            }
            m.put("labels", labels);
            m.put("hints", d.hints());
            list.add(m);
            errors += d.severity() == Severity.ERROR ? 1 : 0;
            warnings += d.severity() == Severity.WARNING ? 1 : 0;
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("diagnostics", list);
        root.put("errors", errors);
        root.put("warnings", warnings);
        return write(root);
    }

    /** A SARIF 2.1.0 log with one run; every code Skiff used becomes a rule. */
    public static String sarif(List<Diagnostic> diagnostics, String toolVersion) {
        Set<Code> used = EnumSet.noneOf(Code.class);
        diagnostics.forEach(d -> used.add(d.code()));
        List<Object> rules = new ArrayList<>();
        List<Code> ruleOrder = new ArrayList<>(used);
        for (Code c : ruleOrder) {
            rules.add(Map.of("id", c.id(), "name", c.slug(),
                    "shortDescription", Map.of("text", c.summary())));
        }
        List<Object> results = new ArrayList<>();
        for (Diagnostic d : diagnostics) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("ruleId", d.code().id());
            r.put("ruleIndex", ruleOrder.indexOf(d.code()));
            r.put("level", switch (d.severity()) {
                case ERROR -> "error";
                case WARNING -> "warning";
                case INFO -> "note";
            });
            String text = d.message() + (d.hints().isEmpty() ? "" : " (" + String.join("; ", d.hints()) + ")");
            r.put("message", Map.of("text", text));
            if (d.span() != null) {
                r.put("locations", List.of(location(d.span(), null)));
            }
            List<Object> related = new ArrayList<>();
            for (int i = 0; i < d.labels().size(); i++) {
                Label l = d.labels().get(i);
                if (l.span() != null) {
                    Map<String, Object> loc = location(l.span(), l.message());
                    loc.put("id", i + 1);
                    related.add(loc);
                }
            }
            if (!related.isEmpty()) {
                r.put("relatedLocations", related);
            }
            results.add(r);
        }
        Map<String, Object> driver = new LinkedHashMap<>();
        driver.put("name", "skiff");
        driver.put("version", toolVersion);
        driver.put("informationUri", "https://github.com/skiff-lang/skiff");
        driver.put("rules", rules);
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("tool", Map.of("driver", driver));
        run.put("results", results);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        root.put("version", "2.1.0");
        root.put("runs", List.of(run));
        return write(root);
    }

    /** One {@code ::error file=…,line=…,col=…,title=…::message} line per diagnostic. */
    public static String github(List<Diagnostic> diagnostics) {
        StringBuilder sb = new StringBuilder();
        for (Diagnostic d : diagnostics) {
            sb.append("::").append(d.severity() == Severity.ERROR ? "error" : d.severity() == Severity.WARNING
                    ? "warning" : "notice");
            List<String> props = new ArrayList<>();
            Span s = d.span();
            if (s != null) {
                props.add("file=" + property(s.file().name()));
                props.add("line=" + s.line());
                props.add("col=" + s.column());
                Span end = endOf(s);
                props.add("endLine=" + end.line());
                props.add("endColumn=" + end.column());
            }
            props.add("title=" + property(d.code().id() + " " + d.code().slug()));
            sb.append(' ').append(String.join(",", props));
            String text = d.message() + (d.hints().isEmpty() ? "" : "\n" + String.join("\n", d.hints()));
            sb.append("::").append(data(text)).append('\n');
        }
        return sb.toString();
    }

    private static void position(Span s, Map<String, Object> m) {
        if (s == null) {
            m.put("file", null);
            return;
        }
        Span end = endOf(s);
        m.put("file", s.file().name());
        m.put("line", s.line());
        m.put("column", s.column());
        m.put("endLine", end.line());
        m.put("endColumn", end.column());
    }

    private static Span endOf(Span s) {
        return Span.at(s.file(), Math.max(s.start(), s.end()));
    }

    private static Map<String, Object> location(Span s, String message) {
        Span end = endOf(s);
        Map<String, Object> region = new LinkedHashMap<>();
        region.put("startLine", s.line());
        region.put("startColumn", s.column());
        region.put("endLine", end.line());
        region.put("endColumn", end.column());
        Map<String, Object> physical = new LinkedHashMap<>();
        physical.put("artifactLocation", Map.of("uri", s.file().name().replace('\\', '/')));
        physical.put("region", region);
        Map<String, Object> loc = new LinkedHashMap<>();
        loc.put("physicalLocation", physical);
        if (message != null) {
            loc.put("message", Map.of("text", message));
        }
        return loc;
    }

    private static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }

    private static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static String write(Object root) {
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("diagnostics cannot be written as JSON", e);
        }
    }
}
