package dev.actors;

import org.jspecify.annotations.Nullable;

/**
 * A snapshot of one actor's statistics, cheap to take at any time (every figure is read in O(1)).
 *
 * @param name the actor's name
 * @param kind plain or batch
 * @param state the life-cycle state
 * @param mailboxSize messages waiting now
 * @param mailboxCapacity the mailbox bound
 * @param handled messages handled successfully
 * @param failed messages whose handler (or batch) threw
 * @param rejectedFull messages refused because the mailbox was full
 * @param rejectedClosed messages refused, or failed unhandled, because the actor was stopping or stopped
 * @param expired messages skipped because their caller's timeout passed while they were queued
 * @param restarts restarts by the failure policy
 * @param flushes calls of the batch handler, retries included (batch actors; 0 otherwise)
 * @param lastFlushSize the size of the last batch (batch actors; 0 otherwise)
 * @param batchRetries calls of the batch handler that retried part of a failed batch
 *     ({@link BatchFailurePolicy#BISECT}; 0 otherwise)
 * @param lastError the last failure of the handler, or {@code null}
 */
public record ActorStats(String name, ActorKind kind, ActorState state, int mailboxSize, int mailboxCapacity,
        long handled, long failed, long rejectedFull, long rejectedClosed, long expired, long restarts, long flushes,
        int lastFlushSize, long batchRetries, @Nullable Throwable lastError) {

    /**
     * Returns every message not accepted or not handled because of the mailbox bound or a stop.
     *
     * @return {@code rejectedFull + rejectedClosed}
     */
    public long rejected() {
        return this.rejectedFull + this.rejectedClosed;
    }
}
