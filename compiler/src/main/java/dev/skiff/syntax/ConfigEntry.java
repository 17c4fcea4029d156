package dev.skiff.syntax;

import dev.skiff.source.Span;
import java.util.List;

/** An entry of a config literal. */
public sealed interface ConfigEntry extends Node {

    /**
     * {@code key: value}, {@code key = value} or {@code key += value}. The key is a {@link Expr.Name}
     * (the name itself is the key), a dotted {@link Expr.Selector} chain of names ({@code a.b.c = 1},
     * a nested key path), a string literal, or another expression whose value is the key.
     */
    record KeyValue(Span span, Expr key, Operator.Config op, Expr value) implements ConfigEntry {
    }

    /** {@code **value}: every entry of another config. */
    record Unpack(Span span, Expr value) implements ConfigEntry {
    }

    /**
     * {@code if cond: entries} with optional {@code elif}/{@code else}; {@code orElse} holds the
     * {@code else} entries, or one nested {@link If} for {@code elif}; empty when absent.
     */
    record If(Span span, Expr condition, List<ConfigEntry> entries, List<ConfigEntry> orElse) implements ConfigEntry {
        public If {
            entries = List.copyOf(entries);
            orElse = List.copyOf(orElse);
        }
    }

    /** An entry that could not be parsed. */
    record Error(Span span) implements ConfigEntry {
    }
}
