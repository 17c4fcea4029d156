package dev.skiff.eval.lib.template;

import java.util.List;

/**
 * A Handlebars template, as KCL's {@code template} module reads it: {@code {{path}}} (HTML-escaped),
 * {@code {{{path}}}} and {@code {{raw path}}} (as they are), the blocks {@code {{#if}}}, {@code {{#unless}}},
 * {@code {{#each}}} (with {@code this}, {@code @index}, {@code @key}, {@code @first}, {@code @last}) and
 * {@code {{#with}}}, each with an optional {@code {{else}}}; paths such as {@code a.b}, {@code ../a},
 * {@code @root.a}; comparison and logic helpers; comments; {@code ~} whitespace control; and block tags alone on
 * their line taking the line with them. Partials and block parameters are not supported.
 *
 * <p>Parsing and rendering are separate: a malformed template is reported by {@link #parse} with its line and
 * column, whatever the data.
 */
public final class Template {
    private final String source;
    private final List<Node> nodes;

    private Template(String source, List<Node> nodes) {
        this.source = source;
        this.nodes = nodes;
    }

    public static Template parse(String source) throws TemplateException {
        return new Template(source, TemplateParser.parse(source));
    }

    /** The text the template gives for {@code data}: plain data (maps, lists, strings, numbers, booleans, null). */
    public String render(Object data) throws TemplateException {
        return TemplateRenderer.render(nodes, data, source);
    }

    /** The text with {@code & < > " ' ` =} replaced by HTML entities, as Handlebars escapes output. */
    public static String htmlEscape(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#x27;");
                case '`' -> sb.append("&#x60;");
                case '=' -> sb.append("&#x3D;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
