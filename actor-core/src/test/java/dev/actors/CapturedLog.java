package dev.actors;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Captures what is logged (the tests' SLF4J binding writes to {@code System.err}): printed as well, or, for a test
 * that makes the runtime log many planned failures, {@linkplain #quiet() kept out of the test log} for the test to
 * check.
 */
final class CapturedLog implements AutoCloseable {

    private final PrintStream original = System.err;

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    /** Captures and still prints. */
    CapturedLog() {
        this(true);
    }

    private CapturedLog(boolean print) {
        OutputStream target = new OutputStream() {
            @Override
            public synchronized void write(int b) {
                if (print) {
                    CapturedLog.this.original.write(b);
                }
                synchronized (CapturedLog.this.captured) {
                    CapturedLog.this.captured.write(b);
                }
            }

            @Override
            public synchronized void write(byte[] bytes, int offset, int length) {
                if (print) {
                    CapturedLog.this.original.write(bytes, offset, length);
                }
                synchronized (CapturedLog.this.captured) {
                    CapturedLog.this.captured.write(bytes, offset, length);
                }
            }
        };
        System.setErr(new PrintStream(target, true, StandardCharsets.UTF_8));
    }

    /**
     * Captures without printing. The test must check what was logged, and print it when that is not what it
     * planned ({@link #printIfAny}), so that no real failure is hidden.
     */
    static CapturedLog quiet() {
        return new CapturedLog(false);
    }

    /** Everything logged so far. */
    String text() {
        synchronized (this.captured) {
            return this.captured.toString(StandardCharsets.UTF_8);
        }
    }

    /**
     * Prints the lines that {@code planned} does not accept, to the log this capture replaced.
     *
     * @return how many lines were printed
     */
    long printIfAny(java.util.function.Predicate<String> planned) {
        return text().lines().filter(planned.negate()).peek(this.original::println).count();
    }

    @Override
    public void close() {
        System.setErr(this.original);
    }
}
