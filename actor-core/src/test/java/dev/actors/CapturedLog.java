package dev.actors;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Captures what is logged (the tests' SLF4J binding writes to {@code System.err}) while still printing it.
 */
final class CapturedLog implements AutoCloseable {

    private final PrintStream original = System.err;

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    CapturedLog() {
        OutputStream both = new OutputStream() {
            @Override
            public synchronized void write(int b) {
                CapturedLog.this.original.write(b);
                CapturedLog.this.captured.write(b);
            }

            @Override
            public synchronized void write(byte[] bytes, int offset, int length) {
                CapturedLog.this.original.write(bytes, offset, length);
                CapturedLog.this.captured.write(bytes, offset, length);
            }
        };
        System.setErr(new PrintStream(both, true, StandardCharsets.UTF_8));
    }

    /** Everything logged so far. */
    String text() {
        synchronized (this.captured) {
            return this.captured.toString(StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() {
        System.setErr(this.original);
    }
}
