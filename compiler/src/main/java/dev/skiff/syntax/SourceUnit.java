package dev.skiff.syntax;

import dev.skiff.source.SourceFile;
import dev.skiff.source.Span;
import java.util.List;

/**
 * The syntax tree of one file: its statements in order and every comment it contains (in order of
 * position), so a printer can place comments back.
 */
public record SourceUnit(Span span, SourceFile file, List<Stmt> body, List<Node.Comment> comments) implements Node {
    public SourceUnit {
        body = List.copyOf(body);
        comments = List.copyOf(comments);
    }
}
