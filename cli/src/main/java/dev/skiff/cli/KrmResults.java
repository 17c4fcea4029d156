package dev.skiff.cli;

import dev.skiff.diag.Diagnostic;
import dev.skiff.diag.Severity;
import dev.skiff.source.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Skiff's diagnostics as the {@code results} of a KRM function's output, as the KRM Functions Specification
 * defines them: a message and a severity, and where they apply, the object ({@code resourceRef}), the field
 * ({@code field.path}) and the file ({@code file.path}, {@code file.index}: the object's file in the package,
 * from the orchestrator's annotations, or the {@code .k} file a program error is in). The code goes into
 * {@code tags}; line and column, which the specification has no field for, lead the message.
 */
final class KrmResults {
    /** Where an orchestrator says an object's file is: the current annotation first, then the legacy one. */
    private static final List<String> PATH = List.of("internal.config.kubernetes.io/path", "config.kubernetes.io/path");
    private static final List<String> INDEX = List.of("internal.config.kubernetes.io/index", "config.kubernetes.io/index");

    private KrmResults() {
    }

    static List<Object> of(List<ObjectProgram.Finding> findings) {
        List<Object> out = new ArrayList<>();
        for (ObjectProgram.Finding f : findings) {
            out.add(result(f));
        }
        return out;
    }

    private static Map<String, Object> result(ObjectProgram.Finding f) {
        Diagnostic d = f.diagnostic();
        Map<String, Object> r = new LinkedHashMap<>();
        Span span = d.span();
        StringBuilder message = new StringBuilder();
        if (span != null) {
            message.append(span.file().name()).append(':').append(span.line()).append(':').append(span.column())
                    .append(": ");
        }
        message.append(d.message());
        for (String hint : d.hints()) {
            message.append(" (").append(hint).append(')');
        }
        r.put("message", message.toString());
        r.put("severity", d.severity() == Severity.ERROR ? "error" : d.severity() == Severity.WARNING ? "warning" : "info");
        if (f.object() != null) {
            Map<String, Object> ref = new LinkedHashMap<>();
            ref.put("apiVersion", f.object().get("apiVersion"));
            ref.put("kind", f.object().get("kind"));
            Map<?, ?> meta = f.object().get("metadata") instanceof Map<?, ?> m ? m : Map.of();
            if (meta.get("name") != null) {
                ref.put("name", meta.get("name"));
            }
            if (meta.get("namespace") != null) {
                ref.put("namespace", meta.get("namespace"));
            }
            r.put("resourceRef", ref);
            if (f.field() != null && !f.field().segments().isEmpty()) {
                r.put("field", Map.of("path", f.field().display()));
            }
        }
        Map<String, Object> file = file(f, span);
        if (file != null) {
            r.put("file", file);
        }
        r.put("tags", Map.of("code", d.code().id()));
        return r;
    }

    /** The object's file and index in the package (the orchestrator's annotations), else the program's file. */
    private static Map<String, Object> file(ObjectProgram.Finding f, Span span) {
        Map<?, ?> annotations = f.object() != null && f.object().get("metadata") instanceof Map<?, ?> m
                && m.get("annotations") instanceof Map<?, ?> a ? a : Map.of();
        Object path = first(annotations, PATH);
        if (path != null) {
            Map<String, Object> file = new LinkedHashMap<>();
            file.put("path", String.valueOf(path));
            Object index = first(annotations, INDEX);
            if (index != null && String.valueOf(index).matches("\\d+")) {
                file.put("index", Long.parseLong(String.valueOf(index)));
            }
            return file;
        }
        if (span != null) {
            return Map.of("path", span.file().name());
        }
        return null;
    }

    private static Object first(Map<?, ?> annotations, List<String> keys) {
        for (String k : keys) {
            if (annotations.get(k) != null) {
                return annotations.get(k);
            }
        }
        return null;
    }
}
