package dev.actors;

import java.time.Duration;

/**
 * The stage that an {@link AsyncActor} or {@link AsyncBatchActor} returned did not complete within the actor's
 * {@code async-timeout}. The message (or batch) counts as failed, the failure policy applies, and the actor goes
 * on with its next message; the stage's late result is discarded.
 */
public class ActorAsyncTimeoutException extends ActorException {

    private static final long serialVersionUID = 1L;

    /** The async timeout that passed. */
    private final Duration timeout;

    /**
     * Creates the exception.
     *
     * @param actorName the actor's name
     * @param timeout the async timeout that passed
     */
    public ActorAsyncTimeoutException(String actorName, Duration timeout) {
        super(actorName, "Actor '" + actorName + "': the stage its handler returned did not complete within "
                + timeout.toMillis() + " ms (async-timeout); the actor went on and the stage's late result is "
                + "discarded");
        this.timeout = timeout;
    }

    /**
     * Returns the async timeout that passed.
     *
     * @return the timeout
     */
    public Duration timeout() {
        return this.timeout;
    }
}
