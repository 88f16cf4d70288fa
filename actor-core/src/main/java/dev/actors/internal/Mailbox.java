package dev.actors.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bounded multi-producer, single-consumer queue of {@link Envelope}s.
 *
 * <p>The queue is Vyukov's intrusive MPSC linked queue: a producer links its envelope with one atomic swap of the
 * tail, and the consumer follows {@code next} pointers without any atomic operation. The bound is kept apart from
 * the queue, as JCTools does: producers reserve a slot by advancing a {@code produced} counter and compare it with
 * a cached limit ({@code consumed + capacity}), re-reading the consumer's counter only when the cache says full, so
 * producers and consumer do not fight over one shared counter. The depth is {@code produced - consumed}: O(1).
 *
 * <p>A producer calls {@link #tryReserve()} and then {@link #offer(Envelope)} (or {@link #cancelReservation()});
 * only the consumer calls {@link #poll()} and {@link #hasMessages()}.
 */
final class Mailbox {

    private static final VarHandle TAIL;

    static {
        try {
            TAIL = MethodHandles.lookup().findVarHandle(Mailbox.class, "tail", Envelope.class);
        }
        catch (ReflectiveOperationException ex) {
            throw new ExceptionInInitializerError(ex);
        }
    }

    private final int capacity;

    private final AtomicLong produced = new AtomicLong();

    private final AtomicLong consumed = new AtomicLong();

    /** A lower bound of {@code consumed + capacity}; racy writes are fine because any written value is one. */
    private volatile long producerLimit;

    /** Consumer-only. The last envelope taken (or the initial stub); its successor is the next to take. */
    private Envelope head;

    @SuppressWarnings("unused") // accessed through TAIL
    private volatile Envelope tail;

    Mailbox(int capacity) {
        this.capacity = capacity;
        this.producerLimit = capacity;
        Envelope stub = new Envelope();
        this.head = stub;
        this.tail = stub;
    }

    int capacity() {
        return this.capacity;
    }

    /** Messages accepted and not yet taken (including slots reserved a moment before their offer). */
    int size() {
        long c = this.consumed.get();
        long size = this.produced.get() - c;
        return (int) Math.max(0, Math.min(size, this.capacity));
    }

    boolean tryReserve() {
        for (;;) {
            long p = this.produced.get();
            if (p >= this.producerLimit) {
                long limit = this.consumed.get() + this.capacity;
                if (p >= limit) {
                    return false;
                }
                this.producerLimit = limit;
            }
            if (this.produced.compareAndSet(p, p + 1)) {
                return true;
            }
        }
    }

    void cancelReservation() {
        this.produced.decrementAndGet();
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
        this.consumed.lazySet(this.consumed.get() + 1);
        return next;
    }

    /** Consumer only: whether a message is queued or being linked. Full fence: pairs with a producer's swap. */
    boolean hasMessages() {
        return (Envelope) TAIL.getVolatile(this) != this.head;
    }
}
