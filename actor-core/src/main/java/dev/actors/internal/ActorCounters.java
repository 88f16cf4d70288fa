package dev.actors.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

import dev.actors.spi.RejectReason;

/**
 * An actor's counters: what it handled, failed, skipped and refused, and how often it restarted.
 *
 * <p>The rules it keeps:
 * <ul>
 * <li>The actor's own counts ({@code handled}, {@code failed}, {@code expired}, {@code restarts}) have one writer,
 * the actor's thread, so a plain read-add-write is exact and a release store publishes it: a release store is a
 * plain store on x86, where a volatile one would cost a fence per message.</li>
 * <li>Count first, then complete: a caller that saw its reply reads a count that includes it.</li>
 * <li>The refusals are written by senders, from any thread: atomic adds, which are rare.</li>
 * <li>Plain fields behind {@link VarHandle}s, no {@code AtomicLong}s.</li>
 * <li>They are fields of the mailbox, on the consumer's side, rather than an object of their own: the actor's
 * thread writes them per message, as it writes the mailbox's {@code head} and {@code consumed}, so they share that
 * cache line and not one that senders read (in the cell, each write would cost the next sender a cache miss); and
 * an idle actor, mostly these few hundred bytes, saves an object header and a reference. The cell keeps them in a
 * field of this type, so the code that counts reads as counting.</li>
 * </ul>
 */
abstract class ActorCounters extends MailboxConsumerFields {

    private static final VarHandle HANDLED;

    private static final VarHandle FAILED;

    private static final VarHandle EXPIRED;

    private static final VarHandle RESTARTS;

    private static final VarHandle RUNS_REFUSED;

    private static final VarHandle REJECTED_FULL;

    private static final VarHandle REJECTED_CLOSED;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            HANDLED = lookup.findVarHandle(ActorCounters.class, "handled", long.class);
            FAILED = lookup.findVarHandle(ActorCounters.class, "failed", long.class);
            EXPIRED = lookup.findVarHandle(ActorCounters.class, "expired", long.class);
            RESTARTS = lookup.findVarHandle(ActorCounters.class, "restarts", long.class);
            RUNS_REFUSED = lookup.findVarHandle(ActorCounters.class, "runsRefused", long.class);
            REJECTED_FULL = lookup.findVarHandle(ActorCounters.class, "rejectedFull", long.class);
            REJECTED_CLOSED = lookup.findVarHandle(ActorCounters.class, "rejectedClosed", long.class);
        }
        catch (ReflectiveOperationException ex) {
            throw new ExceptionInInitializerError(ex);
        }
    }

    private long handled;

    private long failed;

    private long expired;

    private long restarts;

    private long runsRefused;

    private volatile long rejectedFull;

    private volatile long rejectedClosed;

    ActorCounters(int capacity, Envelope stub) {
        super(capacity, stub);
    }

    /** Actor's thread only. */
    void countHandled(int n) {
        HANDLED.setRelease(this, this.handled + n);
    }

    /** Actor's thread only. */
    void countFailed(int n) {
        FAILED.setRelease(this, this.failed + n);
    }

    /** Actor's thread only (or a thread that holds the actor's run, such as a refused submit). */
    void countExpired() {
        EXPIRED.setRelease(this, this.expired + 1);
    }

    /** Actor's thread only. */
    void countRestart() {
        RESTARTS.setRelease(this, this.restarts + 1);
    }

    /** The thread that holds the actor's run and whose submission was refused. */
    void countRunRefused() {
        RUNS_REFUSED.setRelease(this, this.runsRefused + 1);
    }

    /** Any thread. */
    void countRejected(RejectReason reason) {
        ((reason == RejectReason.FULL) ? REJECTED_FULL : REJECTED_CLOSED).getAndAdd(this, 1L);
    }

    long handled() {
        return (long) HANDLED.getAcquire(this);
    }

    long failed() {
        return (long) FAILED.getAcquire(this);
    }

    long expired() {
        return (long) EXPIRED.getAcquire(this);
    }

    long restarts() {
        return (long) RESTARTS.getAcquire(this);
    }

    /** Times the executor refused to run the actor (each retry counts). */
    long runsRefused() {
        return (long) RUNS_REFUSED.getAcquire(this);
    }

    long rejectedFull() {
        return this.rejectedFull;
    }

    long rejectedClosed() {
        return this.rejectedClosed;
    }
}
