package dev.skiff.lsp;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * In-memory byte pipes between a test client and the server. {@code PipedInputStream} fails when the thread
 * that last wrote has ended, and NIO pipes close when a thread using them is interrupted; LSP4J writes from
 * pool threads and the server interrupts its worker on shutdown, so tests use this plain monitor-based pipe.
 */
final class Pipes {
    private Pipes() {
    }

    /** One direction: what is written to {@code out} is read from {@code in}. */
    record Pipe(InputStream in, OutputStream out) {
    }

    /** A server started on fresh pipes, the client's proxy to it, and the pipes' writing ends. */
    record Connection(org.eclipse.lsp4j.services.LanguageServer server, OutputStream toServer, OutputStream toClient) {
        /**
         * Shuts the server down and closes both pipes, so each side's reader sees the end of its stream. A
         * shutdown that does not answer prints every thread's stack, to show where it hangs.
         */
        void close() throws Exception {
            try {
                server.shutdown().get(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                Thread.getAllStackTraces().forEach((t, st) -> {
                    System.err.println("THREAD " + t.getName() + " " + t.getState());
                    for (StackTraceElement x : st) {
                        System.err.println("    at " + x);
                    }
                });
                throw e;
            } finally {
                toServer.close();
                toClient.close();
            }
        }
    }

    /** Starts a Skiff language server and connects {@code client} to it (not yet initialized). */
    static Connection connect(org.eclipse.lsp4j.services.LanguageClient client) {
        Pipe down = open();
        Pipe up = open();
        SkiffLauncher.start(up.in(), down.out());
        var launcher = org.eclipse.lsp4j.launch.LSPLauncher.createClientLauncher(client, down.in(), up.out());
        launcher.startListening();
        return new Connection(launcher.getRemoteProxy(), up.out(), down.out());
    }

    static Pipe open() {
        Buffer b = new Buffer();
        return new Pipe(b.in, b.out);
    }

    private static final class Buffer {
        private byte[] data = new byte[1 << 16];
        private int start;
        private int end;
        private boolean closed;

        final InputStream in = new InputStream() {
            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] into, int off, int len) {
                synchronized (Buffer.this) {
                    boolean interrupted = false;
                    while (start == end && !closed) {
                        try {
                            Buffer.this.wait();
                        } catch (InterruptedException e) {
                            interrupted = true; // keep the stream usable; pass the interrupt on afterwards
                        }
                    }
                    if (interrupted) {
                        Thread.currentThread().interrupt();
                    }
                    if (start == end) {
                        return -1;
                    }
                    int n = Math.min(len, end - start);
                    System.arraycopy(data, start, into, off, n);
                    start += n;
                    return n;
                }
            }

            @Override
            public void close() {
                synchronized (Buffer.this) {
                    closed = true;
                    Buffer.this.notifyAll();
                }
            }
        };

        final OutputStream out = new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] from, int off, int len) {
                synchronized (Buffer.this) {
                    if (end + len > data.length) {
                        int live = end - start;
                        byte[] bigger = live + len > data.length ? new byte[Math.max(data.length * 2, live + len)] : data;
                        System.arraycopy(data, start, bigger, 0, live);
                        data = bigger;
                        start = 0;
                        end = live;
                    }
                    System.arraycopy(from, off, data, end, len);
                    end += len;
                    Buffer.this.notifyAll();
                }
            }

            @Override
            public void close() {
                synchronized (Buffer.this) {
                    closed = true;
                    Buffer.this.notifyAll();
                }
            }
        };
    }
}
