package dev.skiff.fuzz;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;

/**
 * The mix of inputs a worker tries: seeds from the repository as they are and mutated; programs from the
 * grammar's generators, as they are and mutated; pathological nesting and sizes; and files whose bytes are
 * not what a UTF-8 reader expects. Deterministic for a given random source.
 */
final class Inputs {
    private final Corpus corpus;
    private final Random r;
    private final Mutator mutator;
    private final ProgramSource programs;
    private final Path scratchFile;
    private long generated;

    Inputs(Corpus corpus, Random r, Path scratch, ProgramSource programs) {
        this.corpus = corpus;
        this.r = r;
        this.mutator = new Mutator(r, corpus.texts());
        this.programs = programs;
        this.scratchFile = scratch.resolve("main.k");
    }

    Input next() {
        int kind = r.nextInt(100);
        if (kind < 5) {
            Corpus.Seed s = seed();
            return new Input("seed " + name(s), s.text(), null, s.path());
        }
        if (kind < 40) {
            Corpus.Seed s = seed();
            Mutator.Mutant m = mutator.mutate(s.text(), 1 + r.nextInt(3));
            return new Input("seed " + name(s) + " mutated " + m.how(), m.text(), null, s.path());
        }
        if (kind < 70) {
            return new Input("generated " + generated++, program(), null, scratchFile);
        }
        if (kind < 90) {
            Mutator.Mutant m = mutator.mutate(program(), 1 + r.nextInt(2));
            return new Input("generated " + generated++ + " mutated " + m.how(), m.text(), null, scratchFile);
        }
        if (kind < 95) {
            Pathological.Shape shape = Pathological.Shape.values()[r.nextInt(Pathological.Shape.values().length)];
            int depth = new int[] {10, 99, 100, 101, 199, 200, 201, 500, 1000, 2000, 5000}[r.nextInt(11)];
            String text = Pathological.nested(shape, Pathological.cap(shape, depth));
            return new Input("nesting " + shape + " " + depth, r.nextBoolean() ? text : seed().text() + "\n" + text, null,
                    scratchFile);
        }
        return bytes();
    }

    private String program() {
        try {
            return programs.next();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private Corpus.Seed seed() {
        return corpus.seeds().get(r.nextInt(corpus.seeds().size()));
    }

    private String name(Corpus.Seed s) {
        return corpus.repo().relativize(s.path()).toString();
    }

    /** A program written in another encoding, or with bytes no encoding allows. */
    private Input bytes() {
        String text = r.nextBoolean() ? seed().text() : program();
        if (text.isEmpty()) {
            text = "a = 1\n";
        }
        byte[] b;
        String how;
        switch (r.nextInt(6)) {
            case 0 -> {
                b = text.getBytes(StandardCharsets.UTF_16);
                how = "UTF-16";
            }
            case 1 -> {
                b = (text + "é").getBytes(Charset.forName("ISO-8859-1"));
                how = "Latin-1";
            }
            case 2 -> {
                b = text.getBytes(StandardCharsets.UTF_8);
                b[r.nextInt(b.length)] = (byte) (0x80 + r.nextInt(0x40)); // a stray continuation byte
                how = "invalid UTF-8";
            }
            case 3 -> {
                b = text.getBytes(StandardCharsets.UTF_8);
                b[r.nextInt(b.length)] = 0;
                how = "NUL";
            }
            case 4 -> {
                byte[] body = text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
                b = new byte[body.length + 3];
                b[0] = (byte) 0xEF;
                b[1] = (byte) 0xBB;
                b[2] = (byte) 0xBF;
                System.arraycopy(body, 0, b, 3, body.length);
                how = "BOM and CRLF";
            }
            default -> {
                b = text.replace("\n", "\r").getBytes(StandardCharsets.UTF_8);
                how = "CR line endings";
            }
        }
        return new Input("bytes " + how, text, b, scratchFile);
    }
}
