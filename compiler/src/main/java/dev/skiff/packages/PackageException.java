package dev.skiff.packages;

import dev.skiff.diag.Diagnostic;

/** A fetch that failed, carrying the diagnostic for the user; it never leaves this package. */
final class PackageException extends Exception {
    private final transient Diagnostic diagnostic;

    PackageException(Diagnostic diagnostic) {
        super(diagnostic.message(), null, false, false);
        this.diagnostic = diagnostic;
    }

    Diagnostic diagnostic() {
        return diagnostic;
    }
}
