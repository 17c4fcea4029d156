package dev.skiff.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Findings, one per signature: the first input that showed each (written at once to the output directory,
 * as {@code <verdict>-<stage>-<hash>.k} beside a {@code .txt} with the signature, the origin and the stack
 * trace) and how many inputs showed it since.
 */
final class Findings {
    /** A defect or a refusal, the first input that showed it, how often it was seen, and its minimised reproducer. */
    static final class Entry {
        final Finding finding;
        final Input input;
        long count = 1;
        Path file;
        String minimised;

        Entry(Finding finding, Input input) {
            this.finding = finding;
            this.input = input;
        }
    }

    private final Path out;
    private final Map<String, Entry> bySignature = new LinkedHashMap<>();

    Findings(Path out) {
        this.out = out;
    }

    synchronized void add(Finding f, Input in) {
        Entry e = bySignature.get(f.signature());
        if (e != null) {
            e.count++;
            return;
        }
        e = new Entry(f, in);
        bySignature.put(f.signature(), e);
        e.file = write(e, in.bytes() != null ? in.bytes() : in.text().getBytes(StandardCharsets.UTF_8), "");
    }

    synchronized List<Entry> entries() {
        return new ArrayList<>(bySignature.values());
    }

    /** Writes the minimised reproducer beside the original. */
    synchronized void minimised(Entry e, String text) {
        e.minimised = text;
        write(e, text.getBytes(StandardCharsets.UTF_8), ".min");
    }

    private Path write(Entry e, byte[] content, String suffix) {
        String base = e.finding.verdict().name().toLowerCase() + "-" + e.finding.stage().name().toLowerCase() + "-"
                + String.format("%08x", e.finding.signature().hashCode());
        try {
            Files.createDirectories(out);
            Path k = out.resolve(base + suffix + ".k");
            Files.write(k, content);
            Files.writeString(out.resolve(base + suffix + ".txt"), "signature: " + e.finding.signature() + "\norigin: "
                    + e.input.origin() + "\nfile: " + e.input.file() + "\nsize: " + content.length + " bytes\n\n"
                    + e.finding.detail() + "\n");
            return k;
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
    }

    synchronized String summary() {
        StringBuilder b = new StringBuilder();
        for (Entry e : bySignature.values()) {
            b.append(String.format("%6d × %s%n         first: %s (%d chars)%n         reproducer: %s%n", e.count,
                    e.finding.signature(), e.input.origin(), e.input.size(),
                    e.file == null ? "-" : e.file.toString().replace(".k", e.minimised != null ? ".min.k" : ".k")));
        }
        return b.toString();
    }
}
