package dev.actors.autoconfigure;

import dev.actors.spring.ActorWorker;

/**
 * Thrown at start-up when the application's actors are declared or configured wrongly: an {@code @ActorWorker}
 * class that is not an actor, two actors with one name, settings for an actor that does not exist, or batch
 * settings for an actor that does not batch. The message says what is wrong and how to fix it.
 */
public class ActorWorkerConfigurationException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /** What is wrong. */
    private final String description;

    /** How to fix it. */
    private final String action;

    /**
     * Creates the exception.
     *
     * @param description what is wrong
     * @param action how to fix it
     */
    public ActorWorkerConfigurationException(String description, String action) {
        super(description + " " + action);
        this.description = description;
        this.action = action;
    }

    /**
     * Returns what is wrong.
     *
     * @return the description
     */
    public String getDescription() {
        return this.description;
    }

    /**
     * Returns how to fix it.
     *
     * @return the action
     */
    public String getAction() {
        return this.action;
    }
}
