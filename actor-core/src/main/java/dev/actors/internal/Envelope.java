package dev.actors.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;

import dev.actors.ActorCallTimeoutException;

/**
 * One accepted message. It is, at once, the mailbox's queue node (intrusive: no node object per message), the
 * caller's future for a {@code call}, and the task that fails that future when its timeout passes. So a cast costs
 * one allocation and a call one plus its timer entry.
 */
public final class Envelope extends CompletableFuture<Object> implements Runnable {

    private static final VarHandle NEXT;

    static {
        try {
            NEXT = MethodHandles.lookup().findVarHandle(Envelope.class, "next", Envelope.class);
        }
        catch (ReflectiveOperationException ex) {
            throw new ExceptionInInitializerError(ex);
        }
    }

    private final String actorName;

    /** Nanos ({@link System#nanoTime()}) when the message was accepted. */
    final long acceptedAt;

    /** The call's timeout in nanos; 0 for a cast. */
    final long timeoutNanos;

    /** Cleared once handled, so that a caller keeping its future does not keep the message. */
    Object message;

    /** The sender's context, or {@code null}. */
    final Object context;

    /** The pending timeout of a call; set before the envelope is published to the consumer. */
    ScheduledFuture<?> timeoutTask;

    @SuppressWarnings("unused") // accessed through NEXT
    private volatile Envelope next;

    Envelope(String actorName, Object message, long acceptedAt, long timeoutNanos, Object context) {
        this.actorName = actorName;
        this.message = message;
        this.acceptedAt = acceptedAt;
        this.timeoutNanos = timeoutNanos;
        this.context = context;
    }

    /** The mailbox's stub node. */
    Envelope() {
        this(null, null, 0, 0, null);
    }

    boolean isCall() {
        return this.timeoutNanos != 0;
    }

    /** Fails the call when its timeout passes (runs on the timer thread). */
    @Override
    public void run() {
        completeExceptionally(new ActorCallTimeoutException(this.actorName, Duration.ofNanos(this.timeoutNanos)));
    }

    void cancelTimeout() {
        ScheduledFuture<?> task = this.timeoutTask;
        if (task != null) {
            this.timeoutTask = null;
            task.cancel(false);
        }
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
}
