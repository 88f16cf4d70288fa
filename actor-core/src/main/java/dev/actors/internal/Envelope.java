package dev.actors.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import dev.actors.ActorCallTimeoutException;

/**
 * One accepted message. It is, at once, the mailbox's queue node (intrusive: no node object per message), the
 * caller's future for a {@code call}, and the node of its timeout lane ({@link Timers}). So a message costs one
 * allocation, call or cast.
 */
public final class Envelope extends CompletableFuture<Object> {

    private static final VarHandle NEXT;

    private static final VarHandle TIMEOUT_NEXT;

    static {
        try {
            NEXT = MethodHandles.lookup().findVarHandle(Envelope.class, "next", Envelope.class);
            TIMEOUT_NEXT = MethodHandles.lookup().findVarHandle(Envelope.class, "timeoutNext", Envelope.class);
        }
        catch (ReflectiveOperationException ex) {
            throw new ExceptionInInitializerError(ex);
        }
    }

    /** The actor this message is for. */
    final String actorName;

    /** Nanos, on the actor's clock ({@link dev.actors.spi.ActorClock}), when the message was accepted. */
    final long acceptedAt;

    /** The call's timeout in nanos; 0 for a cast. */
    final long timeoutNanos;

    /** Cleared once handled, so that a caller keeping its future does not keep the message. */
    Object message;

    /**
     * Where the message comes from: the sender's context ({@link #context()}), the message its sender was handling
     * ({@link #parent()}), both ({@link ContextAndParent}), or neither ({@code null}). One field for two that are
     * both rarely set: a cast then costs 56 bytes, not 64, with compressed references.
     */
    private Object origin;

    @SuppressWarnings("unused") // accessed through NEXT
    private volatile Envelope next;

    @SuppressWarnings("unused") // accessed through TIMEOUT_NEXT
    private volatile Envelope timeoutNext;

    Envelope(String actorName, Object message, long acceptedAt, long timeoutNanos, Object context, Envelope parent) {
        this.actorName = actorName;
        this.message = message;
        this.acceptedAt = acceptedAt;
        this.timeoutNanos = timeoutNanos;
        this.origin = (parent == null) ? context : (context == null) ? parent : new ContextAndParent(context, parent);
    }

    /** The mailbox's stub node. */
    Envelope() {
        this(null, null, 0, 0, null, null);
    }

    /** The sender's context, or {@code null}. */
    Object context() {
        Object origin = this.origin;
        if (origin instanceof Envelope) {
            return null;
        }
        return (origin instanceof ContextAndParent both) ? both.context : origin;
    }

    /**
     * For a call made while handling a message, that message ({@link CallChain}); {@code null} for a cast or a call
     * from outside any actor, and once the reply is complete. Read by other actors' senders too: a racy read sees
     * the parent or no parent, either of which is true at some moment.
     */
    Envelope parent() {
        Object origin = this.origin;
        if (origin instanceof Envelope parent) {
            return parent;
        }
        return (origin instanceof ContextAndParent both) ? both.parent : null;
    }

    /** Drops the parent once the reply is complete: a caller keeping its future must not keep the chain. */
    void clearParent() {
        Object origin = this.origin;
        if (origin instanceof Envelope) {
            this.origin = null;
        }
        else if (origin instanceof ContextAndParent both) {
            this.origin = both.context;
        }
    }

    boolean isCall() {
        return this.timeoutNanos != 0;
    }

    long deadline() {
        return this.acceptedAt + this.timeoutNanos;
    }

    /** Fails the call because its timeout passed (off the timer thread: see {@link Timers}). */
    void expire() {
        completeExceptionally(new ActorCallTimeoutException(this.actorName, Duration.ofNanos(this.timeoutNanos)));
    }

    Envelope nextAcquire() {
        return (Envelope) NEXT.getAcquire(this);
    }

    void nextRelease(Envelope next) {
        NEXT.setRelease(this, next);
    }

    void clearNext() {
        NEXT.set(this, null);
    }

    Envelope timeoutNextAcquire() {
        return (Envelope) TIMEOUT_NEXT.getAcquire(this);
    }

    void timeoutNextRelease(Envelope next) {
        TIMEOUT_NEXT.setRelease(this, next);
    }

    void clearTimeoutNext() {
        TIMEOUT_NEXT.set(this, null);
    }

    /** A sender's context and the message its sender was handling, when a message has both. */
    private record ContextAndParent(Object context, Envelope parent) {
    }
}
