package dev.actors.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.actors.ActorClosedException;
import dev.actors.ActorState;

/**
 * How an actor ends: a graceful stop, an aborted one, or a stop by its failure policy. Created the first time
 * anyone asks about the end (a stop, a {@code whenTerminated}), since most actors live as long as the application.
 *
 * <p>The rules it keeps:
 * <ul>
 * <li>A stop refuses new messages at once (the cell's state is {@code STOPPING}), and handles what is queued.</li>
 * <li>It ends only when the mailbox is drained: no message queued, and no slot reserved by a sender that has not
 * enqueued yet. A sender that took its slot looks at the state afterwards and gives the slot back if it sees the
 * stop, so no accepted message is left behind by a finished stop.</li>
 * <li>When the shutdown timeout passes first, a timer asks for an abort; the next run takes nothing more, fails
 * what is left with {@link ActorClosedException}, counts it as rejected-closed and logs how many. A handler still
 * running then is not interrupted, and nobody else may take from the mailbox: the abort happens when it returns.</li>
 * <li>Only a thread that holds the actor's run (the actor's thread, or a refused submit) ends a stop, so the
 * mailbox keeps its single consumer.</li>
 * <li>The instance is closed ({@code AutoCloseable.close()}) before the termination future completes, so whoever
 * waits for the termination (a keyed actor's next instance of the same key) finds {@code close()} returned.</li>
 * <li>The termination future completes last, after the final state and the counts are written.</li>
 * </ul>
 */
final class StopSequence {

    private static final Logger logger = LoggerFactory.getLogger(StopSequence.class);

    final CompletableFuture<Void> terminated = new CompletableFuture<>();

    /** Set once the shutdown timeout has passed: what is still queued is failed, not handled. */
    volatile boolean abortRequested;

    private volatile ScheduledFuture<?> abortTask;

    /** Arms the shutdown timeout: when it passes, an abort is requested and the actor woken to carry it out. */
    void armAbort(Timers timers, long timeoutNanos, Runnable wakeUp) {
        try {
            this.abortTask = timers.schedule(() -> {
                this.abortRequested = true;
                wakeUp.run();
            }, timeoutNanos);
        }
        catch (RuntimeException ex) {
            // The timers are shut down, so the system is closed: nobody will wait for this stop, end it at once.
            this.abortRequested = true;
        }
    }

    /** Ends a stop whose mailbox is drained. */
    static void finish(ActorCell<?, ?> cell, ActorState finalState) {
        cell.state(finalState);
        cell.closeInstance();
        cell.stopSequence().complete();
    }

    /** Ends a stop whose shutdown timeout passed: fails, counts and logs what was left. */
    static void abort(ActorCell<?, ?> cell) {
        ActorClosedException reason = cell.closedException("its shutdown-timeout (" + cell.settings.shutdownTimeout()
                + ") passed before this message was handled", null);
        long before = cell.counters.rejectedClosed();
        cell.failPending(reason);
        int left = (int) (cell.counters.rejectedClosed() - before) + failQueued(cell, reason);
        if (left > 0) {
            logger.warn("Actor '{}' stopped after its shutdown-timeout ({}) with {} messages unhandled; they failed "
                    + "with ActorClosedException", cell.name, cell.settings.shutdownTimeout(), left);
        }
        finish(cell, ActorState.STOPPED);
    }

    /** Stops for good, by the failure policy or a refused executor, and fails everything held or queued. */
    static void terminate(ActorCell<?, ?> cell, ActorState finalState, Throwable cause) {
        cell.state(finalState);
        cell.failPending(cell.closedException("it was stopped by its failure policy", cause));
        failQueuedLogged(cell, cause);
        cell.closeInstance();
        cell.stopSequence().complete();
    }

    /** Fails what is queued in an actor that is already stopped or failed, and logs how many. */
    static void failQueuedLogged(ActorCell<?, ?> cell, Throwable cause) {
        String state = cell.stateWord();
        int count = failQueued(cell, cell.closedException("it was " + state + " before this message was handled",
                cause));
        if (count > 0) {
            logger.warn("Actor '{}' is {}: {} queued messages failed with ActorClosedException", cell.name, state,
                    count);
        }
    }

    private static int failQueued(ActorCell<?, ?> cell, ActorClosedException reason) {
        int count = 0;
        Envelope envelope;
        while ((envelope = cell.mailbox.poll()) != null) {
            if (cell.failClosed(envelope, reason)) {
                count++;
            }
        }
        return count;
    }

    private void complete() {
        ScheduledFuture<?> abort = this.abortTask;
        if (abort != null) {
            abort.cancel(false);
        }
        this.terminated.complete(null);
    }
}
