package dev.actors;

/**
 * The life cycle of an actor.
 */
public enum ActorState {

    /** Accepting and handling messages. */
    RUNNING,

    /** A failed instance is being replaced by a fresh one (failure policy {@link FailurePolicy#RESTART}). */
    RESTARTING,

    /** A graceful stop is under way: new messages are refused, queued ones are still handled. */
    STOPPING,

    /** Stopped by a shutdown. */
    STOPPED,

    /** Stopped for good by its failure policy; {@link ActorStats#lastError()} says why. */
    FAILED;

    /**
     * Tells whether an actor in this state accepts new messages.
     *
     * @return {@code true} for {@link #RUNNING} and {@link #RESTARTING}
     */
    public boolean isAccepting() {
        return this == RUNNING || this == RESTARTING;
    }

    /**
     * Tells whether an actor in this state is stopped for good.
     *
     * @return {@code true} for {@link #STOPPED} and {@link #FAILED}
     */
    public boolean isTerminal() {
        return this == STOPPED || this == FAILED;
    }
}
