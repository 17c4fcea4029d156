package dev.skiff.fuzz;

import java.util.Random;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import net.jqwik.api.RandomGenerator;
import net.jqwik.api.sessions.JqwikSession;

/**
 * Generated programs for every worker, from one thread: jqwik's generators keep their state in a session,
 * and a session belongs to the one thread that opened it. The programs come in the same order for the same
 * seed.
 */
final class ProgramSource implements AutoCloseable {
    private final BlockingQueue<String> ready = new ArrayBlockingQueue<>(64);
    private final Thread thread;

    ProgramSource(long seed) {
        thread = new Thread(() -> produce(seed), "fuzz-programs");
        thread.setDaemon(true);
        thread.start();
    }

    private void produce(long seed) {
        Random r = new Random(seed);
        JqwikSession.start();
        try {
            RandomGenerator<String> programs = Programs.programs().generator(1000);
            while (!Thread.currentThread().isInterrupted()) {
                ready.put(programs.next(r).value());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            JqwikSession.finish();
        }
    }

    String next() throws InterruptedException {
        return ready.take();
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
