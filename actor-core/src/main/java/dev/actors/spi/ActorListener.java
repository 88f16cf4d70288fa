package dev.actors.spi;

import dev.actors.ActorSystem;
import dev.actors.BatchActor;

/**
 * Hears what one actor does, for metrics. One listener is made per actor (see
 * {@link ActorSystem.Builder#listenerFactory(java.util.function.Function)}), so it can look its meters up once.
 *
 * <p>Methods run on the hot path (the actor's thread, or the sender's for rejections): keep them short and never
 * throw. Every method does nothing by default.
 */
public interface ActorListener {

    /** A listener that hears nothing. */
    ActorListener NONE = new ActorListener() {
    };

    /**
     * A message is about to be handled (alone, or in a batch that is about to be flushed).
     *
     * @param waitNanos time from accepted to now
     */
    default void messageStarted(long waitNanos) {
    }

    /**
     * A plain actor's handler returned or threw.
     *
     * @param nanos time spent in the handler
     * @param success {@code false} when it threw
     */
    default void messageProcessed(long nanos, boolean success) {
    }

    /**
     * A message was not accepted.
     *
     * @param reason why
     */
    default void messageRejected(RejectReason reason) {
    }

    /**
     * A queued message was skipped because its caller had given up (timed out or cancelled).
     */
    default void messageExpired() {
    }

    /**
     * A batch actor handed over one batch: one call of {@link BatchActor#handleBatch(java.util.List)}, a retry of
     * part of a failed batch included.
     *
     * @param trigger why the batch was handed over (a retry keeps the trigger of the batch it is part of)
     * @param size messages in the batch
     * @param nanos time spent in {@link BatchActor#handleBatch(java.util.List)}
     * @param outcome how it ended
     */
    default void batchFlushed(FlushTrigger trigger, int size, long nanos, FlushOutcome outcome) {
    }

    /**
     * A batch actor is about to retry part of a failed batch ({@link dev.actors.BatchFailurePolicy#BISECT}).
     *
     * @param size messages in the part retried
     */
    default void batchRetried(int size) {
    }

    /**
     * The failure policy replaced the actor with a fresh instance.
     *
     * @param cause the failure that caused the restart
     */
    default void restarted(Throwable cause) {
    }

    /**
     * The executor refused to run the actor (it threw from {@code execute}). The runtime tries again with a
     * back-off, within the actor's shutdown-timeout, before it stops the actor for good.
     *
     * @param cause what the executor threw
     */
    default void runRefused(Throwable cause) {
    }

    /**
     * An instance's {@link AutoCloseable#close()} threw (the failure is logged with the actor and the key).
     *
     * @param failure what {@code close()} threw
     */
    default void closeFailed(Throwable failure) {
    }

    /**
     * A keyed actor created the instance of a key, at the key's first message since it was last passivated.
     */
    default void keyActivated() {
    }

    /**
     * A keyed actor's instance of one key was closed and dropped.
     *
     * @param reason why
     */
    default void keyPassivated(PassivationReason reason) {
    }
}
