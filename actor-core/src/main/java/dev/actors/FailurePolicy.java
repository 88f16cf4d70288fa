package dev.actors;

/**
 * What happens to an actor when its handler throws. The caller of the failed message gets the exception in every
 * case (for a cast it is logged and counted).
 */
public enum FailurePolicy {

    /** Keep the actor and its state and go on with the next message. */
    RESUME,

    /**
     * Replace the actor with a fresh instance from its factory and go on. More than
     * {@link ActorSettings#maxRestarts()} restarts within {@link ActorSettings#restartWithin()} stop it for good
     * ({@link ActorState#FAILED}), as an Erlang supervisor gives up after its restart intensity.
     */
    RESTART,

    /** Stop the actor for good ({@link ActorState#FAILED}) at its first failure. */
    STOP
}
