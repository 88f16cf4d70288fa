package dev.actors.autoconfigure;

/**
 * The failure a test's actor throws on purpose. Without a stack trace, the runtime's log of it takes one line more
 * than the log line itself, and the test log keeps room for the stack traces of real failures.
 */
public final class PlannedFailure extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /** What the endpoint and the health show as an actor's last error. */
    public static final String LAST_ERROR = PlannedFailure.class.getName() + ": failed on purpose";

    /** A planned failure with the usual message, "failed on purpose". */
    public PlannedFailure() {
        super("failed on purpose");
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
