package dev.actors.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.actors.ActorClosedException;
import dev.actors.ActorKind;
import dev.actors.ActorSettings;
import dev.actors.AsyncBatchActor;
import dev.actors.BatchActor;
import dev.actors.BatchResultSizeException;
import dev.actors.spi.ContextPropagator;
import dev.actors.spi.FlushTrigger;

/**
 * An {@link ActorCell} that collects messages into batches for a {@link BatchActor}: the batcher.
 *
 * <p>Each run takes messages from the mailbox into the batch being collected. A full batch is flushed at once
 * (trigger {@code size}), so a backlog becomes full batches back to back with no waiting. A partial batch waits:
 * the cell arms a timer for {@code max-time} after the batch's first message was accepted and goes idle, holding no
 * thread; the timer, or the next message, wakes it. A stopping actor flushes its partial batch (trigger
 * {@code shutdown}). Only the actor's thread touches the batch, so it needs no lock.
 *
 * <p>An {@link AsyncBatchActor}'s flush is in flight until its stage completes: the run ends meanwhile
 * ({@link AsyncStage}), so there is never a second flush in flight, and messages keep queueing in the mailbox; the
 * run that applies the outcome goes on collecting, and the next batch takes what accumulated, up to
 * {@code max-size} (group commit for async clients).
 */
public final class BatchActorCell<M, R> extends ActorCell<M, R> {

    private static final Logger logger = LoggerFactory.getLogger(BatchActorCell.class);

    private final int maxSize;

    private final long maxTimeNanos;

    private final ArrayList<Envelope> batch;

    private final ActorInstance<Object> actor;

    private final boolean async;

    /** The flush whose stage is in flight: its live messages and its trigger. */
    private List<Envelope> flushing;

    private FlushTrigger flushingTrigger;

    private long batchDeadline;

    private ScheduledFuture<?> batchTimer;

    /** Reused by the batch deadline timer, which only needs to wake the actor. */
    private final Runnable wakeUp = this::scheduleRun;

    private volatile long flushes;

    private volatile int lastFlushSize;

    /**
     * Creates the cell without its instance: {@link #start()} creates it.
     *
     * @param name the actor's name
     * @param settings validated settings
     * @param executor runs the handler
     * @param timers runs timeouts and batch deadlines
     * @param propagator carries the sender's context, or {@code null} (batches do not restore it)
     * @param factory makes actor instances (at the start, and on every restart)
     */
    public BatchActorCell(String name, ActorSettings settings, Executor executor, Timers timers,
            ContextPropagator propagator, Supplier<? extends BatchActor<M, R>> factory) {
        this(name, settings, executor, timers, propagator, factory, false);
    }

    private BatchActorCell(String name, ActorSettings settings, Executor executor, Timers timers,
            ContextPropagator propagator, Supplier<?> factory, boolean async) {
        super(name, settings, executor, timers, propagator);
        this.actor = new ActorInstance<>(name, factory);
        this.async = async;
        this.maxSize = settings.batchMaxSize();
        this.maxTimeNanos = settings.batchMaxTime().toNanos();
        this.batch = new ArrayList<>(Math.min(this.maxSize, 1024));
    }

    /**
     * Creates the cell of an {@link AsyncBatchActor} without its instance: {@link #start()} creates it.
     *
     * @param name the actor's name
     * @param settings validated settings
     * @param executor runs the handler
     * @param timers runs timeouts and batch deadlines
     * @param propagator carries the sender's context, or {@code null} (batches do not restore it)
     * @param factory makes actor instances (at the start, and on every restart)
     * @param <M> the message type
     * @param <R> the reply type
     * @return the cell
     */
    public static <M, R> BatchActorCell<M, R> async(String name, ActorSettings settings, Executor executor,
            Timers timers, ContextPropagator propagator, Supplier<? extends AsyncBatchActor<M, R>> factory) {
        return new BatchActorCell<>(name, settings, executor, timers, propagator, factory, true);
    }

    @Override
    public ActorKind kind() {
        return ActorKind.BATCH;
    }

    @Override
    ActorInstance<?> instance() {
        return this.actor;
    }

    /** A batch's max-time counts from its first message's arrival. */
    @Override
    boolean needsAcceptTime() {
        return true;
    }

    @Override
    RunResult processMessages(int budget) {
        AsyncStage settled = this.inFlight;
        if (settled != null && !finishStage(settled)) {
            return RunResult.DRAINED;
        }
        int handledMessages = 0;
        while (handledMessages < budget) {
            Envelope envelope = null;
            while (this.batch.size() < this.maxSize && (envelope = nextLive()) != null) {
                if (this.batch.isEmpty()) {
                    this.batchDeadline = envelope.acceptedAt + this.maxTimeNanos;
                }
                this.batch.add(envelope);
            }
            if (this.batch.isEmpty() || isAbortRequested()) {
                return RunResult.DRAINED;   // on abort, the stop fails the partial batch
            }
            FlushTrigger trigger;
            if (this.batch.size() >= this.maxSize) {
                trigger = FlushTrigger.SIZE;
            }
            else if (isStopping()) {
                trigger = FlushTrigger.SHUTDOWN;
            }
            else if (System.nanoTime() - this.batchDeadline >= 0) {
                trigger = FlushTrigger.TIME;
            }
            else {
                armTimer();
                return RunResult.DRAINED;
            }
            int flushed = flush(trigger);
            if (flushed < 0) {
                return RunResult.AWAITING;
            }
            handledMessages += flushed;
            if (isTerminal()) {
                return RunResult.DRAINED;
            }
        }
        return RunResult.BUDGET_SPENT;
    }

    private void armTimer() {
        if (this.batchTimer == null) {
            this.batchTimer = this.timers.schedule(this.wakeUp, this.batchDeadline - System.nanoTime());
        }
    }

    private void disarmTimer() {
        if (this.batchTimer != null) {
            this.batchTimer.cancel(false);
            this.batchTimer = null;
        }
    }

    /**
     * Hands the batch to the handler.
     *
     * @return how many messages it had, or {@code -1} when an async flush is in flight (the run must end)
     */
    @SuppressWarnings("unchecked")
    private int flush(FlushTrigger trigger) {
        disarmTimer();
        List<Envelope> live = new ArrayList<>(this.batch.size());
        for (Envelope envelope : this.batch) {
            if (envelope.isCall() && envelope.isDone()) {
                expired(envelope);   // its caller gave up while the batch was filling
            }
            else {
                live.add(envelope);
            }
        }
        this.batch.clear();
        int size = live.size();
        if (size == 0) {
            return 0;
        }
        List<M> messages = new ArrayList<>(size);
        long start = System.nanoTime();
        for (Envelope envelope : live) {
            messages.add((M) envelope.message);
            this.listener.messageStarted(start - envelope.acceptedAt);
        }
        // A call from the handler is part of the batch's first message, for the call chain.
        this.handling = live.get(0);
        List<R> results = null;
        Throwable failure = null;
        try {
            if (this.async) {
                CompletionStage<List<R>> stage = ((AsyncBatchActor<M, R>) this.actor.current).handleBatch(messages);
                AsyncStage waiter = AsyncStage.await(this, stage, start);
                this.flushing = live;
                this.flushingTrigger = trigger;
                this.inFlight = waiter;
                if (waiter.park()) {
                    return -1;
                }
                return finishStage(waiter) ? size : 0;
            }
            results = ((BatchActor<M, R>) this.actor.current).handleBatch(messages);
        }
        catch (Throwable ex) {
            failure = ex;
        }
        finishFlush(live, trigger, start, results, failure);
        return size;
    }

    /**
     * Applies a settled flush's outcome on the actor's thread, unless an aborted stop gave up on it (the stop then
     * fails its callers with what is queued).
     *
     * @return whether the outcome was applied
     */
    @SuppressWarnings("unchecked")
    private boolean finishStage(AsyncStage stage) {
        if (isAbortRequested()) {
            return false;
        }
        List<Envelope> live = this.flushing;
        this.inFlight = null;
        this.flushing = null;
        finishFlush(live, this.flushingTrigger, stage.startedAt, (List<R>) stage.value(), stage.failure());
        return true;
    }

    private void finishFlush(List<Envelope> live, FlushTrigger trigger, long start, List<R> results,
            Throwable failure) {
        this.handling = null;
        int size = live.size();
        if (failure == null && results != null && results.size() != size) {
            failure = new BatchResultSizeException(this.name, size, results.size());
        }
        this.flushes++;
        this.lastFlushSize = size;
        this.listener.batchFlushed(trigger, size, System.nanoTime() - start, failure == null);
        if (failure == null) {
            this.counters.countHandled(size);
            for (int i = 0; i < size; i++) {
                succeeded(live.get(i), (results != null) ? results.get(i) : null);
            }
        }
        else {
            this.counters.countFailed(size);
            int casts = 0;
            for (Envelope envelope : live) {
                if (failedWith(envelope, failure)) {
                    casts++;
                }
            }
            if (casts > 0) {
                logger.warn("Batch actor '{}' failed a batch of {} messages, {} of them casts (counted as failed)",
                        this.name, size, casts, failure);
            }
            onFailure(failure);
        }
    }

    @Override
    boolean hasPending() {
        return !this.batch.isEmpty() || this.inFlight != null;
    }

    @Override
    boolean pendingDue() {
        return !this.batch.isEmpty() && System.nanoTime() - this.batchDeadline >= 0;
    }

    @Override
    void failPending(ActorClosedException reason) {
        if (abandonInFlight()) {
            for (Envelope envelope : this.flushing) {
                failClosed(envelope, reason);
            }
            this.flushing = null;
        }
        disarmTimer();
        for (Envelope envelope : this.batch) {
            failClosed(envelope, reason);
        }
        this.batch.clear();
    }

    @Override
    long flushes() {
        return this.flushes;
    }

    @Override
    int lastFlushSize() {
        return this.lastFlushSize;
    }
}
