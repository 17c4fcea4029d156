package dev.skiff.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the VS Code extension in {@code lsp/vscode} honest without Node or a network: its manifest points
 * at files that exist, its grammar's regular expressions compile (in Java, which shares with Oniguruma the
 * subset the grammar keeps to), and a small TextMate matcher gives sample lines the expected scopes.
 */
class VsCodeExtensionTest {
    private static final Path DIR = Path.of("vscode");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonNode grammar;

    @BeforeAll
    static void load() throws Exception {
        grammar = JSON.readTree(DIR.resolve("syntaxes/skiff.tmLanguage.json").toFile());
    }

    @Test
    void packageJsonContributesTheLanguageForDotKWithFilesThatExist() throws Exception {
        JsonNode pkg = JSON.readTree(DIR.resolve("package.json").toFile());
        assertThat(pkg.path("name").asText()).isEqualTo("skiff");
        // main is the bundle `npm run build` makes from src/extension.js (tested with Node by VsCodeExtensionIT)
        assertThat(pkg.path("main").asText()).isEqualTo("./dist/extension.js");
        assertThat(pkg.path("scripts").path("build").asText()).contains("src/extension.js").contains("--bundle")
                .contains("--outfile=dist/extension.js").contains("--external:vscode");
        assertThat(pkg.path("scripts").path("vscode:prepublish").asText()).isEqualTo("npm run build");
        assertThat(pkg.path("dependencies").has("vscode-languageclient")).isTrue();
        JsonNode lang = pkg.path("contributes").path("languages").get(0);
        assertThat(lang.path("id").asText()).isEqualTo("skiff");
        assertThat(lang.path("extensions").toString()).contains("\".k\"");
        Path config = DIR.resolve(lang.path("configuration").asText());
        assertThat(Files.isRegularFile(config)).as("language configuration").isTrue();
        JsonNode conf = JSON.readTree(config.toFile());
        assertThat(conf.path("comments").path("lineComment").asText()).isEqualTo("#");
        for (Iterator<JsonNode> it = conf.path("indentationRules").elements(); it.hasNext(); ) {
            Pattern.compile(it.next().asText());
        }
        Pattern increase = Pattern.compile(conf.path("indentationRules").path("increaseIndentPattern").asText());
        assertThat(increase.matcher("schema App:").find()).isTrue();
        assertThat(increase.matcher("    check:").find()).isTrue();
        assertThat(increase.matcher("app = App {").find()).isTrue();
        assertThat(increase.matcher("x = 1").find()).isFalse();
        JsonNode g = pkg.path("contributes").path("grammars").get(0);
        assertThat(g.path("language").asText()).isEqualTo("skiff");
        assertThat(g.path("scopeName").asText()).isEqualTo(grammar.path("scopeName").asText());
        assertThat(Files.isRegularFile(DIR.resolve(g.path("path").asText()))).as("grammar").isTrue();
        assertThat(pkg.path("contributes").path("configuration").path("properties").path("skiff.path")
                .path("default").asText()).isEqualTo("skiff");
        String js = Files.readString(DIR.resolve("src/extension.js"));
        assertThat(js).contains("vscode-languageclient/node").contains("'lsp'").contains("skiff");
        assertThat(Files.isRegularFile(DIR.resolve(".vscodeignore"))).isTrue();
        assertThat(Files.isRegularFile(DIR.resolve("README.md"))).isTrue();
        // publishable as it is: `vsce package` needs no flag that skips its checks
        assertThat(pkg.has("vsce")).isFalse();
        assertThat(pkg.path("license").asText()).isEqualTo("Apache-2.0");
        assertThat(Files.readString(DIR.resolve("LICENSE"))).contains("Apache License");
        assertThat(pkg.path("repository").path("url").asText()).startsWith("https://");
        assertThat(Files.isRegularFile(DIR.resolve(pkg.path("icon").asText()))).as("icon").isTrue();
        assertThat(Files.readString(DIR.resolve(".vscodeignore"))).contains("node_modules/**").contains("src/**");
        assertThat(Files.readString(DIR.resolve("README.md"))).doesNotContainPattern("\\]\\((?!https?:)");
        assertThat(pkg.path("activationEvents").toString()).contains("onLanguage:skiff");
    }

    @Test
    void everyRegexOfTheGrammarCompiles() {
        List<String> regexes = new ArrayList<>();
        collect(grammar, regexes);
        assertThat(regexes).hasSizeGreaterThan(20);
        for (String r : regexes) {
            try {
                Pattern.compile(r);
            } catch (PatternSyntaxException e) {
                throw new AssertionError("does not compile: " + r, e);
            }
            // Oniguruma reads these differently from Java: keep them out of the grammar
            assertThat(r).as(r).doesNotContain("\\h", "\\H", "\\R", "\\X", "(?~", "\\p{");
        }
    }

    private static void collect(JsonNode n, List<String> out) {
        if (n.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (List.of("match", "begin", "end").contains(e.getKey()) && e.getValue().isTextual()) {
                    out.add(e.getValue().asText());
                } else {
                    collect(e.getValue(), out);
                }
            }
        } else if (n.isArray()) {
            n.forEach(x -> collect(x, out));
        }
    }

    @Test
    void sampleLinesGetTheExpectedScopes() {
        List<List<String>> scopes = tokenize("""
                import k8s.api.apps.v1 as apps  # the apps group
                @deprecated
                schema App(Base):
                    name: str = "web-${env}"
                    memory: str = 512Mi
                    ratio = 1.5e3
                    raw = r"\\d+${x}"
                    enabled: bool = True
                    check:
                        len(name) <= 63, "too long"
                type Port = int
                ok = all p in ports { p > 0 }
                doc = \"\"\"
                  many ${lines}
                \"\"\"
                    mixin [A, B]
                """);
        String[] lines = SAMPLE_LINES;
        assertScope(scopes, lines, 0, "import", "keyword.control.import");
        assertScope(scopes, lines, 0, "as", "keyword.control.import");
        assertScope(scopes, lines, 0, "k8s.api.apps.v1", "entity.name.namespace");
        int alias = lines[0].indexOf(" as apps") + 4;
        assertThat(scopes.get(0).subList(alias, alias + 4)).allMatch(x -> x.contains("entity.name.namespace"));
        assertScope(scopes, lines, 0, "# the apps group", "comment.line");
        assertScope(scopes, lines, 1, "@", "punctuation.definition.decorator");
        assertScope(scopes, lines, 1, "deprecated", "entity.name.function.decorator");
        assertScope(scopes, lines, 2, "schema", "storage.type");
        assertScope(scopes, lines, 2, "App", "entity.name.type");
        assertScope(scopes, lines, 3, "str", "support.type");
        assertScope(scopes, lines, 3, "\"web-", "string.quoted.double");
        assertScope(scopes, lines, 3, "${", "punctuation.section.interpolation.begin");
        assertScope(scopes, lines, 3, "env", "variable.other");
        assertScope(scopes, lines, 3, "env", "meta.interpolation");
        assertScope(scopes, lines, 4, "512Mi", "constant.numeric");
        assertScope(scopes, lines, 5, "1.5e3", "constant.numeric");
        assertScope(scopes, lines, 6, "\\d+${x}", "string.quoted.double.raw");
        assertNoScope(scopes, lines, 6, "${x}", "meta.interpolation");
        assertScope(scopes, lines, 7, "True", "constant.language");
        assertScope(scopes, lines, 8, "check", "keyword.control.check");
        assertScope(scopes, lines, 9, "len", "support.function.builtin");
        assertScope(scopes, lines, 9, "<=", "keyword.operator");
        assertScope(scopes, lines, 9, "63", "constant.numeric");
        assertScope(scopes, lines, 9, "\"too long\"", "string.quoted.double");
        assertScope(scopes, lines, 10, "type", "storage.type");
        assertScope(scopes, lines, 10, "Port", "entity.name.type");
        assertScope(scopes, lines, 11, "all", "keyword.control.quantifier");
        assertScope(scopes, lines, 11, "in", "keyword.operator.logical");
        assertScope(scopes, lines, 13, "many", "string.quoted.triple");
        assertScope(scopes, lines, 13, "lines", "meta.interpolation");
        assertScope(scopes, lines, 14, "\"\"\"", "string.quoted.triple");
        assertNoScope(scopes, lines, 4, "memory", "string");
        assertScope(scopes, lines, 15, "mixin", "keyword.other.mixin");
    }

    private static String[] SAMPLE_LINES;

    private static void assertScope(List<List<String>> scopes, String[] lines, int line, String text, String scope) {
        int col = lines[line].indexOf(text);
        assertThat(col).as("`" + text + "` on line " + line).isNotNegative();
        for (int i = col; i < col + text.length(); i++) {
            int c = i;
            assertThat(scopes.get(line).get(i)).as("`" + text + "` at " + line + ":" + c + " in `" + lines[line] + "`")
                    .contains(scope);
        }
    }

    private static void assertNoScope(List<List<String>> scopes, String[] lines, int line, String text, String scope) {
        int col = lines[line].indexOf(text);
        assertThat(col).isNotNegative();
        assertThat(scopes.get(line).get(col)).as("`" + text + "` on line " + line).doesNotContain(scope);
    }

    // ---------------------------------------------------------------- a tiny TextMate matcher

    /** An open begin/end rule. */
    private record Open(JsonNode rule, Pattern end) {
    }

    /** For each line, for each character, its scopes joined with spaces. */
    private static List<List<String>> tokenize(String text) {
        String[] lines = text.split("\n", -1);
        SAMPLE_LINES = lines;
        List<List<String>> out = new ArrayList<>();
        Deque<Open> stack = new ArrayDeque<>();
        Map<String, Pattern> cache = new HashMap<>();
        for (String line : lines) {
            String[] scopes = new String[line.length()];
            int pos = 0;
            while (pos <= line.length()) {
                List<JsonNode> rules = new ArrayList<>();
                flatten(stack.isEmpty() ? grammar.path("patterns") : stack.peek().rule().path("patterns"), rules, 0);
                String base = String.join(" ", stack.stream().map(o -> o.rule().path("name").asText()).toList().reversed());
                Matcher best = null;
                JsonNode bestRule = null;
                boolean bestIsEnd = false;
                if (!stack.isEmpty()) {
                    Matcher m = matcher(stack.peek().end(), line, pos);
                    if (m.find()) {
                        best = m;
                        bestIsEnd = true;
                    }
                }
                for (JsonNode r : rules) {
                    String re = r.has("match") ? r.path("match").asText() : r.path("begin").asText(null);
                    if (re == null) {
                        continue;
                    }
                    Matcher m = matcher(cache.computeIfAbsent(re, Pattern::compile), line, pos);
                    if (m.find() && (best == null || m.start() < best.start())) {
                        best = m;
                        bestRule = r;
                        bestIsEnd = false;
                    }
                }
                if (best == null) {
                    fill(scopes, pos, line.length(), base);
                    break;
                }
                fill(scopes, pos, best.start(), base);
                if (bestIsEnd) {
                    JsonNode rule = stack.pop().rule();
                    fill(scopes, best.start(), best.end(), join(base, rule.path("endCaptures").path("0").path("name").asText()));
                } else if (bestRule.has("match")) {
                    String scope = join(base, bestRule.path("name").asText());
                    fill(scopes, best.start(), best.end(), scope);
                    for (int g = 1; g <= best.groupCount(); g++) {
                        String cap = bestRule.path("captures").path(String.valueOf(g)).path("name").asText();
                        if (!cap.isEmpty() && best.start(g) >= 0) {
                            fill(scopes, best.start(g), best.end(g), join(scope, cap));
                        }
                    }
                } else {
                    String scope = join(base, bestRule.path("name").asText());
                    fill(scopes, best.start(), best.end(),
                            join(scope, bestRule.path("beginCaptures").path("0").path("name").asText()));
                    stack.push(new Open(bestRule, cache.computeIfAbsent(bestRule.path("end").asText(), Pattern::compile)));
                }
                if (best.end() == pos) {
                    if (pos < line.length()) {
                        fill(scopes, pos, pos + 1, base);
                    }
                    pos++; // an empty match: move on
                } else {
                    pos = best.end();
                }
            }
            List<String> row = new ArrayList<>();
            for (String s : scopes) {
                row.add(s == null ? "" : s);
            }
            out.add(row);
        }
        return out;
    }

    private static Matcher matcher(Pattern p, String line, int pos) {
        Matcher m = p.matcher(line);
        m.useTransparentBounds(true);
        m.useAnchoringBounds(false);
        m.region(Math.min(pos, line.length()), line.length());
        return m;
    }

    /** The rules of a pattern list, includes resolved from the repository. */
    private static void flatten(JsonNode patterns, List<JsonNode> out, int depth) {
        assertThat(depth).as("include depth").isLessThan(20);
        for (JsonNode p : patterns) {
            if (p.has("include")) {
                String ref = p.path("include").asText();
                assertThat(ref).startsWith("#");
                JsonNode target = grammar.path("repository").path(ref.substring(1));
                assertThat(target.isMissingNode()).as("include " + ref).isFalse();
                if (target.has("match") || target.has("begin")) {
                    out.add(target);
                } else {
                    flatten(target.path("patterns"), out, depth + 1);
                }
            } else if (p.has("match") || p.has("begin")) {
                out.add(p);
            } else {
                flatten(p.path("patterns"), out, depth + 1);
            }
        }
    }

    private static void fill(String[] scopes, int from, int to, String scope) {
        for (int i = Math.max(0, from); i < Math.min(to, scopes.length); i++) {
            scopes[i] = scope;
        }
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : a + " " + b;
    }
}
