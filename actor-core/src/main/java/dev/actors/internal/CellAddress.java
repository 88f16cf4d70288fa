package dev.actors.internal;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import dev.actors.ActorException;
import dev.actors.MailboxFullException;
import dev.actors.OverflowPolicy;
import dev.actors.spi.RejectReason;

/**
 * Sending: what everything the runtime hands out ({@link CellHandle}, {@link CellRef}) shares. It is never the cell,
 * so nothing handed out can run the actor's loop.
 *
 * <p>The rules it keeps:
 * <ul>
 * <li>A message is accepted only with a mailbox slot: taken at once, or, with overflow {@code block}, after waiting
 * up to {@code offer-timeout}; otherwise it is refused at once ({@code MailboxFullException}, or
 * {@code ActorClosedException} once the actor stops) and counted.</li>
 * <li>A sender looks at the actor's state again after taking its slot. A stop finishes only once no slot is taken;
 * so either the stop sees the slot and waits for the message, or the sender sees the stop and gives the slot back.
 * Never an accepted message that a finished stop leaves behind.</li>
 * <li>A {@code call} refused returns an already failed future; a {@code cast} refused throws.</li>
 * <li>The sender's context is captured before the slot is taken, so a propagator that throws takes nothing.</li>
 * <li>A {@code call} made while handling a message carries that message as its parent and fails at once with
 * {@code ActorCallCycleException} when it would wait for itself ({@link CallChain}); a {@code cast} skips that.</li>
 * <li>Nothing here blocks or allocates beyond the one {@link Envelope}, except a blocked sender's wait.</li>
 * </ul>
 */
abstract class CellAddress<M, R> {

    final ActorCell<M, R> cell;

    CellAddress(ActorCell<M, R> cell) {
        this.cell = cell;
    }

    public String name() {
        return this.cell.name;
    }

    public CompletableFuture<R> call(M message) {
        return send(message, this.cell.callTimeoutNanos);
    }

    public CompletableFuture<R> call(M message, Duration timeout) {
        Objects.requireNonNull(timeout, () -> "Actor '" + this.cell.name + "': the call's timeout must not be null");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException(
                    "Actor '" + this.cell.name + "': the call's timeout must be positive but was " + timeout);
        }
        return send(message, timeout.toNanos());
    }

    public void cast(M message) {
        ActorCell<M, R> cell = this.cell;
        requireMessage(message);
        Object context = capture();
        ActorException refused = reserve();
        if (refused != null) {
            throw refused;
        }
        cell.enqueue(new Envelope(cell.name, message, cell.needsAcceptTime() ? cell.clock.nanoTime() : 0, 0, context,
                null));
    }

    @SuppressWarnings("unchecked")
    private CompletableFuture<R> send(M message, long timeoutNanos) {
        ActorCell<M, R> cell = this.cell;
        requireMessage(message);
        // Only calls carry the chain: a cast cannot wait for itself.
        Envelope parent = CallChain.current();
        if (parent != null) {
            ActorException cycle = CallChain.cycle(cell, parent);
            if (cycle != null) {
                return CompletableFuture.failedFuture(cycle);
            }
        }
        Object context;
        try {
            context = capture();
        }
        catch (Throwable ex) {
            return CompletableFuture.failedFuture(ex);
        }
        ActorException refused = reserve();
        if (refused != null) {
            return CompletableFuture.failedFuture(refused);
        }
        // A call always reads the clock: its deadline is counted from when it was accepted.
        Envelope envelope = new Envelope(cell.name, message, cell.clock.nanoTime(), timeoutNanos, context, parent);
        if (timeoutNanos == cell.callTimeoutNanos) {
            cell.timers.watch(cell.callTimeoutLane, envelope);
        }
        else {
            cell.timers.watch(timeoutNanos, envelope);
        }
        cell.enqueue(envelope);
        return (CompletableFuture<R>) (CompletableFuture<?>) envelope;
    }

    private void requireMessage(M message) {
        if (message == null) {
            throw new NullPointerException("Actor '" + this.cell.name + "': the message must not be null");
        }
    }

    /**
     * Captures the sender's context before a slot is reserved: a propagator runs other libraries' code and may
     * throw, and a slot taken first would then be lost for good. A throw refuses the message, uncounted: nothing
     * was accepted (a cast throws it, a call's future fails with it).
     */
    private Object capture() {
        return (this.cell.propagator != null) ? this.cell.propagator.capture() : null;
    }

    /** Reserves a mailbox slot; returns why not, or {@code null} when reserved. */
    private ActorException reserve() {
        ActorCell<M, R> cell = this.cell;
        if (!cell.isAccepting()) {
            return cell.rejectedClosed();
        }
        if (cell.mailbox.tryReserve() || (cell.settings.overflow() == OverflowPolicy.BLOCK
                && cell.mailbox.awaitSpace(cell.settings.offerTimeout().toNanos(), cell::isAccepting))) {
            if (cell.isAccepting()) {
                return null;
            }
            // A stop began while this sender took its slot: give it back (see the rules above).
            cell.mailbox.cancelReservation();
            return cell.rejectedClosed();
        }
        if (!cell.isAccepting()) {
            // A blocked sender woken by a stop: the actor is closing, not full.
            return cell.rejectedClosed();
        }
        cell.countRejected(RejectReason.FULL);
        return new MailboxFullException(cell.name, cell.mailbox.capacity());
    }
}
