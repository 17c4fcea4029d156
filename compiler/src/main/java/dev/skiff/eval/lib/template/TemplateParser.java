package dev.skiff.eval.lib.template;

import dev.skiff.eval.lib.template.Node.Expr;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a Handlebars template into a {@link Node} tree, in two steps: the text is cut into text and tags (with
 * the whitespace rules applied: {@code ~} strips the whitespace beside a tag, and a block, {@code else} or
 * comment tag alone on its line takes the whole line with it), then the tags are nested into blocks.
 */
final class TemplateParser {
    /** What a tag does, from its first character. */
    private enum Kind { OUTPUT, RAW, OPEN, INVERSE_OPEN, CLOSE, ELSE, COMMENT }

    /** A piece of the template: text (with its whitespace rules still to apply) or a tag. */
    private static final class Token {
        final Kind kind; // null for text
        String text; // the text, or the tag's content without its braces, sigil and `~`
        final int offset;
        final boolean stripBefore;
        final boolean stripAfter;

        Token(Kind kind, String text, int offset, boolean stripBefore, boolean stripAfter) {
            this.kind = kind;
            this.text = text;
            this.offset = offset;
            this.stripBefore = stripBefore;
            this.stripAfter = stripAfter;
        }

        boolean isText() {
            return kind == null;
        }

        boolean mayStandAlone() {
            return kind == Kind.OPEN || kind == Kind.INVERSE_OPEN || kind == Kind.CLOSE || kind == Kind.ELSE
                    || kind == Kind.COMMENT;
        }
    }

    private final String source;
    private List<Token> tokens;
    private int pos;

    private TemplateParser(String source) {
        this.source = source;
    }

    static List<Node> parse(String source) throws TemplateException {
        TemplateParser p = new TemplateParser(source);
        p.tokens = p.scan();
        p.applyWhitespaceRules();
        List<Node> nodes = p.nodes();
        if (p.pos < p.tokens.size()) {
            Token t = p.tokens.get(p.pos);
            throw p.error(t.kind == Kind.CLOSE ? "`{{/" + t.text + "}}` closes a block that was never opened"
                    : "`{{else}}` is outside any block", t.offset);
        }
        return nodes;
    }

    private TemplateException error(String message, int offset) {
        return new TemplateException(message, source, offset);
    }

    // ---------------------------------------------------------------- scanning

    private List<Token> scan() throws TemplateException {
        List<Token> out = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int textStart = 0;
        int i = 0;
        while (i < source.length()) {
            if (source.startsWith("\\{{", i)) { // an escaped mustache is text
                text.append("{{");
                i += 3;
                continue;
            }
            if (!source.startsWith("{{", i)) {
                text.append(source.charAt(i++));
                continue;
            }
            if (!text.isEmpty()) {
                out.add(new Token(null, text.toString(), textStart, false, false));
                text.setLength(0);
            }
            i = tag(i, out);
            textStart = i;
        }
        if (!text.isEmpty()) {
            out.add(new Token(null, text.toString(), textStart, false, false));
        }
        return out;
    }

    /** Reads the tag at {@code open} into {@code out} and returns the offset after it. */
    private int tag(int open, List<Token> out) throws TemplateException {
        if (source.startsWith("{{{{", open)) {
            throw error("raw blocks `{{{{…}}}}` are not supported; use `{{{value}}}` or `{{raw value}}`", open);
        }
        boolean triple = source.startsWith("{{{", open) || source.startsWith("{{~{", open);
        int start = open + 2;
        boolean stripBefore = source.startsWith("~", start);
        if (stripBefore) {
            start++;
        }
        if (triple) {
            start++;
        }
        boolean longComment = source.startsWith("!--", start);
        String closer = longComment ? "--}}" : triple ? "}}}" : "}}";
        int close = source.indexOf(closer, start);
        int tildeClose = triple ? source.indexOf("}~}}", start) : -1;
        if (tildeClose >= 0 && (close < 0 || tildeClose < close)) {
            close = tildeClose;
            closer = "}~}}";
        }
        if (close < 0) {
            throw error("`{{` is never closed by `" + (triple ? "}}}" : "}}") + "`", open);
        }
        String inner = source.substring(start, close + (longComment ? 2 : 0));
        boolean stripAfter = closer.equals("}~}}") || inner.endsWith("~");
        if (inner.endsWith("~")) {
            inner = inner.substring(0, inner.length() - 1);
        }
        int end = close + closer.length();
        inner = inner.strip();
        Kind kind;
        if (triple) {
            kind = Kind.RAW;
        } else if (inner.startsWith("!")) {
            kind = Kind.COMMENT;
        } else if (inner.startsWith(">")) {
            throw error("partials `{{> name}}` are not supported", open);
        } else if (inner.startsWith("#>") || inner.startsWith("#*") || inner.startsWith("*")) {
            throw error("partial blocks and decorators are not supported", open);
        } else if (inner.startsWith("#")) {
            kind = Kind.OPEN;
            inner = inner.substring(1).strip();
        } else if (inner.startsWith("^")) {
            inner = inner.substring(1).strip();
            kind = inner.isEmpty() ? Kind.ELSE : Kind.INVERSE_OPEN;
        } else if (inner.startsWith("/")) {
            kind = Kind.CLOSE;
            inner = inner.substring(1).strip();
        } else if (inner.startsWith("&")) {
            kind = Kind.RAW;
            inner = inner.substring(1).strip();
        } else if (inner.equals("else") || inner.startsWith("else ")) {
            kind = Kind.ELSE;
            inner = inner.substring(4).strip();
        } else {
            kind = Kind.OUTPUT;
        }
        if (inner.isEmpty() && kind != Kind.ELSE && kind != Kind.COMMENT) {
            throw error("the tag `" + source.substring(open, end) + "` is empty", open);
        }
        out.add(new Token(kind, inner, open, stripBefore, stripAfter));
        return end;
    }

    /** Applies {@code ~} and takes standalone tags' lines out, deciding on the text as written. */
    private void applyWhitespaceRules() {
        boolean[] standalone = new boolean[tokens.size()];
        for (int i = 0; i < tokens.size(); i++) {
            standalone[i] = tokens.get(i).mayStandAlone() && aloneOnLine(i);
        }
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.isText()) {
                continue;
            }
            Token before = i > 0 && tokens.get(i - 1).isText() ? tokens.get(i - 1) : null;
            Token after = i + 1 < tokens.size() && tokens.get(i + 1).isText() ? tokens.get(i + 1) : null;
            if (standalone[i]) {
                if (before != null) {
                    before.text = before.text.substring(0, lastLineStart(before.text));
                }
                if (after != null) {
                    int nl = after.text.indexOf('\n');
                    after.text = nl < 0 ? "" : after.text.substring(nl + 1);
                }
            }
            if (t.stripBefore && before != null) {
                before.text = before.text.stripTrailing();
            }
            if (t.stripAfter && after != null) {
                after.text = after.text.stripLeading();
            }
        }
    }

    private boolean aloneOnLine(int i) {
        boolean startOk;
        if (i == 0) {
            startOk = true;
        } else {
            Token before = tokens.get(i - 1);
            startOk = before.isText() && before.text.substring(lastLineStart(before.text)).isBlank()
                    && (before.text.contains("\n") || i == 1);
        }
        boolean endOk;
        if (i == tokens.size() - 1) {
            endOk = true;
        } else {
            Token after = tokens.get(i + 1);
            int nl = after.text.indexOf('\n');
            endOk = after.isText() && (nl >= 0 ? after.text.substring(0, nl).isBlank()
                    : i + 1 == tokens.size() - 1 && after.text.isBlank());
        }
        return startOk && endOk;
    }

    private static int lastLineStart(String text) {
        return text.lastIndexOf('\n') + 1;
    }

    // ---------------------------------------------------------------- nesting

    /** Nodes up to the end, or to an {@code else} or closing tag (left for the enclosing block). */
    private List<Node> nodes() throws TemplateException {
        List<Node> out = new ArrayList<>();
        while (pos < tokens.size()) {
            Token t = tokens.get(pos);
            switch (t.kind) {
                case null -> {
                    if (!t.text.isEmpty()) {
                        out.add(new Node.Text(t.text, t.offset));
                    }
                    pos++;
                }
                case COMMENT -> pos++;
                case OUTPUT, RAW -> {
                    out.add(new Node.Output(expression(t), t.kind == Kind.OUTPUT, t.offset));
                    pos++;
                }
                case OPEN -> {
                    pos++;
                    out.add(block(t, call(t)));
                }
                case INVERSE_OPEN -> { // {{^value}}: the body shows when the value is false or empty
                    pos++;
                    out.add(block(t, new Expr.Call("unless", List.of(expression(t)), Map.of(), t.offset)));
                }
                case CLOSE, ELSE -> {
                    return out;
                }
            }
        }
        return out;
    }

    /**
     * The block {@code open} starts, up to and with its closing tag; an {@code {{else helper …}}} makes the
     * inverse a block of its own that ends at the same closing tag.
     */
    private Node.Block block(Token open, Expr.Call call) throws TemplateException {
        List<Node> body = nodes();
        if (pos >= tokens.size()) {
            throw error("`{{#" + open.text + "}}` is never closed by `{{/" + firstWord(open.text) + "}}`", open.offset);
        }
        Token next = tokens.get(pos++);
        List<Node> inverse = List.of();
        if (next.kind == Kind.ELSE && !next.text.isEmpty()) {
            Expr.Call chained = call(next);
            Node.Block nested = block(new Token(Kind.OPEN, open.text, next.offset, false, false), chained);
            return new Node.Block(call, body, List.of(nested), open.offset);
        }
        if (next.kind == Kind.ELSE) {
            inverse = nodes();
            if (pos >= tokens.size()) {
                throw error("`{{#" + open.text + "}}` is never closed by `{{/" + firstWord(open.text) + "}}`",
                        open.offset);
            }
            next = tokens.get(pos++);
            if (next.kind == Kind.ELSE) {
                throw error("a block has a second `{{else}}`", next.offset);
            }
        }
        String name = firstWord(open.text);
        if (!next.text.equals(name)) {
            throw error("`{{/" + next.text + "}}` does not close `{{#" + name + "}}`", next.offset);
        }
        return new Node.Block(call, body, inverse, open.offset);
    }

    private static String firstWord(String text) {
        int space = 0;
        while (space < text.length() && !Character.isWhitespace(text.charAt(space)) && text.charAt(space) != '(') {
            space++;
        }
        return text.substring(0, space);
    }

    // ---------------------------------------------------------------- expressions

    private Expr expression(Token t) throws TemplateException {
        ExpressionReader r = new ExpressionReader(source, t.text, sourceOffset(t));
        Expr e = r.callOrValue();
        r.expectEnd();
        return e;
    }

    /** A block tag's content: a helper call, or a bare helper name. */
    private Expr.Call call(Token t) throws TemplateException {
        Expr e = expression(t);
        if (e instanceof Expr.Call c) {
            return c;
        }
        if (e instanceof Expr.Path p && p.up() == 0 && !p.data() && p.segments().size() == 1) {
            return new Expr.Call(p.segments().get(0), List.of(), Map.of(), p.offset());
        }
        throw error("a block needs a helper name, as in `{{#if ready}}` or `{{#each items}}`", t.offset);
    }

    /** Where the tag's content starts in the template. */
    private int sourceOffset(Token t) {
        int at = source.indexOf(t.text, t.offset);
        return at < 0 ? t.offset : at;
    }
}
