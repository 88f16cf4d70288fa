package dev.actors;

/**
 * Base class of the runtime's own exceptions; each names the actor concerned.
 */
public abstract class ActorException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The name of the actor concerned. */
    private final String actorName;

    /**
     * Creates an exception about one actor.
     *
     * @param actorName the actor's name
     * @param message the detail message
     */
    protected ActorException(String actorName, String message) {
        super(message);
        this.actorName = actorName;
    }

    /**
     * Creates an exception about one actor, with a cause.
     *
     * @param actorName the actor's name
     * @param message the detail message
     * @param cause the cause
     */
    protected ActorException(String actorName, String message, Throwable cause) {
        super(message, cause);
        this.actorName = actorName;
    }

    /**
     * Returns the name of the actor concerned.
     *
     * @return the actor's name
     */
    public String actorName() {
        return this.actorName;
    }
}
