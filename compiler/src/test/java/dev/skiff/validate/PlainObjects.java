package dev.skiff.validate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small Kubernetes objects as plain data, for tests of validation and of the JSON Schemas. */
public final class PlainObjects {
    private PlainObjects() {
    }

    /** A dict literal: keys and values alternate; order is kept and values may be null. */
    public static Map<String, Object> obj(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    public static List<Object> list(Object... items) {
        return new ArrayList<>(Arrays.asList(items));
    }

    public static Map<String, Object> container(Object... extra) {
        Map<String, Object> c = obj("name", "web", "image", "nginx:1.27");
        c.putAll(obj(extra));
        return c;
    }

    public static Map<String, Object> deployment(Map<String, Object> container) {
        return obj("apiVersion", "apps/v1", "kind", "Deployment",
                "metadata", obj("name", "web", "labels", obj("app", "web")),
                "spec", obj("replicas", 2L,
                        "selector", obj("matchLabels", obj("app", "web")),
                        "template", obj("metadata", obj("labels", obj("app", "web")),
                                "spec", obj("containers", list(container)))));
    }

    public static Map<String, Object> service(Map<String, Object> spec) {
        return obj("apiVersion", "v1", "kind", "Service", "metadata", obj("name", "web"), "spec", spec);
    }
}
