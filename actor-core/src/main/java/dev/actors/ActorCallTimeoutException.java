package dev.actors;

import java.time.Duration;

/**
 * A {@code call} got no reply within its timeout. If its message was still queued, it will not be handled.
 */
public class ActorCallTimeoutException extends ActorException {

    private static final long serialVersionUID = 1L;

    /** The timeout that passed. */
    private final Duration timeout;

    /**
     * Creates the exception.
     *
     * @param actorName the actor's name
     * @param timeout the timeout that passed
     */
    public ActorCallTimeoutException(String actorName, Duration timeout) {
        super(actorName, "Call to actor '" + actorName + "' timed out after " + timeout.toMillis()
                + " ms (call-timeout); the actor is busy or its handler is slow");
        this.timeout = timeout;
    }

    /**
     * Returns the timeout that passed.
     *
     * @return the call's timeout
     */
    public Duration timeout() {
        return this.timeout;
    }
}
