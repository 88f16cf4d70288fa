package dev.actors.cluster;

import dev.actors.ActorException;

/**
 * The handler of a keyed actor threw on the instance that owns the key. The original exception stays there (it is
 * logged and counted as any handler failure); the caller gets its class name and message, never the exception
 * itself, so that no arbitrary class is deserialized. {@link #getMessage()} is the original message.
 */
public class RemoteActorException extends ActorException {

    private static final long serialVersionUID = 1L;

    /** The class name of the exception the handler threw. */
    private final String originalClassName;

    /**
     * Creates the exception.
     *
     * @param actorName the actor's name
     * @param originalClassName the class name of the exception the handler threw
     * @param originalMessage its message, or {@code null}
     */
    public RemoteActorException(String actorName, String originalClassName, String originalMessage) {
        super(actorName, originalMessage);
        this.originalClassName = originalClassName;
    }

    /**
     * Returns the class name of the exception the handler threw, on the instance that owns the key.
     *
     * @return the original class name
     */
    public String originalClassName() {
        return this.originalClassName;
    }

    @Override
    public String toString() {
        return getClass().getName() + " (" + this.originalClassName + " in actor '" + actorName() + "'): "
                + getMessage();
    }
}
