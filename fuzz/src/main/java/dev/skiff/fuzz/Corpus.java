package dev.skiff.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The programs the mutator starts from: every {@code .k} file of the golden tests, the formatter's cases,
 * the examples and the stdlib, each kept with its path so that a mutant compiles where its seed lives
 * (beside its packages and {@code kcl.mod}).
 */
public record Corpus(Path repo, List<Seed> seeds) {
    /** One program of the repository. */
    public record Seed(Path path, String text) {
    }

    public Corpus {
        seeds = List.copyOf(seeds);
    }

    static final List<String> PLACES = List.of("compiler/src/test/resources/golden", "compiler/src/test/resources/fmt",
            "examples", "stdlib/src/main/resources/skiff");

    public static Corpus load(Path repo) {
        List<Seed> seeds = new ArrayList<>();
        for (String place : PLACES) {
            Path dir = repo.resolve(place);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.filter(f -> f.toString().endsWith(".k") && Files.isRegularFile(f)).sorted().toList()) {
                    String text = utf8(p);
                    if (text != null) {
                        seeds.add(new Seed(p.toAbsolutePath().normalize(), text));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (seeds.isEmpty()) {
            throw new IllegalStateException("no .k files under " + repo + " (" + PLACES + ")");
        }
        return new Corpus(repo, seeds);
    }

    /** The file's text, or null for the deliberately broken ones (binary, not UTF-8). */
    private static String utf8(Path p) throws IOException {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(p))).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    public List<String> texts() {
        return seeds.stream().map(Seed::text).toList();
    }

    /** The repository's root: {@code -Dskiff.repo}, else the nearest directory above the working one that holds the golden tests. */
    public static Path findRepository() {
        String configured = System.getProperty("skiff.repo");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isDirectory(d.resolve(PLACES.get(0)))) {
                return d;
            }
        }
        throw new IllegalStateException("cannot find the Skiff repository; run from inside it or pass -Dskiff.repo=DIR");
    }
}
