package dev.skiff.diag;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** A collector of diagnostics, owned by one run of one stage. Not thread-safe. */
public final class Diagnostics {
    private final List<Diagnostic> items = new ArrayList<>();
    private int errors;

    public Diagnostic add(Diagnostic d) {
        items.add(d);
        if (d.isError()) {
            errors++;
        }
        return d;
    }

    public void addAll(Collection<Diagnostic> ds) {
        for (Diagnostic d : ds) {
            add(d);
        }
    }

    public boolean hasErrors() {
        return errors > 0;
    }

    public int errorCount() {
        return errors;
    }

    public List<Diagnostic> toList() {
        return List.copyOf(items);
    }

    public <T> Result<T> result(T value) {
        return Result.of(value, items);
    }
}
