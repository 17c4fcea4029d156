package dev.skiff.diag;

import dev.skiff.source.Span;

/** A secondary place a diagnostic points at, such as the earlier declaration of a name. */
public record Label(Span span, String message) {
}
