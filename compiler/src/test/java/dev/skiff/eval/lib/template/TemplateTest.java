package dev.skiff.eval.lib.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** The template engine: each test is a template, the data, and the text it must give or the error it must report. */
class TemplateTest {
    private static final Map<String, Object> DATA = data();

    private static Map<String, Object> data() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", "shop");
        d.put("replicas", 3L);
        d.put("ratio", 0.5);
        d.put("zero", 0L);
        d.put("enabled", true);
        d.put("html", "<b>\"Tom\" & 'Jerry'</b>");
        d.put("ports", List.of(80L, 443L));
        d.put("empty", List.of());
        Map<String, Object> labels = new LinkedHashMap<>();
        labels.put("app", "shop");
        labels.put("tier", "web");
        d.put("labels", labels);
        d.put("services", List.of(Map.of("name", "cart", "port", 8000L), Map.of("name", "search", "port", 8002L)));
        return d;
    }

    private static String render(String template) throws TemplateException {
        return Template.parse(template).render(DATA);
    }

    @Test
    void outputsValuesEscapedUnlessAskedNotTo() throws TemplateException {
        assertThat(render("{{name}} x{{replicas}} {{ratio}} {{enabled}} [{{missing}}]"))
                .isEqualTo("shop x3 0.5 true []");
        assertThat(render("{{html}}")).isEqualTo("&lt;b&gt;&quot;Tom&quot; &amp; &#x27;Jerry&#x27;&lt;/b&gt;");
        assertThat(render("{{{html}}}|{{raw html}}|{{& html}}")).isEqualTo(String.join("|", List.of(
                (String) DATA.get("html"), (String) DATA.get("html"), (String) DATA.get("html"))));
        assertThat(render("{{ports}} {{labels}} {{services}}")).isEqualTo("[80, 443] [object] [[object], [object]]");
    }

    @Test
    void followsPaths() throws TemplateException {
        assertThat(render("{{labels.app}} {{this.labels.tier}} {{ports.[1]}} {{ports.0}} {{services.1.name}}"))
                .isEqualTo("shop web 443 80 search");
        assertThat(render("{{labels.app.nothing}}{{ports.7}}")).isEmpty();
    }

    @Test
    void conditionals() throws TemplateException {
        assertThat(render("{{#if enabled}}on{{else}}off{{/if}} {{#if zero}}z{{else}}no z{{/if}}"))
                .isEqualTo("on no z");
        assertThat(render("{{#if zero includeZero=true}}z{{/if}}{{#unless empty}} none{{/unless}}"))
                .isEqualTo("z none");
        assertThat(render("{{#if missing}}a{{else if (gt replicas 2)}}b{{else}}c{{/if}}")).isEqualTo("b");
        assertThat(render("{{^empty}}nothing{{/empty}}")).isEqualTo("nothing");
    }

    @Test
    void loopsOverListsAndDicts() throws TemplateException {
        assertThat(render("{{#each ports}}{{@index}}:{{this}}{{#unless @last}},{{/unless}}{{/each}}"))
                .isEqualTo("0:80,1:443");
        assertThat(render("{{#each labels}}{{@key}}={{.}};{{/each}}")).isEqualTo("app=shop;tier=web;");
        assertThat(render("{{#each services}}{{name}}@{{../name}}:{{port}} {{/each}}"))
                .isEqualTo("cart@shop:8000 search@shop:8002 ");
        assertThat(render("{{#each empty}}x{{else}}no items{{/each}}")).isEqualTo("no items");
        assertThat(render("{{#each services}}{{#if @first}}{{@root.name}}{{/if}}{{/each}}")).isEqualTo("shop");
    }

    @Test
    void withChangesTheContext() throws TemplateException {
        assertThat(render("{{#with labels}}{{app}}/{{tier}}{{/with}}{{#with missing}}x{{else}}-{{/with}}"))
                .isEqualTo("shop/web-");
    }

    @Test
    void helpersInSubExpressions() throws TemplateException {
        assertThat(render("{{#if (and enabled (eq name \"shop\"))}}yes{{/if}} {{len ports}} {{lookup labels 'tier'}}"))
                .isEqualTo("yes 2 web");
        assertThat(render("{{not enabled}} {{ne replicas 3}} {{lte ratio 0.5}} {{or zero empty}}"))
                .isEqualTo("false false true false");
    }

    @Test
    void blockTagsAloneOnTheirLineTakeTheLineWithThem() throws TemplateException {
        assertThat(render("ports:\n  {{#each ports}}\n  - {{this}}\n  {{/each}}\ndone\n"))
                .isEqualTo("ports:\n  - 80\n  - 443\ndone\n");
        assertThat(render("a {{#if enabled}}\nb\n{{/if}} c")).isEqualTo("a \nb\n c");
        assertThat(render("{{! a comment }}\n{{!-- holds }} too --}}\nend")).isEqualTo("end");
    }

    @Test
    void tildesStripWhitespace() throws TemplateException {
        assertThat(render("a   {{~name~}}   \n b")).isEqualTo("ashopb");
        assertThat(render("[ {{~#each ports~}} {{this}} {{~/each~}} ]")).isEqualTo("[80443]");
    }

    @Test
    void anEscapedMustacheIsText() throws TemplateException {
        assertThat(render("\\{{name}} is {{name}}")).isEqualTo("{{name}} is shop");
    }

    @Test
    void malformedTemplatesAreReportedWithTheirPlace() {
        assertError("line 1\n  {{name", "`{{` is never closed by `}}`", 2, 3);
        assertError("{{#each ports}}\n{{this}}", "`{{#each ports}}` is never closed by `{{/each}}`", 1, 1);
        assertError("{{#if enabled}}x{{/each}}", "`{{/each}}` does not close `{{#if}}`", 1, 17);
        assertError("x{{/if}}", "`{{/if}}` closes a block that was never opened", 1, 2);
        assertError("{{else}}", "`{{else}}` is outside any block", 1, 1);
        assertError("{{> header}}", "partials `{{> name}}` are not supported", 1, 1);
        assertError("{{#each ports as |p|}}{{/each}}", "block parameters `as |…|` are not supported; use `this` and "
                + "`@index`", 1, 15);
        assertError("{{}}", "the tag `{{}}` is empty", 1, 1);
        assertError("{{#if a}}{{else}}{{else}}{{/if}}", "a block has a second `{{else}}`", 1, 18);
    }

    @Test
    void mistakesInTheDataAreReportedWhenRendering() {
        assertError("{{#each name}}x{{/each}}", "`{{#each}}` needs a list or a dict, found a string", 1, 4);
        assertError("\n{{shout name}}", "unknown helper `shout`; the helpers are eq, ne, gt, gte, lt, lte, and, or, "
                + "not, len, lookup, raw, and the blocks `if`, `unless`, `each`, `with`", 2, 3);
        assertError("{{#repeat 3}}x{{/repeat}}", "`{{#repeat}}` is not a block helper; the blocks are `if`, `unless`, "
                + "`each` and `with`", 1, 1);
        assertError("{{gt name 2}}", "`gt` compares two numbers or two strings, found a string and a number", 1, 3);
        assertError("{{#if}}x{{/if}}", "`if` takes one value, as in `{{#if ready}}`; 0 given", 1, 4);
    }

    private static void assertError(String template, String message, int line, int column) {
        assertThatThrownBy(() -> render(template)).isInstanceOfSatisfying(TemplateException.class, e -> {
            assertThat(e.getMessage()).isEqualTo(message);
            assertThat(e.line()).as("line").isEqualTo(line);
            assertThat(e.column()).as("column").isEqualTo(column);
        });
    }

    @Property
    void escapedTextHasNoMarkupCharactersAndReadsBack(@ForAll String text) {
        String escaped = Template.htmlEscape(text);
        assertThat(escaped).doesNotContain("<", ">", "\"", "'", "`", "=");
        String back = escaped.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#x27;", "'")
                .replace("&#x60;", "`").replace("&#x3D;", "=").replace("&amp;", "&");
        assertThat(back).isEqualTo(text);
    }

    @Property
    void textWithoutMustachesRendersAsItIs(@ForAll String text) throws TemplateException {
        String plain = text.replace("{{", "{ {").replace("\\", "/");
        assertThat(Template.parse(plain).render(Map.of())).isEqualTo(plain);
    }
}
