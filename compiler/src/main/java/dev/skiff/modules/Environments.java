package dev.skiff.modules;

import dev.skiff.diag.Code;
import dev.skiff.diag.Diagnostic;
import dev.skiff.diag.Result;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The environments a project declares in {@code kcl.mod}, e.g. {@code [skiff] environments = ["dev", "prod"]}.
 * A program picks its environment with {@code option("env")}; a project that lists them is built once per
 * environment (with {@code -D env=NAME}) by {@code skiff build -o DIR/}, into {@code DIR/NAME/}. Each name
 * becomes a directory, so it is a DNS label: lowercase letters, digits and {@code -}.
 */
public final class Environments {
    /** The option a program reads its environment from: {@code option("env")}. */
    public static final String OPTION = "env";

    private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

    private Environments() {
    }

    /** The declared environments in order, none when the project lists none; a malformed list is an error. */
    public static Result<List<String>> of(Project project) {
        Object listed = project.skiff().get("environments");
        if (listed == null) {
            return Result.ok(List.of());
        }
        String where = "`" + Project.MOD_FILE + "` ([skiff] environments)";
        if (!(listed instanceof List<?> items)) {
            return failed(where + " is a list of environment names, like [\"dev\", \"prod\"]; found `" + listed + "`");
        }
        Set<String> names = new LinkedHashSet<>();
        for (Object item : items) {
            String name = String.valueOf(item);
            if (!NAME.matcher(name).matches() || name.length() > 63) {
                return failed(where + " names directories: `" + name
                        + "` is not a lowercase name of letters, digits and '-' (like dev or prod-eu)");
            }
            if (!names.add(name)) {
                return failed(where + " lists `" + name + "` twice");
            }
        }
        return Result.ok(List.copyOf(new ArrayList<>(names)));
    }

    private static Result<List<String>> failed(String message) {
        return Result.failed(List.of(Diagnostic.error(Code.E0206, null, message)));
    }
}
