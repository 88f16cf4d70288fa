package dev.actors;

import java.util.concurrent.CompletableFuture;

/**
 * The {@link ActorHandle} an {@link ActorSystem} gives back when it creates an actor, with the operations its owner
 * needs: statistics and stopping. Hand out {@link #handle()} to code that only sends: a reference stops the actor.
 *
 * @param <M> the message type
 * @param <R> the reply type
 */
public interface ActorRef<M, R> extends ActorHandle<M, R> {

    /**
     * Returns the actor's address alone: a handle that can only send. It is not this reference, and cannot be cast
     * to one, so code given the handle cannot stop the actor. It is what Spring injects.
     *
     * @return the handle, the same one each time
     */
    ActorHandle<M, R> handle();

    /**
     * Returns whether this is a plain or a batch actor.
     *
     * @return the kind
     */
    ActorKind kind();

    /**
     * Returns the settings the actor runs with.
     *
     * @return the settings
     */
    ActorSettings settings();

    /**
     * Returns the actor's life-cycle state now.
     *
     * @return the state
     */
    ActorState state();

    /**
     * Tells whether the actor has nothing to do now: no message queued (or being sent), none being handled, none
     * held for later (a batch waiting for its deadline). A snapshot, as {@link #stats()} is: a message sent the
     * next moment makes it busy again. Tests use it to wait until what they sent has been handled.
     *
     * @return whether the actor is idle
     */
    boolean isIdle();

    /**
     * Returns a snapshot of the actor's statistics.
     *
     * @return the statistics
     */
    ActorStats stats();

    /**
     * Starts a graceful stop: new messages are refused at once with {@link ActorClosedException}; queued ones are
     * handled (a batch actor flushes its partial batch) within the shutdown timeout; what is left after it fails
     * with {@link ActorClosedException}, and its count is logged. Calling it again returns the same future.
     *
     * <p>A handler is never interrupted: when one is still running at the shutdown timeout, what is queued behind
     * it fails when it returns, not at the timeout (meanwhile queued calls end at their own timeout).
     *
     * @return a future completed when the actor has stopped
     */
    CompletableFuture<Void> stop();

    /**
     * Returns a future completed when the actor has stopped, by {@link #stop()} or by its failure policy.
     *
     * @return the termination future
     */
    CompletableFuture<Void> whenTerminated();
}
