package dev.skiff.modules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a search of a directory tree leaves out, as git would: the patterns of every {@code .gitignore} from
 * the repository's root down (and {@code .git/info/exclude}), plus hidden directories, {@code target} and
 * {@code node_modules}, which hold copies and build output, never sources. Immutable: {@link #enter} gives
 * the rules of a subdirectory.
 *
 * <p>The patterns follow gitignore(5): {@code #} comments, {@code !} re-includes, a trailing {@code /}
 * matches directories only, a pattern with a {@code /} elsewhere is anchored to its file's directory, and
 * {@code *}, {@code ?}, {@code [...]} and {@code **} glob.
 */
public final class IgnoreRules {
    private static final List<String> NEVER_SEARCHED = List.of("target", "node_modules");

    /** One pattern line, compiled against paths relative to {@code base}. */
    private record Rule(Path base, Pattern pattern, boolean negated, boolean directoryOnly) {
    }

    private final List<Rule> rules;

    private IgnoreRules(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The rules in force in {@code dir}: those of the {@code .gitignore} files from its repository's root down. */
    public static IgnoreRules at(Path dir) throws IOException {
        Path abs = dir.toAbsolutePath().normalize();
        List<Path> chain = new ArrayList<>();
        Path gitRoot = null;
        for (Path d = abs; d != null; d = d.getParent()) {
            chain.add(0, d);
            if (Files.exists(d.resolve(".git"))) {
                gitRoot = d;
                break;
            }
        }
        if (gitRoot == null) {
            chain = List.of(abs); // outside a repository only the directory's own .gitignore counts
        }
        List<Rule> rules = new ArrayList<>();
        if (gitRoot != null) {
            read(gitRoot.resolve(".git/info/exclude"), gitRoot, rules);
        }
        for (Path d : chain) {
            read(d.resolve(".gitignore"), d, rules);
        }
        return new IgnoreRules(rules);
    }

    /** The rules of a subdirectory (its own {@code .gitignore} added). */
    public IgnoreRules enter(Path dir) throws IOException {
        List<Rule> more = new ArrayList<>(rules);
        int before = more.size();
        read(dir.resolve(".gitignore"), dir.toAbsolutePath().normalize(), more);
        return more.size() == before ? this : new IgnoreRules(more);
    }

    /** Whether a search leaves {@code path} out (its parent directory having been searched). */
    public boolean ignores(Path path, boolean directory) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString();
        if (directory && (name.startsWith(".") && !name.equals(".") && !name.equals("..")
                || NEVER_SEARCHED.contains(name))) {
            return true;
        }
        Path abs = path.toAbsolutePath().normalize();
        boolean ignored = false;
        for (Rule r : rules) {
            if (r.directoryOnly && !directory || !abs.startsWith(r.base) || abs.equals(r.base)) {
                continue;
            }
            String relative = r.base.relativize(abs).toString().replace('\\', '/');
            if (r.pattern.matcher(relative).matches()) {
                ignored = !r.negated;
            }
        }
        return ignored;
    }

    private static void read(Path file, Path base, List<Rule> into) throws IOException {
        if (!Files.isRegularFile(file)) {
            return;
        }
        for (String raw : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            Rule r = parse(raw, base);
            if (r != null) {
                into.add(r);
            }
        }
    }

    static Rule parse(String raw, Path base) {
        String line = raw.replaceAll("(?<!\\\\)\\s+$", "");
        if (line.isEmpty() || line.startsWith("#")) {
            return null;
        }
        boolean negated = line.startsWith("!");
        if (negated) {
            line = line.substring(1);
        } else if (line.startsWith("\\!") || line.startsWith("\\#")) {
            line = line.substring(1);
        }
        boolean directoryOnly = line.endsWith("/");
        if (directoryOnly) {
            line = line.substring(0, line.length() - 1);
        }
        boolean anchored = line.contains("/");
        if (line.startsWith("/")) {
            line = line.substring(1);
        }
        if (line.isEmpty()) {
            return null;
        }
        String regex = (anchored ? "" : "(?:.*/)?") + glob(line);
        return new Rule(base, Pattern.compile(regex), negated, directoryOnly);
    }

    /** A gitignore glob as a regular expression over {@code /}-separated relative paths. */
    private static String glob(String g) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < g.length(); i++) {
            char c = g.charAt(i);
            if (c == '*' && g.startsWith("**/", i) && (i == 0 || g.charAt(i - 1) == '/')) {
                sb.append("(?:.*/)?");
                i += 2;
            } else if (c == '*' && g.startsWith("**", i) && i + 2 == g.length() && i > 0 && g.charAt(i - 1) == '/') {
                sb.append(".*");
                i++;
            } else if (c == '*') {
                sb.append("[^/]*");
            } else if (c == '?') {
                sb.append("[^/]");
            } else if (c == '[') {
                int end = g.indexOf(']', i + 2);
                if (end < 0) {
                    sb.append("\\[");
                } else {
                    String set = g.substring(i + 1, end);
                    if (set.startsWith("!")) {
                        set = "^" + set.substring(1);
                    }
                    sb.append('[').append(set.replace("\\", "\\\\").replace("[", "\\[")).append(']');
                    i = end;
                }
            } else if (c == '\\' && i + 1 < g.length()) {
                sb.append(Pattern.quote(String.valueOf(g.charAt(++i))));
            } else {
                sb.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return sb.toString();
    }
}
