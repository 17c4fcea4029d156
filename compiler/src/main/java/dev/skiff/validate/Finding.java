package dev.skiff.validate;

import dev.skiff.diag.Diagnostic;

/** A problem the validator found in an object: the diagnostic, the object, and the field it concerns. */
public record Finding(Diagnostic diagnostic, Manifest manifest, FieldPath path) {
}
