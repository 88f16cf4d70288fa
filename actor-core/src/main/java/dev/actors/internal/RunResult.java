package dev.actors.internal;

/**
 * What one pass of a cell's message processing ended with: the run loop ({@link ActorCell#run()}) decides from it
 * whether to go on, spin a little before going idle, or give the thread back.
 */
enum RunResult {

    /** The budget ran out with messages left: go on if nobody else waits for the thread. */
    BUDGET_SPENT,

    /** The mailbox is drained (or the actor stopped handling): go idle. */
    DRAINED,

    /**
     * The mailbox is drained right after answering a lone call: its caller may well call again at once, so a short
     * spin before going idle is likely to pay.
     */
    DRAINED_AFTER_LONE_CALL,

    /**
     * An async handler's stage is in flight: the run ends at once, keeping the actor scheduled, and whoever settles
     * the stage submits the next run ({@link AsyncStage}). The ending run touches nothing more.
     */
    AWAITING
}
