package dev.actors;

/**
 * The message was not accepted, or was accepted but will not be handled, because the actor is stopping or
 * stopped (by a shutdown, or by its {@link FailurePolicy} after failures).
 */
public class ActorClosedException extends ActorException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param actorName the actor's name
     * @param message why the actor is closed
     */
    public ActorClosedException(String actorName, String message) {
        super(actorName, message);
    }

    /**
     * Creates the exception, with the failure that stopped the actor.
     *
     * @param actorName the actor's name
     * @param message why the actor is closed
     * @param cause the failure that stopped the actor
     */
    public ActorClosedException(String actorName, String message, Throwable cause) {
        super(actorName, message, cause);
    }
}
