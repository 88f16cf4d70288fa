package dev.actors.spi;

import org.jspecify.annotations.Nullable;

/**
 * Carries the sender's thread context (for example its tracing observation and logging MDC) to the handler of the
 * message it sent. {@link #capture()} runs on the sender's thread when a message is accepted; {@link #restore(Object)}
 * runs on the actor's thread around the handler of that message.
 */
public interface ContextPropagator {

    /**
     * Captures the current thread's context.
     *
     * @return a snapshot, or {@code null} when there is nothing to carry
     */
    @Nullable Object capture();

    /**
     * Makes a captured context current on this thread until the returned scope is closed.
     *
     * @param snapshot what {@link #capture()} returned, never {@code null}
     * @return the scope to close after the handler
     */
    Scope restore(Object snapshot);

    /**
     * An open context on the actor's thread.
     */
    interface Scope extends AutoCloseable {

        /**
         * Restores the actor thread's previous context.
         */
        @Override
        void close();
    }
}
