package dev.actors.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * A bounded multi-producer, single-consumer queue of {@link Envelope}s.
 *
 * <p>The queue is Vyukov's intrusive MPSC linked queue: a producer links its envelope with one atomic swap of the
 * tail, and the consumer follows {@code next} pointers without any atomic operation. The bound is kept apart from
 * the queue, as JCTools does: producers reserve a slot by advancing a {@code produced} counter and compare it with
 * a cached limit ({@code consumed + capacity}), re-reading the consumer's counter only when the cache says full, so
 * producers and consumer do not fight over one shared counter. The depth is {@code produced - consumed}: O(1).
 *
 * <p>The fields producers write and the fields the consumer writes sit on different cache lines (the padding class
 * between them, with no gap the JVM could fill with a consumer's field), so a consumer taking messages does not keep
 * invalidating the line producers swap on.
 *
 * <p>Back-pressure lives here too. With overflow {@code block}, a sender that finds the mailbox full waits in
 * {@link #awaitSpace} on a lock of its own ({@link BlockedSenders}); the consumer signals one waiter per message it
 * takes, and only when someone waits, so the lock costs nothing to actors whose senders never block. A missed
 * signal costs a waiter at most {@link #MAX_SPACE_WAIT_NANOS}, never a hang: waiters look again on their own.
 *
 * <p>A producer calls {@link #tryReserve()} (or {@link #awaitSpace}) and then {@link #offer(Envelope)} (or
 * {@link #cancelReservation()}); only the consumer calls {@link #poll()}, {@link #isDrained()} and
 * {@link #hasMessages()}.
 */
final class Mailbox extends ActorCounters {

    private static final VarHandle TAIL;

    private static final VarHandle PRODUCED;

    private static final VarHandle CONSUMED;

    private static final VarHandle HANDLING;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            TAIL = lookup.findVarHandle(MailboxProducerFields.class, "tail", Envelope.class);
            PRODUCED = lookup.findVarHandle(MailboxProducerFields.class, "produced", long.class);
            CONSUMED = lookup.findVarHandle(MailboxConsumerFields.class, "consumed", long.class);
            HANDLING = lookup.findVarHandle(MailboxConsumerFields.class, "handling", Envelope.class);
        }
        catch (ReflectiveOperationException ex) {
            throw new ExceptionInInitializerError(ex);
        }
    }

    /** Longest a blocked sender sleeps between looks at the mailbox: bounds the cost of a missed signal. */
    private static final long MAX_SPACE_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    /** Senders blocked on a full mailbox; {@code null} unless senders may block (overflow 'block'). */
    private final BlockedSenders blocked;

    /**
     * Creates an empty mailbox.
     *
     * @param capacity the bound
     * @param sendersMayBlock whether senders wait for space when it is full ({@link #awaitSpace})
     */
    Mailbox(int capacity, boolean sendersMayBlock) {
        super(capacity, new Envelope());
        this.blocked = sendersMayBlock ? new BlockedSenders() : null;
    }

    int capacity() {
        return this.capacity;
    }

    /** Messages accepted and not yet taken (including slots reserved a moment before their offer). */
    int size() {
        long c = (long) CONSUMED.getVolatile(this);
        long size = (long) PRODUCED.getVolatile(this) - c;
        return (int) Math.max(0, Math.min(size, this.capacity));
    }

    boolean tryReserve() {
        for (;;) {
            long p = (long) PRODUCED.getVolatile(this);
            if (p >= this.producerLimit) {
                long limit = (long) CONSUMED.getVolatile(this) + this.capacity;
                if (p >= limit) {
                    return false;
                }
                this.producerLimit = limit;
            }
            if (PRODUCED.compareAndSet(this, p, p + 1)) {
                return true;
            }
        }
    }

    void cancelReservation() {
        PRODUCED.getAndAdd(this, -1L);
    }

    void offer(Envelope envelope) {
        Envelope previous = (Envelope) TAIL.getAndSet(this, envelope);
        previous.nextRelease(envelope);
    }

    /** Consumer only. */
    Envelope poll() {
        Envelope h = this.head;
        Envelope next = h.nextAcquire();
        if (next == null) {
            if (h == (Envelope) TAIL.getVolatile(this)) {
                return null;
            }
            // A producer has swapped the tail but not linked its node yet: it is a few instructions away.
            while ((next = h.nextAcquire()) == null) {
                Thread.onSpinWait();
            }
        }
        this.head = next;
        // The old head may be a caller's future that lives on: do not let it keep the rest of the queue alive.
        h.clearNext();
        CONSUMED.setRelease(this, this.consumed + 1);
        if (this.blocked != null && this.blocked.waiters.get() != 0) {
            this.blocked.signal();
        }
        return next;
    }

    /**
     * Waits for a free slot and reserves it, for a sender that found the mailbox full (overflow 'block' only).
     *
     * @param timeoutNanos how long to wait at most
     * @param accepting whether the actor still accepts messages: a stop ends the wait at once
     * @return {@code true} when a slot was reserved
     */
    boolean awaitSpace(long timeoutNanos, BooleanSupplier accepting) {
        BlockedSenders wait = this.blocked;
        long remaining = timeoutNanos;
        wait.waiters.incrementAndGet();
        wait.lock.lock();
        try {
            // Real time, not the actor's clock: this thread really sleeps, and a clock moved by hand would not wake it.
            long deadline = System.nanoTime() + remaining;
            while (remaining > 0 && accepting.getAsBoolean()) {
                wait.spaceAvailable.awaitNanos(Math.min(remaining, MAX_SPACE_WAIT_NANOS));
                if (tryReserve()) {
                    return true;
                }
                remaining = deadline - System.nanoTime();
            }
            return false;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
        finally {
            wait.lock.unlock();
            wait.waiters.decrementAndGet();
        }
    }

    /** Which message the actor is busy with, as another thread sees it (an opaque read: no fence). */
    Envelope handlingNow() {
        return (Envelope) HANDLING.getOpaque(this);
    }

    /**
     * Consumer only: whether every slot ever reserved has been taken, so no message is queued, being linked, or
     * about to be offered by a producer that has reserved its slot.
     */
    boolean isDrained() {
        return (long) PRODUCED.getVolatile(this) == this.consumed;
    }

    /** Consumer only: whether a message is queued or being linked. Pairs with a producer's swap of the tail. */
    boolean hasMessages() {
        return (Envelope) TAIL.getVolatile(this) != this.head;
    }
}

/** The lock and condition on which senders wait for space, with overflow 'block'. */
final class BlockedSenders {

    final AtomicInteger waiters = new AtomicInteger();

    final ReentrantLock lock = new ReentrantLock();

    final Condition spaceAvailable = this.lock.newCondition();

    void signal() {
        this.lock.lock();
        try {
            this.spaceAvailable.signal();
        }
        finally {
            this.lock.unlock();
        }
    }
}

/** What producers write: the tail they swap, the slots they reserve. */
abstract class MailboxProducerFields {

    final int capacity;

    volatile Envelope tail;

    long produced;

    /** A lower bound of {@code consumed + capacity}; racy writes are fine because any written value is one. */
    volatile long producerLimit;

    MailboxProducerFields(int capacity, Envelope stub) {
        this.capacity = capacity;
        this.producerLimit = capacity;
        this.tail = stub;
    }
}

/** A cache line between the producers' fields and the consumer's. */
abstract class MailboxPadding extends MailboxProducerFields {

    /**
     * Fills the 4-byte gap after the producers' fields. Left open, the JVM's field layout (JDK 15 and later) puts a
     * subclass's reference there, and it put the consumer's {@code head}, written per message, right beside the
     * producers' {@code tail}: the padding below did nothing.
     */
    int p00;
    long p01;
    long p02;
    long p03;
    long p04;
    long p05;
    long p06;
    long p07;

    MailboxPadding(int capacity, Envelope stub) {
        super(capacity, stub);
    }
}

/** What only the consumer writes. */
abstract class MailboxConsumerFields extends MailboxPadding {

    /** The last envelope taken (or the initial stub); its successor is the next to take. */
    Envelope head;

    long consumed;

    /**
     * The message being handled, or whose async stage is in flight ({@link CallChain}); {@code null} between
     * messages. Written plainly by the actor's thread, once or twice per message: so it lives here, on the
     * consumer's cache line, not in the cell beside the fields every sender reads ({@code state}, the propagator),
     * where each write would cost the next sender a cache miss. A call that must see it descends from that write.
     */
    Envelope handling;

    MailboxConsumerFields(int capacity, Envelope stub) {
        super(capacity, stub);
        this.head = stub;
    }
}
