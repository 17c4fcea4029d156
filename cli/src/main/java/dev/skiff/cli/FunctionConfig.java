package dev.skiff.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The program and parameters a KRM function's {@code functionConfig} names. Three shapes are read:
 * <ul>
 *   <li>{@code apiVersion: fn.skiff.dev/v1alpha1, kind: SkiffRun}, with {@code spec.source} (the program
 *       inline), or {@code spec.path} (a file or directory), and {@code spec.params};</li>
 *   <li>KCL's {@code krm.kcl.dev/v1alpha1 KCLRun}, the same fields, so KCL's function configs run unchanged
 *       where their {@code source} is inline or a local path;</li>
 *   <li>a {@code ConfigMap} (what {@code kpt fn eval -- key=value} makes), with {@code data.source} or
 *       {@code data.path}; its other entries are the parameters.</li>
 * </ul>
 * A program named on the command line wins over one in the config; the parameters still come from the config.
 *
 * @param program the program, or null when neither the config nor the command line names one (an error)
 * @param problem why the config cannot be used, or null
 */
record FunctionConfig(ObjectProgram.Source program, Map<String, Object> params, String problem) {
    static final String SKIFF_API_VERSION = "fn.skiff.dev/v1alpha1";
    /** The name inline programs are shown under in messages. */
    static final Path INLINE_NAME = Path.of("functionConfig.k");

    static FunctionConfig read(Object config, Path commandLineProgram) {
        ObjectProgram.Source given = commandLineProgram == null ? null : ObjectProgram.Source.file(commandLineProgram);
        if (config == null) {
            return given != null ? new FunctionConfig(given, Map.of(), null)
                    : new FunctionConfig(null, Map.of(), "the ResourceList has no `functionConfig`, and no program was "
                    + "named on the command line: give `spec.source` or `spec.path` in a `SkiffRun` config");
        }
        if (!(config instanceof Map<?, ?> map)) {
            return new FunctionConfig(given, Map.of(), "`functionConfig` is not an object");
        }
        String kind = String.valueOf(map.get("kind"));
        String apiVersion = String.valueOf(map.get("apiVersion"));
        Map<String, Object> fields;
        Map<String, Object> params = new LinkedHashMap<>();
        if (kind.equals("ConfigMap") && apiVersion.equals("v1")) {
            fields = strings(map.get("data"));
            fields.forEach((k, v) -> {
                if (!k.equals("source") && !k.equals("path")) {
                    params.put(k, v);
                }
            });
        } else if (kind.equals("SkiffRun") && apiVersion.equals(SKIFF_API_VERSION)
                || kind.equals("KCLRun") && apiVersion.equals("krm.kcl.dev/v1alpha1")) {
            fields = strings(map.get("spec"));
            if (map.get("spec") instanceof Map<?, ?> spec && spec.get("params") instanceof Map<?, ?> p) {
                p.forEach((k, v) -> params.put(String.valueOf(k), v));
            }
        } else if (given != null) {
            // the program comes from the command line; any other config is the program's to read
            return new FunctionConfig(given, Map.of(), null);
        } else {
            return new FunctionConfig(null, Map.of(), "`functionConfig` is a `" + kind + "` of `" + apiVersion
                    + "`; Skiff reads `SkiffRun` (" + SKIFF_API_VERSION + "), KCL's `KCLRun` or a `ConfigMap`");
        }
        if (given != null) {
            return new FunctionConfig(given, params, null);
        }
        Object source = fields.get("source");
        Object path = fields.get("path");
        if (source instanceof String s && path instanceof String) {
            return new FunctionConfig(null, params, "`functionConfig` gives both `source` and `path`: keep one");
        }
        if (path instanceof String p && !p.isBlank()) {
            return new FunctionConfig(ObjectProgram.Source.file(Path.of(p)), params, null);
        }
        if (source instanceof String s && !s.isBlank()) {
            if (s.matches("(?i)^(https?|oci|git)://\\S*$") || s.matches("^[\\w.-]+\\.[a-z]{2,}/\\S+:\\S+$")) {
                return new FunctionConfig(null, params, "`source` names a remote program (`" + s + "`); Skiff runs "
                        + "programs given inline or as a local `path`, and fetches nothing");
            }
            if (!s.contains("\n") && s.endsWith(".k")) {
                return new FunctionConfig(ObjectProgram.Source.file(Path.of(s)), params, null); // KCLRun's local path
            }
            return new FunctionConfig(ObjectProgram.Source.inline(INLINE_NAME, s), params, null);
        }
        return new FunctionConfig(null, params, "`functionConfig` (`" + kind + "`) has no program: give `source` (the "
                + "program inline) or `path` (a .k file or a directory)");
    }

    private static Map<String, Object> strings(Object o) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (o instanceof Map<?, ?> m) {
            m.forEach((k, v) -> out.put(String.valueOf(k), v));
        }
        return out;
    }
}
