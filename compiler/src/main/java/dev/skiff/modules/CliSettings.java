package dev.skiff.modules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.skiff.diag.Code;
import dev.skiff.diag.Diagnostic;
import dev.skiff.diag.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * KCL's settings files ({@code kcl run -Y settings.yaml}), so a KCL project's scripts work unchanged:
 * {@code kcl_cli_configs} (the input {@code file}s or {@code files}, {@code disable_none}, {@code sort_keys},
 * {@code overrides}, {@code path_selector}, {@code output}, and {@code debug} and
 * {@code strict_range_check}, which Skiff accepts and needs not) and {@code kcl_options} (a list of
 * {@code key}/{@code value} pairs whose values may be any YAML value). Several files merge in order, the
 * later one winning for each setting and each option.
 *
 * @param files     input files, resolved against the directory of the settings file that named them
 * @param options   option values, as plain data (strings, numbers, lists, maps, null), in order
 * @param disableNone {@code disable_none}, or null when no file sets it
 * @param sortKeys  {@code sort_keys}, or null
 * @param overrides {@code overrides} ({@code path=value})
 * @param selectors {@code path_selector}
 * @param output    {@code output}, or null
 */
public record CliSettings(List<Path> files, Map<String, Object> options, Boolean disableNone, Boolean sortKeys,
                          List<String> overrides, List<String> selectors, Path output) {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    public CliSettings {
        files = List.copyOf(files);
        options = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(options));
        overrides = List.copyOf(overrides);
        selectors = List.copyOf(selectors);
    }

    public static CliSettings none() {
        return new CliSettings(List.of(), Map.of(), null, null, List.of(), List.of(), null);
    }

    /** The settings file {@code kcl run} reads in a directory without being told: its {@code kcl.yaml}. */
    public static final String DEFAULT_FILE = "kcl.yaml";

    /**
     * The settings file a run of {@code inputs} (none: the working directory; one directory: that directory) reads
     * by default: the directory's {@link #DEFAULT_FILE}, or null when there is none or files are named.
     */
    public static Path defaultIn(List<Path> inputs, Path workDir) {
        Path dir = inputs.isEmpty() ? workDir : inputs.size() == 1 ? workDir.resolve(inputs.get(0)) : null;
        if (dir == null || !Files.isDirectory(dir) || !Files.isRegularFile(dir.resolve(DEFAULT_FILE))) {
            return null;
        }
        return dir.resolve(DEFAULT_FILE).normalize();
    }

    /** Reads and merges the settings files; a missing or malformed file is a diagnostic. */
    public static Result<CliSettings> read(List<Path> settingsFiles) {
        List<Path> files = new ArrayList<>();
        Map<String, Object> options = new LinkedHashMap<>();
        Boolean disableNone = null;
        Boolean sortKeys = null;
        List<String> overrides = new ArrayList<>();
        List<String> selectors = new ArrayList<>();
        Path output = null;
        List<Diagnostic> problems = new ArrayList<>();
        for (Path settings : settingsFiles) {
            JsonNode doc;
            try {
                doc = YAML.readTree(Files.readString(settings));
            } catch (IOException | RuntimeException e) {
                String why = e instanceof java.nio.file.NoSuchFileException ? "no such file"
                        : String.valueOf(e.getMessage()).lines().findFirst().orElse("");
                problems.add(Diagnostic.error(Code.E0206, null, "cannot read the settings file `" + settings + "`: " + why));
                continue;
            }
            if (doc == null || doc.isMissingNode() || doc.isNull()) {
                continue;
            }
            String invalid = invalidFormat(doc);
            if (invalid != null) {
                // as KCL: a settings file that is not a mapping of these sections is refused, not half read
                problems.add(Diagnostic.error(Code.E0206, null, "cannot read the settings file `" + settings
                        + "`: invalid setting file format (" + invalid + ")"));
                continue;
            }
            Path base = settings.toAbsolutePath().normalize().getParent();
            JsonNode cli = doc.path("kcl_cli_configs");
            JsonNode named = cli.has("files") ? cli.path("files") : cli.path("file");
            if (named.isArray() && !named.isEmpty()) {
                files.clear(); // a later file's inputs replace an earlier file's
                for (JsonNode f : named) {
                    files.add(resolve(base, f.asText()));
                }
            }
            if (cli.has("disable_none")) {
                disableNone = cli.path("disable_none").asBoolean();
            }
            if (cli.has("sort_keys")) {
                sortKeys = cli.path("sort_keys").asBoolean();
            }
            cli.path("overrides").forEach(o -> overrides.add(o.asText()));
            cli.path("path_selector").forEach(o -> selectors.add(o.asText()));
            if (cli.path("output").isTextual()) {
                output = resolve(base, cli.path("output").asText());
            }
            for (JsonNode o : doc.path("kcl_options")) {
                if (o.path("key").isTextual()) {
                    options.put(o.path("key").asText(), plain(o.get("value")));
                }
            }
        }
        return Result.of(new CliSettings(files, options, disableNone, sortKeys, overrides, selectors, output), problems);
    }

    /** What makes {@code doc} no settings file, or null when it is one. */
    private static String invalidFormat(JsonNode doc) {
        if (!doc.isObject()) {
            return "expected a mapping with `kcl_cli_configs` and `kcl_options`";
        }
        if (doc.has("kcl_cli_configs") && !doc.get("kcl_cli_configs").isObject() && !doc.get("kcl_cli_configs").isNull()) {
            return "`kcl_cli_configs` must be a mapping";
        }
        JsonNode options = doc.get("kcl_options");
        if (options != null && !options.isNull()) {
            if (!options.isArray()) {
                return "`kcl_options` must be a list of `key`/`value` pairs";
            }
            for (JsonNode o : options) {
                if (!o.isObject() || !o.path("key").isTextual()) {
                    return "each item of `kcl_options` must be a mapping with a `key`";
                }
            }
        }
        return null;
    }

    /** {@code ${KCL_MOD}} names the root of the project the settings file is in, as KCL has it. */
    private static Path resolve(Path base, String text) {
        if (text.startsWith("${KCL_MOD}")) {
            Path root = Project.discover(base).value().root();
            return Path.of(root + text.substring("${KCL_MOD}".length())).normalize();
        }
        return base.resolve(text).normalize();
    }

    private static Object plain(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return null;
        }
        if (n.isArray()) {
            List<Object> out = new ArrayList<>();
            n.forEach(x -> out.add(plain(x)));
            return out;
        }
        if (n.isObject()) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                out.put(e.getKey(), plain(e.getValue()));
            }
            return out;
        }
        if (n.isBoolean()) {
            return n.asBoolean();
        }
        if (n.isIntegralNumber()) {
            return n.asLong();
        }
        if (n.isNumber()) {
            return n.asDouble();
        }
        return n.asText();
    }

    /**
     * An option value as {@code -D} would write it, so that it reads back as the same value: data as JSON, a
     * string quoted when it would otherwise read as something else.
     */
    public static String asArgument(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof String s) {
            String t = s.strip();
            boolean ambiguous = t.isEmpty() || t.matches("True|true|False|false|None|null|[-+]?[\\d.].*")
                    || t.startsWith("[") || t.startsWith("{") || t.startsWith("\"") || t.startsWith("'") || !t.equals(s);
            return ambiguous ? "\"" + s + "\"" : s;
        }
        try {
            return new ObjectMapper().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return String.valueOf(value);
        }
    }
}
