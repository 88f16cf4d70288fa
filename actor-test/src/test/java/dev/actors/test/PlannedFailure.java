package dev.actors.test;

/**
 * The failure a test's handler throws on purpose. It has no stack trace, so the runtime's log of it is the log line
 * and this exception's one-line description: the test log keeps room for the stack traces of real failures.
 */
final class PlannedFailure extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    PlannedFailure(String message) {
        super(message);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
